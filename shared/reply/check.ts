/**
 * The whole reply check the CLI and the composer share: the calm check plus the source's size limit,
 * with a finding at the point where the reply goes over the limit.
 */
import { utf8Bytes } from '../google/limits';
import { lintReply, type LintFinding, type LintOptions } from './lint';
import { replyLimitFor, replySize, type SourceRef } from './limits';

export interface ReplyCheck {
  bytes: number;
  /** The source's limit, in `unit`; null when the site documents none. */
  limit: number | null;
  /** Who sets the limit ("Google", "Trustpilot"), for messages. */
  service: string;
  unit: 'bytes' | 'characters';
  size: number;
  findings: LintFinding[];
}

/** The UTF-16 offset where `text` first exceeds `limit` in the source's unit, or null. */
function overLimitAt(text: string, limit: number, unit: 'bytes' | 'characters'): number | null {
  let size = 0;
  let offset = 0;
  for (const ch of text) {
    size += unit === 'bytes' ? utf8Bytes(ch) : 1;
    if (size > limit) return offset;
    offset += ch.length;
  }
  return null;
}

export function checkReply(text: string, source: string | SourceRef, options: LintOptions): ReplyCheck {
  const { limit, unit, service } = replyLimitFor(source);
  const size = replySize(text, source);
  const findings = lintReply(text, options);
  const at = limit !== null && size > limit ? overLimitAt(text, limit, unit) : null;
  if (at !== null && limit !== null) {
    findings.unshift({ rule: 'limit', severity: 'error', start: at, end: text.length, key: `limit.${unit}`, params: { size, limit, over: size - limit } });
  }
  return { bytes: utf8Bytes(text), limit, unit, service, size, findings };
}

/** A UTF-16 offset as a count of Unicode code points (what "character offset" means outside JS). */
export function codePointOffset(text: string, utf16Offset: number): number {
  let n = 0;
  for (let i = 0; i < utf16Offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) n++;
  }
  return n;
}
