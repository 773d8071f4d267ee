// The calm check on a 4096-byte reply: the time per run against a plain regex scan of the same text.
import { utf8Bytes } from '../shared/google/limits';
import { lintReply } from '../shared/reply/lint';

const PARAGRAPH =
  'Beste Anna, bedankt voor uw review. Het spijt ons dat het brood niet vers was — dat hoort niet zo te gaan. ' +
  'Dat klopt niet met onze standaard!! U had moeten bellen, wij zijn ECHT NIET zo 😀. Bel ons op 020 123 4567 of mail info@zonnig.nl; ' +
  'de Dorpsstraat 12 is ons adres. Wilt u uw beoordeling aanpassen? Dan krijgt u een waardebon. Café Zoë, één keer. ';

/** A reply of `bytes` UTF-8 bytes (or just under, cut on a character boundary) plus a `^AB` sign-off line. */
export function replyOfBytes(bytes: number): string {
  let text = '';
  while (utf8Bytes(text) < bytes) text += PARAGRAPH;
  const chars = Array.from(text);
  while (utf8Bytes(chars.join('')) > bytes) chars.pop();
  return chars.join('') + '\n^AB';
}

const timePerRun = (fn: () => unknown, minMs: number): number => {
  let runs = 0;
  const start = performance.now();
  let now = start;
  while (now - start < minMs) {
    for (let i = 0; i < 20; i++) fn();
    runs += 20;
    now = performance.now();
  }
  return (now - start) / runs;
};

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/**
 * The lint and its baseline timed in alternating rounds: on a shared, loaded machine a load spike then
 * hits both sides of a round alike, and the median round is the figure (one long run of each swung
 * the ratio between 4 and 14 from one run to the next).
 */
function timeAgainstBaseline(lint: () => unknown, baseline: () => unknown, rounds = 8, msPerRound = 40): { lintMs: number; baselineMs: number; ratio: number } {
  for (let i = 0; i < 50; i++) {
    // warm up the JIT
    lint();
    baseline();
  }
  const lintMs: number[] = [];
  const baselineMs: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const l = timePerRun(lint, msPerRound);
    const b = timePerRun(baseline, msPerRound);
    lintMs.push(l);
    baselineMs.push(b);
    ratios.push(l / b);
  }
  return { lintMs: median(lintMs), baselineMs: median(baselineMs), ratio: median(ratios) };
}

export function benchReplyLint(): Record<string, number> {
  const text = replyOfBytes(4092); // + the 4-byte sign-off: 4096 bytes
  const options = { lang: 'nl' as const, formality: 'u' as const, reviewText: 'Het brood was oud.', allowedContacts: ['info@zonnig.nl'], signature: '^AB' };
  let findings = 0;
  // Baseline: one plain Unicode word scan of the same text.
  const words = /[\p{L}\p{N}]+/gu;
  const { lintMs, baselineMs, ratio } = timeAgainstBaseline(
    () => (findings = lintReply(text, options).length),
    () => text.match(words)?.length ?? 0,
  );
  return {
    reply_lint_bytes: utf8Bytes(text),
    reply_lint_findings: findings,
    reply_lint_ms: Number(lintMs.toFixed(4)),
    reply_lint_baseline_ms: Number(baselineMs.toFixed(4)),
    reply_lint_ratio: Number(ratio.toFixed(2)),
  };
}
