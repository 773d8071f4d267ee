/** A finding's message from a locale tree (the CLI uses the English one; the app uses i18next). */
import type { LocaleTree } from '../../locales';
import type { LintFinding } from './types';

export function lintMessage(finding: Pick<LintFinding, 'key' | 'params'>, tree: LocaleTree): string {
  let node: string | LocaleTree | undefined = tree;
  for (const part of `composer.lint.${finding.key}`.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') return finding.key;
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => String(finding.params?.[name] ?? whole));
}
