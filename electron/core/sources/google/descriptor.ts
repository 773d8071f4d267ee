import { KalmError } from '../../../../shared/domain/errors';
import { replyLimitFor } from '../../../../shared/reply/limits';
import { capabilitiesOf } from '../../../../shared/sources/capabilities';
import { GOOGLE_FILES } from './data-files';
import type { SourceDescriptor } from '../descriptor';
import { googlePublisher } from './publisher';
import { googleBusinessSource } from './review-source';
import type { GoogleService } from './service';
import { wireGoogle } from './wiring';
import { kindOfReview } from '../kind-of';

declare module '../descriptor' {
  interface SourceServices {
    'google-business': GoogleService;
  }
}

/** Google Business Profile: OAuth sign-in, locations, sync, replies through the outbox with a conflict check. */
export const googleBusinessDescriptor: SourceDescriptor<'google-business'> = {
  kind: 'google-business',
  cliName: 'google',
  capabilities: capabilitiesOf('google-business'),
  replyLimit: (source) => replyLimitFor(source),
  files: GOOGLE_FILES,
  async build(ctx) {
    const { store, settings, bus } = ctx;
    const google = await wireGoogle(ctx.opts, ctx);
    return {
      service: google,
      reviewSource: googleBusinessSource(google, async () => ctx.workspace.locations.filter((l) => kindOfReview(ctx.workspace, l) === 'google-business')),
      handlers: {
        'google.status': () => google.status(),
        'google.connect': async () => ({ authUrl: (await google.beginConnect()).authUrl }),
        'google.discover': () => google.discover(),
        'google.setClient': ({ clientId, clientSecret }) => {
          store.assertWritable();
          if (!settings) throw new KalmError('locked', 'Kalm opened this data folder read-only, so it cannot save settings.');
          settings.set('google.clientId', clientId);
          settings.set('google.clientSecret', clientSecret);
          bus.emit('workspace.sourcesChanged', {});
          return google.status();
        },
        'google.selectLocations': ({ locationIds }) => google.selectLocations(locationIds),
        'google.sync': ({ full }) => google.sync({ full: full ?? false }),
      },
      publisher: googlePublisher(google, (review) => kindOfReview(ctx.workspace, review) === 'google-business'),
      background: {
        run: () => google.sync({ full: false }),
        ready: async () => {
          const s = await google.status();
          return s.connected && !s.needsReconnect && s.locations.some((l) => l.selected);
        },
      },
    };
  },
};
