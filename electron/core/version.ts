import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** The app version from package.json (the one place it is written). */
export function packageVersion(): string {
  try {
    const raw: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    return z.object({ version: z.string() }).parse(raw).version;
  } catch {
    return '0.0.0';
  }
}
