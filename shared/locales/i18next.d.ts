import type { UiStrings } from './index';

/**
 * Every `t('…')` (react-i18next) and `i18n.t` is checked against the English locale files: a key that does
 * not exist fails `npm run typecheck`. Keys built at run time must come from a typed union (e.g.
 * `t(\`problems.kind.${p.kind}\`)` with `kind: 'corrupt' | …`), so tsc checks every member.
 */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: UiStrings };
    returnNull: false;
  }
}
