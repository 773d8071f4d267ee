/** The calm check: types shared by every rule (pure; runs in the renderer, the core and the CLI). */

export type ReplyLanguage = 'nl' | 'en';
export type Formality = 'u' | 'je';

export const LINT_RULES = [
  'defensive',
  'blame',
  'lecturing',
  'sarcasm',
  'apology',
  'shouting',
  'tone',
  'gendered',
  'formality',
  'personal-data',
  'rating-request',
  'greeting',
  'sign-off',
  'length',
  /** Over the source's size limit (added by `checkReply`). */
  'limit',
] as const;
export type LintRuleId = (typeof LINT_RULES)[number];

/** error: Kalm stops the reply until it is fixed; warning: should be fixed; info: a hint. */
export type Severity = 'error' | 'warning' | 'info';

export interface LintFinding {
  rule: LintRuleId;
  severity: Severity;
  /** Offsets into the reply as a JS string (UTF-16 code units), end exclusive: `text.slice(start, end)`. */
  start: number;
  end: number;
  /** i18n key under `composer.lint.` (e.g. `defensive`, `tone.emoji`). */
  key: string;
  params?: Record<string, string | number>;
  /**
   * Calm rewrites in the reply's language and form of address: each replaces `text.slice(start, end)`
   * ("" removes it). Filled in by `lintReply`; empty where only the owner can rewrite (length, limit).
   */
  suggestions?: string[];
}

export interface LintOptions {
  /** The language of the reply. */
  lang: ReplyLanguage;
  /** The business's Dutch form of address; null: no preference (only mixing is flagged). */
  formality?: Formality | null;
  /** Emoji, slang and hedging diminutives are fine in this tone. */
  casual?: boolean;
  /** The review's own text, to judge the reply's length (null: a rating-only review). */
  reviewText?: string | null;
  /** Contact details the business offers on purpose (its phone, e-mail, contact page): not personal data. */
  allowedContacts?: readonly string[];
  /** The review's stars: praise gets a shorter length budget. */
  rating?: number | null;
  /** The sign-off the business uses (e.g. "Sanne" or "^SB"). */
  signature?: string;
  /** The reviewer's first name, for a greeting in a rewrite ("Dear Anna,"); empty or absent: none. */
  reviewerName?: string;
}

export interface LintRule {
  id: LintRuleId;
  check(text: string, options: LintOptions): LintFinding[];
}
