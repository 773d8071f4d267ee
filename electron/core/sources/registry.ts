/**
 * The source registry: every kind of review site Kalm knows, in build order, and the one place that lists them.
 * create-kalm builds them, the outbox gets their publishers, background sync runs theirs, the data-folder check and
 * backups take their files, and the CLI routes `connect`/`sync --source` by their names.
 *
 * Adding a source (README, "Adding a source", says it in full): its kind, capabilities and reply limit in shared/;
 * one folder electron/core/sources/<name>/ with a `descriptor.ts` exporting a `SourceDescriptor` (it adds its
 * service type to `SourceServices` by declaration merging); and one line below.
 */
import type { CoreHandlers } from '../handler-map';
import type { RegisteredKind, SourceBuildContext, SourceDescriptor, SourceServices, BuiltSource } from './descriptor';
import { googleBusinessDescriptor } from './google/descriptor';
import { googlePlayDescriptor } from './play/descriptor';
import { fileImportDescriptor } from './import/descriptor';
import type { JsonFileSpec } from '../store/json-file-recovery';
import type { SourcePublisher } from '../outbox/source-publisher';
import type { ReviewSource } from './source';

type AnyDescriptor = { [K in RegisteredKind]: SourceDescriptor<K> }[RegisteredKind];

/** In build order: a source may `use` the ones before it (Play uses Google's sign-in). */
export const SOURCE_REGISTRY: readonly AnyDescriptor[] = [googleBusinessDescriptor, googlePlayDescriptor, fileImportDescriptor];

/** Every source's single files in the data folder (state, sign-ins, keys): checked at start, secret ones kept out of backups. */
export const SOURCE_FILES: readonly JsonFileSpec<unknown>[] = SOURCE_REGISTRY.flatMap((d) => d.files);

/** The descriptor with this command-line name (`google`, `play`), if any. */
export const descriptorByCliName = (name: string): AnyDescriptor | undefined => SOURCE_REGISTRY.find((d) => d.cliName === name);

/** Command-line names of the sources that have one. */
export const cliSourceNames = (): string[] => SOURCE_REGISTRY.flatMap((d) => (d.cliName === null ? [] : [d.cliName]));

export interface BuiltSources {
  services: { [K in RegisteredKind]: SourceServices[K] };
  handlers: Partial<CoreHandlers>;
  /** Every source through the one `ReviewSource` interface, by kind. */
  reviewSources: { [K in RegisteredKind]: ReviewSource };
  publishers: SourcePublisher[];
  background: { ready(): Promise<boolean>; run(): Promise<unknown> }[];
}

/** Builds every registered source for one core. */
export async function buildSources(base: Omit<SourceBuildContext, 'use'>): Promise<BuiltSources> {
  const built = new Map<RegisteredKind, BuiltSource<unknown>>();
  const use = <K extends RegisteredKind>(kind: K): SourceServices[K] => {
    const source = built.get(kind);
    if (!source) throw new Error(`Source "${kind}" is used before it is built; list it earlier in SOURCE_REGISTRY.`);
    return source.service as SourceServices[K];
  };
  const handlers: Partial<CoreHandlers> = {};
  for (const descriptor of SOURCE_REGISTRY) {
    const source: BuiltSource<unknown> = await descriptor.build({ ...base, use });
    built.set(descriptor.kind, source);
    for (const name of Object.keys(source.handlers)) {
      if (name in handlers) throw new Error(`Two sources implement the call "${name}".`);
    }
    Object.assign(handlers, source.handlers);
  }
  const services = Object.fromEntries(SOURCE_REGISTRY.map((d) => [d.kind, use(d.kind)])) as BuiltSources['services'];
  const all = [...built.values()];
  const reviewSources = Object.fromEntries([...built].map(([kind, b]) => [kind, b.reviewSource])) as BuiltSources['reviewSources'];
  return {
    services,
    handlers,
    reviewSources,
    publishers: all.flatMap((s) => (s.publisher ? [s.publisher] : [])),
    background: all.flatMap((s) => (s.background ? [s.background] : [])),
  };
}

/** Background sync runs every source that syncs by itself and is ready (connected, something chosen). */
export function backgroundSync(jobs: BuiltSources['background']): { run: () => Promise<unknown>; ready: () => Promise<boolean> } {
  const readyJobs = async () => {
    const ready = await Promise.all(jobs.map((j) => j.ready().catch(() => false)));
    return jobs.filter((_, i) => ready[i]);
  };
  return {
    ready: async () => (await readyJobs()).length > 0,
    /** One source failing does not keep the others from syncing; the first failure is reported after all had their turn. */
    async run() {
      let last: unknown;
      const failures: unknown[] = [];
      for (const job of await readyJobs()) {
        try {
          last = await job.run();
        } catch (err) {
          failures.push(err);
        }
      }
      if (failures.length > 0) throw failures[0];
      return last;
    },
  };
}
