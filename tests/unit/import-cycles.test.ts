import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './run-kalm';

/**
 * No import cycles in electron/, shared/ and renderer/: a module never reaches itself through the modules it
 * imports. Every import counts: static imports, re-exports, dynamic `import()` and type-only imports too (a
 * type cycle loads nothing at run time, but two modules that need each other's names are one module in two
 * files to a reader). Only relative imports of .ts/.tsx files are followed (a package cannot import the project).
 */

const FOLDERS = ['electron', 'shared', 'renderer'];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** The file a relative specifier names, as TypeScript's "bundler" resolution finds it; null for anything else (json, css). */
function resolveRelative(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The relative module specifiers `file` imports. */
function relativeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const specs: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) specs.push(node.moduleSpecifier.text);
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) specs.push(node.moduleSpecifier.text);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg)) specs.push(arg.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specs.filter((s) => s.startsWith('.'));
}

/** Every elementary cycle reachable in the graph, each once, written from its smallest file: "a.ts → b.ts → a.ts". */
function findCycles(graph: Map<string, string[]>): string[] {
  const found = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') {
        const loop = stack.slice(stack.indexOf(next));
        const start = loop.indexOf([...loop].sort()[0] ?? next);
        const rotated = [...loop.slice(start), ...loop.slice(0, start)];
        found.add([...rotated, rotated[0]].join(' → '));
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return [...found].sort();
}

describe('import cycles', () => {
  it('finds each cycle once, written from its first file, and nothing in a tree', () => {
    const graph = new Map([['b.ts', ['c.ts']], ['c.ts', ['a.ts', 'd.ts']], ['a.ts', ['b.ts']], ['d.ts', ['d.ts']], ['e.ts', ['a.ts']]]);
    expect(findCycles(graph)).toEqual(['a.ts → b.ts → c.ts → a.ts', 'd.ts → d.ts']);
    expect(findCycles(new Map([['a.ts', ['b.ts', 'c.ts']], ['b.ts', ['c.ts']], ['c.ts', []]]))).toEqual([]);
  });

  it('electron/, shared/ and renderer/ import no module that imports them back', () => {
    const graph = new Map<string, string[]>();
    const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join('/');
    for (const file of FOLDERS.flatMap((f) => sourceFiles(path.join(ROOT, f)))) {
      const targets = relativeImports(file).map((s) => resolveRelative(file, s)).filter((t): t is string => t !== null);
      graph.set(rel(file), [...new Set(targets.map(rel))]);
    }
    expect(graph.size).toBeGreaterThan(300);
    const cycles = findCycles(graph);
    if (cycles.length > 0) console.error(`Import cycles (${cycles.length}):\n${cycles.map((c) => `  ${c}`).join('\n')}`);
    expect(cycles).toEqual([]);
  });
});
