import type { ParseKeys } from 'i18next';

/**
 * A key of the UI strings as `t` accepts it (a plural without its `_one`/`_other`), checked against the
 * English locale files (see ./i18next.d.ts). Use it where a key is kept in data: a settings section's heading,
 * a key passed down to be translated later.
 */
export type UiKey = ParseKeys<'translation'>;

/** The keys under one group, e.g. `UiKeyUnder<'composer.lint'>` for the calm check's messages. */
export type UiKeyUnder<Group extends string> = Extract<UiKey, `${Group}.${string}`>;
