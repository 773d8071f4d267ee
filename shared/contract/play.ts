import { z } from 'zod';
import { ServiceAccountInfo } from '../play/service-account';
import { PlayConnectKeyInput, PlayStatus, PlaySyncInput, PlaySyncTotals } from '../play/status';
import { call, Empty, NoInput } from './fields';

/** Google Play: the apps Kalm follows, signed in with Google or with a service-account key. */
export const playCalls = {
  /** The followed apps and how Kalm signs in to Play. */
  'play.status': call(NoInput, PlayStatus),
  /** Signs in to Google with the androidpublisher scope (the page opens `authUrl`), then follows the app; `workspace.sourcesChanged` fires when done. */
  'play.connect': call(z.object({ packageName: z.string().trim().min(3).max(150).regex(/^[A-Za-z][\w]*(\.[A-Za-z][\w]*)+$/, 'an Android package name looks like com.example.app') }).strict(), z.object({ authUrl: z.string().url() })),
  /** Fetches the apps' reviews of the last 7 days; `warnings` says when a gap of more than 7 days may have lost reviews. */
  'play.sync': call(PlaySyncInput, PlaySyncTotals),
  /** Checks a service-account JSON key with Google, stores it like the Google sign-in, and follows the app. */
  'play.connectKey': call(PlayConnectKeyInput, z.object({ serviceAccount: ServiceAccountInfo })),
  /** Follows another app with the stored service-account key (no sign-in in the browser). */
  'play.addApp': call(PlayConnectKeyInput.pick({ packageName: true }), Empty),
  /** Stops syncing a followed app; its reviews stay (play.addApp follows it again). */
  'play.unfollowApp': call(PlayConnectKeyInput.pick({ packageName: true }), Empty),
  /** Forgets the stored service-account key; Play then uses the Google sign-in again. */
  'play.forgetKey': call(NoInput, Empty),
} as const;
