import { createRequire } from 'node:module';

const requireFromHere = createRequire(import.meta.url);

/**
 * A CommonJS package loaded at its first use instead of when Kalm starts: exceljs,
 * PouchDB, google-auth-library and papaparse together took over half a second of a web host's start although
 * a start needs none of them. For code that must stay synchronous; async code uses `await import()`.
 */
export function lazyRequire<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireFromHere(name) as T);
}
