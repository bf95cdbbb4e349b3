import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The project root and the library's public entry. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const INDEX = fileURLToPath(new URL('../../src/index.ts', import.meta.url));

/**
 * A program over src/index.ts and `roots`, with the project's strict options (tsconfig.json)
 * and 'retry-run' mapped to src/index.ts, as a user's code sees the library from anywhere.
 * `old`: a program whose unchanged files are reused.
 */
export function libraryProgram(roots: string[] = [], old?: ts.Program): ts.Program {
  const { config } = ts.readConfigFile(`${ROOT}tsconfig.json`, ts.sys.readFile);
  const {
    rootDir: _rootDir,
    outDir: _outDir,
    ...options
  } = ts.parseJsonConfigFileContent(config, ts.sys, ROOT).options;
  const library = {
    noEmit: true,
    baseUrl: ROOT,
    paths: { 'retry-run': [INDEX] },
    typeRoots: [`${ROOT}node_modules/@types`],
  };
  return ts.createProgram([INDEX, ...roots], { ...options, ...library }, undefined, old);
}

export interface PublicExport {
  name: string;
  /** A value (function, class, constant) rather than only a type. */
  isValue: boolean;
  /** Files holding its declarations (a re-export is followed to where it is declared). */
  files: string[];
  /** The JSDoc of its declarations: description and tags. */
  description: string;
  exampleCount: number;
}

/** Every export of src/index.ts, followed to its declaration. */
export function publicExports(program: ts.Program): PublicExport[] {
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(INDEX)!)!;
  return checker.getExportsOfModule(module).map((exported) => {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declarations = symbol.declarations ?? [];
    const tags = declarations.flatMap((declaration) => ts.getJSDocTags(declaration));
    return {
      name: exported.name,
      isValue: (symbol.flags & ts.SymbolFlags.Value) !== 0,
      files: [...new Set(declarations.map((declaration) => declaration.getSourceFile().fileName))],
      description: ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim(),
      exampleCount: tags.filter((tag) => tag.tagName.text === 'example').length,
    };
  });
}

export interface JsDocExample {
  /** `src/engine/retry.ts:59`: where the `@example` tag is. */
  where: string;
  code: string;
}

/**
 * The `@example` blocks of a file: each holds one ```ts fence, whose content is the example,
 * with the comment's ` * ` margin removed.
 */
export function examplesIn(file: string): JsDocExample[] {
  const text = readFileSync(file, 'utf8');
  const relative = file.slice(ROOT.length);
  return [...text.matchAll(/\/\*\*[\s\S]*?\*\//g)].flatMap((comment) => {
    const lines = comment[0].split('\n').map((line) => line.replace(/^\s*\* ?/, ''));
    const examples: JsDocExample[] = [];
    lines.forEach((line, index) => {
      if (!line.startsWith('@example')) return;
      const rest = lines.slice(index + 1);
      const end = rest.findIndex((other) => other.startsWith('@'));
      const section = (end === -1 ? rest : rest.slice(0, end)).join('\n');
      const fence = /```ts\n([\s\S]*?)```/.exec(section);
      const lineNumber = text.slice(0, comment.index).split('\n').length + index;
      examples.push({ where: `${relative}:${lineNumber}`, code: fence?.[1] ?? '' });
    });
    return examples;
  });
}
