/** Emoji, slang and hedging diminutives ("foutje", "probleempje") when the tone of voice is not casual. */
import { anyOf, findAll } from '../match';
import type { LintFinding, LintRule } from '../types';

/** One emoji with its modifiers and joined parts, tried only where a candidate code unit is (see `emojis`). */
const emojiAt = /\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|\p{Emoji_Modifier})*/uy;
const smiley = /[:;]-?[)(DP](?![\p{L}\p{N}])/gu;

/** Code units that can start an emoji: © ®, the symbol blocks U+2000–U+33FF, and surrogate pairs. */
const mayStartEmoji = (c: number): boolean => c === 0xa9 || c === 0xae || (c >= 0x2000 && c <= 0x33ff) || (c >= 0xd83c && c <= 0xd83e);

function emojis(text: string): LintFinding[] {
  const out: LintFinding[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!mayStartEmoji(text.charCodeAt(i))) continue;
    emojiAt.lastIndex = i;
    const m = emojiAt.exec(text);
    if (!m) continue;
    out.push({ rule: 'tone', severity: 'warning', start: i, end: i + m[0].length, key: 'tone.emoji' });
    i += m[0].length - 1;
  }
  return out;
}
const slangEn = anyOf(['lol', 'lmao', 'omg', 'thx', 'tnx', 'pls', 'plz', 'gonna', 'wanna', 'gotta', 'dude', 'ya', 'cuz', 'k thx', 'no worries mate', 'xoxo']);
const slangNl = anyOf(['lol', 'omg', 'thx', 'tnx', 'pls', 'plz', 'joh', 'toppie', 'hoi hoi', 'doei', 'xoxo', 'ff', 'effe', 'nie', 'gwn', 'idd', 'sowieso', 'chill']);
/** Diminutives that play a complaint down; ordinary words such as "broodje" or "kopje" are not in the list. */
const hedgeNl = anyOf(['foutjes?', 'probleempjes?', 'dingetjes?', 'momentjes?', 'klachtjes?', 'misverstandjes?', 'kleinigheidjes?', 'ongelukjes?', 'vergissinkjes?', 'berichtjes?', 'mailtjes?', 'belletjes?', 'vraagjes?', 'beetje jammer']);
const hedgeEn = anyOf(['a (?:tiny|little|wee) (?:mistake|problem|hiccup|issue|mix-up)', 'hiccups?', 'a tad', 'kinda', 'sorta']);

export const toneRule: LintRule = {
  id: 'tone',
  check(text, { lang, casual }) {
    if (casual === true) return [];
    return [
      ...[...emojis(text), ...findAll(text, smiley, { rule: 'tone', severity: 'warning', key: 'tone.emoji' })].sort((a, b) => a.start - b.start),
      ...findAll(text, lang === 'nl' ? slangNl : slangEn, { rule: 'tone', severity: 'warning', key: 'tone.slang' }),
      ...findAll(text, lang === 'nl' ? hedgeNl : hedgeEn, { rule: 'tone', severity: 'info', key: 'tone.diminutive' }),
    ];
  },
};
