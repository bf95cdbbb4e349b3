import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, examplesIn, libraryProgram, publicExports } from '../helpers/jsdoc.js';

const run = promisify(execFile);
const LIBRARY = pathToFileURL(fileURLToPath(new URL('../../dist/index.js', import.meta.url))).href;
const scratch = mkdtempSync(join(tmpdir(), 'retry-run-jsdoc-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Besides every function, class and constant: the types a user writes first. */
const MAIN_TYPES = [
  'RetryAsyncOptions',
  'RetryAsyncError',
  'RetryInfo',
  'RetryOptions',
  'RunResult',
  'PolicyOptions',
  'ConditionOptions',
  'Runner',
  'AttemptResult',
  'RetryEvent',
  'CommandRunnerOptions',
  'HttpRunnerOptions',
];

const library = libraryProgram();
const api = publicExports(library);
const files = [...new Set(api.flatMap((exported) => exported.files))].sort();
const examples = files.flatMap(examplesIn);

/** `console.log(x); // 7`: the lines an example says it prints. */
function promisedLines(code: string): string[] {
  return [...code.matchAll(/^console\.log\(.*\); \/\/ (.+)$/gm)].map((match) => match[1]!);
}

/** Type-checks every example in one program, each in its own module. */
function exampleDiagnostics(): Map<string, readonly ts.Diagnostic[]> {
  writeFileSync(join(scratch, 'package.json'), '{ "type": "module" }');
  const paths = examples.map((_, index) => join(scratch, `example-${index}.ts`));
  examples.forEach((example, index) => writeFileSync(paths[index]!, example.code));
  const program = libraryProgram(paths, library);
  return new Map(
    examples.map((example, index) => {
      const source = program.getSourceFile(paths[index]!)!;
      const diagnostics = [
        ...program.getSyntacticDiagnostics(source),
        ...program.getSemanticDiagnostics(source),
      ];
      return [example.where, diagnostics];
    }),
  );
}

const describeDiagnostic = (diagnostic: ts.Diagnostic) => {
  const { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start!);
  return `line ${line + 1}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
};

describe('the JSDoc of the public API', () => {
  it.each(api.filter((exported) => exported.isValue).map((exported) => exported.name))(
    '%s has a description and an @example',
    (name) => {
      const exported = api.find((candidate) => candidate.name === name)!;
      expect(exported.description).not.toBe('');
      expect(exported.exampleCount).toBeGreaterThan(0);
    },
  );

  it.each(MAIN_TYPES)('type %s has a description and an @example', (name) => {
    const exported = api.find((candidate) => candidate.name === name);
    expect(exported, `${name} is no longer exported: update MAIN_TYPES`).toBeDefined();
    expect(exported!.description).not.toBe('');
    expect(exported!.exampleCount).toBeGreaterThan(0);
  });

  it('every export, types included, has a description', () => {
    const bare = api.filter((exported) => exported.description === '');
    expect(bare.map((exported) => exported.name)).toEqual([]);
  });
});

describe('the built type declarations (dist/types)', () => {
  const withExamples = files.filter((file) => examplesIn(file).length > 0);

  it.each(withExamples.map((file) => [file.slice(ROOT.length), file] as const))(
    '%s keeps its JSDoc examples for editors',
    (_, file) => {
      const declarations = join(ROOT, 'dist/types', file.slice(`${ROOT}src/`.length));
      const built = readFileSync(declarations.replace(/\.ts$/, '.d.ts'), 'utf8');
      expect(examplesIn(file).length).toBe(built.split('@example').length - 1);
    },
  );
});

describe('the @example blocks of the files src/index.ts re-exports', () => {
  const diagnostics = exampleDiagnostics();

  it.each(examples.map((example) => [example.where, example.code] as const))(
    '%s imports from retry-run and type-checks',
    (where, code) => {
      expect(code).toMatch(/from 'retry-run';/);
      expect(diagnostics.get(where)!.map(describeDiagnostic)).toEqual([]);
    },
  );

  const runnable = examples.filter((example) => promisedLines(example.code).length > 0);

  it('the cheap, safe examples are run (those that say what they print)', () => {
    const ran = runnable.map((example) => example.code).join('\n');
    for (const name of ['retryAsync', 'parseDuration', 'formatDuration', 'schedule'])
      expect(ran).toContain(`${name}(`);
  });

  it.each(runnable.map((example) => [example.where, example.code] as const))(
    '%s prints what it says against the built dist/index.js',
    async (where, code) => {
      const js = ts.transpileModule(code, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      }).outputText;
      const file = join(scratch, `${where.replace(/\W/g, '-')}.mjs`);
      writeFileSync(file, js.replaceAll("from 'retry-run'", `from '${LIBRARY}'`));
      const { stdout } = await run(process.execPath, [file], { cwd: scratch });
      const lines = stdout.split('\n');
      for (const line of promisedLines(code)) expect(lines).toContain(line);
    },
  );
});
