import { KalmError } from '../../../../shared/domain/errors';
import type { Source } from '../../../../shared/domain/source';

/**
 * The demo at the first real import: it is kept beside the imported reviews (marked as demo) until the owner
 * removes it on purpose (the app asks; `kalm demo --remove`). Nothing the owner made on demo reviews is ever
 * removed silently. Only an import under the demo's own source name is refused, as it would mix the two.
 */
export function keepDemoBeside(sources: readonly Source[], importSourceId: string): void {
  const demo = sources.find((s) => s.id === importSourceId && s.state === 'demo');
  if (demo) {
    throw new KalmError('invalid_input', `"${importSourceId}" is the demo's source name; import under another name (--source), or remove the demo first (kalm demo --remove).`);
  }
}
