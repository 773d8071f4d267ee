import { readFileSync } from 'node:fs';
import { z } from 'zod';

const KalmPackage = z.object({ name: z.literal('kalm'), version: z.string() });

/**
 * The app version from package.json (the one place it is written). The file is looked for from this
 * module upwards, because it runs from the sources (electron/core/) and from bundles (dist-cli/, dist-electron/).
 */
export function packageVersion(): string {
  for (const up of ['../../package.json', '../package.json', '../../../package.json']) {
    try {
      const raw: unknown = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8'));
      const pkg = KalmPackage.safeParse(raw);
      if (pkg.success) return pkg.data.version;
    } catch {
      // not at this level
    }
  }
  return '0.0.0';
}
