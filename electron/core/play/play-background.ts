import type { PlayService } from './play-service';

/**
 * The background sync's job with Google Play added: Google Business Profile when it is ready, then every
 * followed Play app (asking Play for a translation into the owner's language). A failure of one does not
 * keep the other from running; the first failure is reported after both had their turn.
 */
export function withPlaySync(google: { run: () => Promise<unknown>; ready: () => Promise<boolean> }, play: Pick<PlayService, 'apps' | 'sync'>) {
  const playReady = async () => (await play.apps()).length > 0;
  return {
    ready: async () => (await google.ready().catch(() => false)) || (await playReady()),
    async run(): Promise<void> {
      const failures: unknown[] = [];
      if (await google.ready().catch(() => false)) await google.run().catch((err: unknown) => failures.push(err));
      if (await playReady()) await play.sync().catch((err: unknown) => failures.push(err));
      if (failures.length > 0) throw failures[0];
    },
  };
}
