import { randomUUID } from 'node:crypto';
import { KalmError } from '../../../shared/domain/errors';
import type { StoreProblem } from '../../../shared/domain/store-problem';
import { ReplyTemplate, TEMPLATE_SCHEMA_VERSION, type TemplateInput } from '../../../shared/reply/templates';
import { RecordFolder } from '../store/record-files';

export const TEMPLATES_DIR = 'templates';

export interface TemplateStore {
  list(): ReplyTemplate[];
  save(input: TemplateInput): Promise<ReplyTemplate>;
  remove(id: string): Promise<void>;
  get(id: string): ReplyTemplate | undefined;
  /** Keeps a template exactly as given (a team member's template arriving through replication). */
  put(record: ReplyTemplate): Promise<void>;
}

/** The owner's templates: one JSON file per template in `<dataDir>/templates/` (atomic writes, quarantine for unreadable files). */
export async function openTemplateStore(opts: { dataDir: string; now: () => Date; onProblem: (p: StoreProblem) => void }): Promise<TemplateStore> {
  const folder = await RecordFolder.open<ReplyTemplate>({
    dataDir: opts.dataDir,
    dir: TEMPLATES_DIR,
    schema: ReplyTemplate,
    version: TEMPLATE_SCHEMA_VERSION,
    keyField: 'id',
    what: 'template',
    onProblem: opts.onProblem,
    now: opts.now,
  });
  return {
    list: () => folder.list().sort((a, b) => a.name.localeCompare(b.name)),
    get: (id) => folder.get(id),
    put: (record) => folder.put(ReplyTemplate.parse(record)),
    async save(input) {
      const at = opts.now().toISOString();
      const existing = input.id ? folder.get(input.id) : undefined;
      if (input.id && !existing) throw new KalmError('not_found', `There is no template "${input.id}"; it may have been deleted.`);
      const record: ReplyTemplate = {
        schemaVersion: TEMPLATE_SCHEMA_VERSION,
        id: existing?.id ?? `t-${randomUUID()}`,
        name: input.name,
        lang: input.lang,
        band: input.band,
        variants: input.variants,
        builtIn: false,
        createdAt: existing?.createdAt ?? at,
        updatedAt: at,
      };
      await folder.put(record);
      return record;
    },
    async remove(id) {
      if (!folder.get(id)) throw new KalmError('not_found', `There is no template "${id}".`);
      await folder.remove(id);
    },
  };
}
