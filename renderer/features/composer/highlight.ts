import type { LintFinding, Severity } from '../../../shared/reply/lint';

export interface Segment {
  text: string;
  /** The strongest finding over this piece of text, or null for plain text. */
  severity: Severity | null;
  rule: string | null;
}

const rank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/**
 * Cuts the reply into plain and highlighted pieces for the backdrop behind the textarea
 * (text only, never HTML). Overlapping findings split at their edges; the strongest wins.
 */
export function segmentsOf(text: string, findings: readonly LintFinding[]): Segment[] {
  const edges = new Set<number>([0, text.length]);
  for (const f of findings) {
    edges.add(Math.max(0, Math.min(text.length, f.start)));
    edges.add(Math.max(0, Math.min(text.length, f.end)));
  }
  const cuts = [...edges].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const from = cuts[i] ?? 0;
    const to = cuts[i + 1] ?? 0;
    if (to <= from) continue;
    let best: LintFinding | null = null;
    for (const f of findings) if (f.start <= from && f.end >= to && (!best || rank[f.severity] > rank[best.severity])) best = f;
    const piece: Segment = { text: text.slice(from, to), severity: best?.severity ?? null, rule: best?.rule ?? null };
    const last = out[out.length - 1];
    if (last && last.severity === piece.severity && last.rule === piece.rule) last.text += piece.text;
    else out.push(piece);
  }
  return out;
}
