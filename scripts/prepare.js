// `prepare` runs on `npm ci` in a clone (devDependencies installed: build dist/) and on
// `npm install -g .` from a fresh clone, where npm links the folder without installing any
// dependency. esbuild is then absent, and the committed CLI bundle (dist/cli.cjs and
// dist/vendor/, self-contained) is what runs; the README's Install section says why.
import { existsSync } from 'node:fs';

function resolves(specifier) {
  try {
    import.meta.resolve(specifier);
    return true;
  } catch {
    return false;
  }
}

if (resolves('esbuild')) {
  await import('./build.js');
} else if (existsSync('dist/cli.cjs')) {
  console.log('retry-run: esbuild not installed; using the committed dist/cli.cjs');
} else {
  console.error('retry-run: dist/cli.cjs is missing and esbuild is not installed: run npm ci');
  process.exit(1);
}
