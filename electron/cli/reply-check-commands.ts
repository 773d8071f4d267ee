/**
 * `kalm check-reply --text-file F [--lang nl|en] [--source google|play|trustpilot|tripadvisor|facebook|kiyoh|import] [--rating N] [--json]`:
 * the calm check and the length rule on a reply, with a calm rewrite for each finding, without opening the
 * data folder's reviews.
 * Exits 0 even with findings (scripts read them); 2 on bad usage.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Settings } from '../../shared/domain/settings';
import { locales } from '../../shared/locales';
import { checkReply, codePointOffset } from '../../shared/reply/check';
import { IMPORT_SITES } from '../../shared/reply/limits';
import { detectReviewLanguage } from '../../shared/reply/language';
import { lintMessage } from '../../shared/reply/lint/messages';
import type { ReplyLanguage } from '../../shared/reply/lint/types';
import { parseFlags, UsageError } from './args';

const options = {
  'text-file': { type: 'string' },
  lang: { type: 'string' },
  source: { type: 'string' },
  rating: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** The sources whose limit `check-reply` knows without the data folder (imports: per site, or "import" for any other file). */
const CHECK_SOURCES: readonly string[] = ['google', 'play', ...Object.keys(IMPORT_SITES), 'import'];

export function parseCheckReply(args: string[]) {
  const v = parseFlags(args, options);
  if (v['text-file'] === undefined || v['text-file'].trim() === '') throw new UsageError('check-reply needs --text-file FILE (the reply to check)');
  if (v.lang !== undefined && v.lang !== 'nl' && v.lang !== 'en') throw new UsageError(`--lang takes nl or en (got "${v.lang}")`);
  if (v.source !== undefined && !CHECK_SOURCES.includes(v.source)) throw new UsageError(`--source takes ${CHECK_SOURCES.join(', ')} (got "${v.source}")`);
  if (v.rating !== undefined && !/^[1-5]$/.test(v.rating)) throw new UsageError(`--rating takes a star rating from 1 to 5 (got "${v.rating}")`);
  return {
    file: v['text-file'],
    lang: v.lang as ReplyLanguage | undefined,
    source: v.source ?? 'google',
    rating: v.rating === undefined ? null : Number(v.rating),
    json: v.json ?? false,
  };
}

/** The owner's tone settings, read without the writer lock; defaults when there is no valid file. */
async function readTone(dataDir: string): Promise<Settings> {
  try {
    const raw = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')) as { preferences?: unknown };
    const parsed = Settings.safeParse(raw.preferences ?? {});
    return parsed.success ? parsed.data : Settings.parse({});
  } catch {
    return Settings.parse({});
  }
}

/** Line and column (1-based, in characters) of a UTF-16 offset, for the text output. */
function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const col = codePointOffset(before, before.length) - codePointOffset(before, before.lastIndexOf('\n') + 1) + 1;
  return `${line}:${col}`;
}

export async function checkReplyCommand(dataDir: string, args: string[]): Promise<string> {
  const opts = parseCheckReply(args);
  let text: string;
  try {
    text = (await readFile(opts.file, 'utf8')).replace(/\r?\n$/, '');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(`cannot read ${opts.file}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}`, { cause: err });
  }
  const tone = await readTone(dataDir);
  const detected = detectReviewLanguage(text);
  const lang: ReplyLanguage = opts.lang ?? (detected === 'nl' ? 'nl' : 'en');
  const signature = tone.signer || undefined;
  const result = checkReply(text, opts.source, {
    lang,
    formality: lang === 'nl' ? tone.formality : null,
    casual: tone.emojiAllowed,
    rating: opts.rating,
    allowedContacts: tone.contact ? [tone.contact] : [],
    ...(signature ? { signature } : {}),
  });
  const findings = result.findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    start: codePointOffset(text, f.start),
    end: codePointOffset(text, f.end),
    message: lintMessage(f, locales.en),
    at: lineCol(text, f.start),
    excerpt: text.slice(f.start, Math.min(f.end, f.start + 60)).replace(/\s+/g, ' '),
    suggestions: f.suggestions ?? [],
  }));
  if (opts.json) {
    return JSON.stringify({ bytes: result.bytes, limit: result.limit, findings: findings.map(({ rule, severity, start, end, message, suggestions }) => ({ rule, severity, start, end, message, suggestions })) }, null, 2);
  }
  const size = result.limit === null ? `${result.size} ${result.unit}, no maximum documented by ${result.service}` : `${result.size} of ${result.limit} ${result.unit}`;
  const head = `${size} (${lang === 'nl' ? 'Dutch' : 'English'} reply)`;
  if (findings.length === 0) return `${head}\nNo findings: the reply reads calm.`;
  const lines = findings.map((f) => {
    const calmer = f.suggestions.filter((x) => x !== '').map((x) => `\n        calmer: "${x.replace(/\s+/g, ' ')}"`);
    return `${f.at.padEnd(7)} ${f.severity.padEnd(7)} ${f.rule.padEnd(14)} "${f.excerpt}"\n        ${f.message}${calmer.join('')}`;
  });
  const errors = findings.filter((f) => f.severity === 'error').length;
  return `${head}\n${lines.join('\n')}\n${findings.length} finding${findings.length === 1 ? '' : 's'}, ${errors} blocking.`;
}
