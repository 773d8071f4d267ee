import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { localeParts, locales, type LocaleTree } from '../../shared/locales';

/**
 * The locale files against each other and against the code: every key in English and Dutch with the same
 * placeholders, and every key used somewhere in renderer/, electron/ or shared/. tsc checks the other way
 * (a key the code uses must exist: shared/locales/i18next.d.ts).
 */

const ROOT = resolve(__dirname, '../..');
const CODE_DIRS = ['renderer', 'electron', 'shared'];

const leaves = (tree: LocaleTree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1] ?? '').sort();

/** `x_one`, `x_other` (i18next's plural forms) are used as `x` with a count. */
const baseKey = (key: string): string => key.replace(/_(zero|one|two|few|many|other)$/, '');

/**
 * Keys the code builds from a value tsc only knows as `string`. Each entry names the template's fixed start,
 * why it cannot be a typed union, and where the rest of the key comes from.
 */
const DYNAMIC: Record<string, { why: string; restFrom: string }> = {
  // LintList: `composer.lint.${finding.key}`. A finding's key is set by the calm-check rule that found it and
  // travels through the contract as a string; the rules in shared/reply/ spell each key out (a literal or a
  // typed template such as `limit.${unit}`); tests/unit/lint-rules.test.ts checks each has a message.
  'composer.lint.': { why: 'calm-check finding keys', restFrom: 'shared/reply' },
};

function codeFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return codeFiles(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [join(ROOT, path)] : [];
  });
}

/** The possible values of a template's `${…}` part, or null when its type is open (`string`, `number`). */
function valuesOf(checker: ts.TypeChecker, type: ts.Type): string[] | null {
  const out: string[] = [];
  for (const t of type.isUnion() ? type.types : [type]) {
    if (t.isStringLiteral()) out.push(t.value);
    else if (t.isNumberLiteral()) out.push(String(t.value));
    else if (t.flags & ts.TypeFlags.BooleanLiteral) out.push(checker.typeToString(t));
    else if (t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)) continue;
    else return null;
  }
  return out;
}

/** Every key spelled out or built from a typed union in the code, and the templates whose keys tsc cannot enumerate. */
function usedKeys(known: string[]): { used: Set<string>; open: string[] } {
  const files = CODE_DIRS.flatMap(codeFiles);
  const config = ts.readConfigFile(join(ROOT, 'tsconfig.json'), (p) => ts.sys.readFile(p));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  // Without shared/locales/i18next.d.ts `t` takes any string: only the types of the `${…}` parts are needed here.
  const program = ts.createProgram(files, { ...options, noEmit: true });
  const checker = program.getTypeChecker();
  const used = new Set<string>();
  const open: string[] = [];
  const literalsIn: Record<string, Set<string>> = {};
  const isKeyStart = (head: string): boolean => head.includes('.') && known.some((k) => k.startsWith(head));

  const dynamicHeads = new Set<string>();
  const expand = (node: ts.TemplateExpression): string[] | null => {
    let keys = [node.head.text];
    for (const span of node.templateSpans) {
      const values = valuesOf(checker, checker.getTypeAtLocation(span.expression));
      if (values === null) return null;
      keys = keys.flatMap((k) => values.map((v) => k + v + span.literal.text));
    }
    return keys;
  };
  const template = (node: ts.TemplateExpression, file: ts.SourceFile, dir: string | undefined): void => {
    const head = node.head.text;
    if (!isKeyStart(head)) {
      if (dir) for (const value of expand(node) ?? []) (literalsIn[dir] ??= new Set()).add(value);
      return;
    }
    if (DYNAMIC[head]) {
      dynamicHeads.add(head);
      return;
    }
    // `t(\`a.${x}\` as \`a.${Narrow}\`)`: the cast names the keys.
    const cast = ts.isAsExpression(node.parent) ? valuesOf(checker, checker.getTypeFromTypeNode(node.parent.type)) : null;
    if (cast) {
      for (const key of cast) used.add(key);
      return;
    }
    const keys = expand(node);
    if (keys === null) {
      const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
      open.push(`${relative(ROOT, file.fileName)}:${line + 1} ${node.getText(file)}`);
    } else for (const key of keys) used.add(key);
  };

  for (const file of program.getSourceFiles().filter((f) => files.includes(resolve(f.fileName)))) {
    const dir = Object.values(DYNAMIC).find((d) => relative(ROOT, file.fileName).startsWith(`${d.restFrom}/`))?.restFrom;
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
        used.add(node.text);
        if (dir) (literalsIn[dir] ??= new Set()).add(node.text);
      } else if (ts.isTemplateExpression(node)) template(node, file, dir);
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  for (const head of dynamicHeads) for (const rest of literalsIn[DYNAMIC[head]?.restFrom ?? ''] ?? []) used.add(head + rest);
  return { used, open };
}

describe('locale files', () => {
  it('each file has the same keys in English and Dutch, with the same placeholders and no empty text', () => {
    for (const part of localeParts) {
      const en = new Map(leaves(part.en));
      const nl = new Map(leaves(part.nl));
      expect([...nl.keys()].sort(), `${part.name}.nl.json`).toEqual([...en.keys()].sort());
      for (const [key, text] of en) {
        expect(text.trim(), `${part.name}.en.json ${key}`).not.toBe('');
        expect(nl.get(key)?.trim(), `${part.name}.nl.json ${key}`).not.toBe('');
        expect(placeholders(nl.get(key) ?? ''), `${part.name}.nl.json ${key}`).toEqual(placeholders(text));
      }
    }
  });

  it('are named for a domain, and each keeps its keys under its own groups', () => {
    for (const part of localeParts) expect(part.name).not.toMatch(/habit/);
    expect(leaves(locales.en).filter(([key]) => key.startsWith('habits.'))).toEqual([]);
  });

  it('hold no key the code never uses', { timeout: 180_000 }, () => {
    const known = leaves(locales.en).map(([key]) => key);
    const { used, open } = usedKeys(known);
    // A key built from a plain `string` cannot be checked: give it a typed union, or a DYNAMIC entry.
    expect(open).toEqual([]);
    expect(known.filter((key) => !used.has(key) && !used.has(baseKey(key)))).toEqual([]);
  });
});
