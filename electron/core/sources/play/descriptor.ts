import { KalmError } from '../../../../shared/domain/errors';
import { replyLimitFor } from '../../../../shared/reply/limits';
import { capabilitiesOf } from '../../../../shared/sources/capabilities';
import { PLAY_FILES } from './data-files';
import type { SourceDescriptor } from '../descriptor';
import { PLAY_SOURCE, playTimeToIso } from '../../../../shared/play/map-review';
import { playPublisher } from './publisher';
import type { PlayService } from './service';
import { wirePlay } from './wiring';

declare module '../descriptor' {
  interface SourceServices {
    'google-play': PlayService;
  }
}

/** Google Play: the apps' reviews of the last 7 days (Kalm keeps the history), replies of at most 350 characters. */
export const googlePlayDescriptor: SourceDescriptor<'google-play'> = {
  kind: 'google-play',
  cliName: 'play',
  capabilities: capabilitiesOf('google-play'),
  replyLimit: (source) => replyLimitFor(source),
  files: PLAY_FILES,
  async build(ctx) {
    // Play signs in through the Google account (the androidpublisher scope) and uses its HTTP client.
    const google = ctx.use('google-business');
    const play = wirePlay(ctx.opts, {
      workspace: ctx.workspace, store: ctx.store, bus: ctx.bus, google, now: ctx.now,
      language: () => ctx.preferences().language, ...(ctx.prepare ? { prepare: ctx.prepare } : {}),
    });
    const signIn = { busy: false, error: null as string | null };
    return {
      service: play,
      reviewSource: {
        kind: 'google-play',
        capabilities: capabilitiesOf('google-play'),
        replyLimit: (sourceId) => replyLimitFor({ id: sourceId, kind: 'google-play' }),
        listLocations: async () => ctx.workspace.locations.filter((l) => l.source === PLAY_SOURCE),
        async fetchReviews() {
          // Play returns the last 7 days whatever is asked: a "full" sync is the same call.
          const t = await play.sync();
          return { locations: t.apps, reviews: t.fetched, new: t.new, updated: t.updated, deleted: 0 };
        },
        async publishReply(review, text) {
          const result = await (await play.api()).reply(review.locationId, review.externalId, text);
          return { text: result.replyText, updatedAt: playTimeToIso(result.lastEdited), state: 'published' };
        },
        deleteReply: () => Promise.reject(new KalmError('forbidden', 'Google Play has no way to remove a reply; change it in the Play Console.')),
      },
      handlers: {
        'play.status': async () => ({ apps: await play.apps(), signingIn: signIn.busy, lastError: signIn.error, serviceAccount: await play.serviceAccount().catch(() => null) }),
        'play.connect': async ({ packageName }) => {
          if (signIn.busy) throw new KalmError('forbidden', 'A Google sign-in is already waiting in your browser. Finish it there first.');
          const { authUrl, done } = await google.beginConnect({ play: true });
          signIn.busy = true;
          signIn.error = null;
          ctx.bus.emit('workspace.sourcesChanged', {});
          void done
            .then(() => play.addApp(packageName))
            .catch((err: unknown) => {
              signIn.error = err instanceof Error ? err.message : String(err);
            })
            .finally(() => {
              signIn.busy = false;
              ctx.bus.emit('workspace.sourcesChanged', {});
            });
          return { authUrl };
        },
        'play.sync': (input) => play.sync(input),
        // Google Play service account.
        'play.connectKey': async ({ packageName, key }) => {
          ctx.store.assertWritable();
          const serviceAccount = await play.connectWithKey(packageName, key);
          signIn.error = null;
          ctx.bus.emit('workspace.sourcesChanged', {});
          return { serviceAccount };
        },
        'play.addApp': async ({ packageName }) => {
          ctx.store.assertWritable();
          if (!(await play.serviceAccount())) throw new KalmError('forbidden', 'Google Play has no service-account key yet: add the key, or follow the app with the Google sign-in.');
          await play.addApp(packageName);
          ctx.bus.emit('workspace.sourcesChanged', {});
          return {};
        },
        'play.unfollowApp': async ({ packageName }) => {
          ctx.store.assertWritable();
          await play.unfollowApp(packageName);
          ctx.bus.emit('workspace.sourcesChanged', {});
          return {};
        },
        'play.forgetKey': async () => {
          ctx.store.assertWritable();
          await play.forgetKey();
          ctx.bus.emit('workspace.sourcesChanged', {});
          return {};
        },
      },
      publisher: playPublisher(() => play.api()),
      // Every followed app, asking Play for a translation into the owner's language.
      background: {
        ready: async () => (await play.apps()).some((a) => a.followed),
        run: () => play.sync(),
      },
    };
  },
};
