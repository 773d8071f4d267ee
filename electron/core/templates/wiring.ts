import { KalmError } from '../../../shared/domain/errors';
import type { Settings } from '../../../shared/domain/settings';
import { builtInTemplates } from '../../../shared/reply/templates';
import type { CallHandlers } from '../handler-map';
import type { OpenedStore } from '../store/open-store';
import type { TemplateStore } from './template-store';

/** The composer's reply templates: the owner's own (null when opened read-only) and the built-in ones in the chosen formality. */
export function wireTemplates(deps: { templates: TemplateStore | null; store: OpenedStore; settings: () => Settings }): CallHandlers<'templates.list' | 'templates.save' | 'templates.delete'> {
  const writable = (what: string): TemplateStore => {
    deps.store.assertWritable();
    if (!deps.templates) throw new KalmError('locked', `Kalm opened this data folder read-only, so it cannot ${what} templates.`);
    return deps.templates;
  };
  return {
    'templates.list': () => Promise.resolve({ templates: [...(deps.templates?.list() ?? []), ...builtInTemplates(deps.settings().formality)] }),
    'templates.save': async (input) => writable('save').save(input),
    'templates.delete': async ({ id }) => {
      await writable('delete').remove(id);
      return {};
    },
  };
}
