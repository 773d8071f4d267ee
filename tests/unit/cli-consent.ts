import { playTime, type GoogleEmulator } from '../emulator';
import { runKalm, type Run } from './run-kalm';

/** What a browser does with the consent URL: Google redirects to Kalm's loopback, which we then visit. */
export async function actAsBrowser(consentUrl: string): Promise<void> {
  const res = await fetch(consentUrl, { redirect: 'manual' });
  const location = res.headers.get('location');
  if (!location) throw new Error(`no redirect from the consent page (${res.status})`);
  await fetch(location);
}

/** Runs `kalm connect …` and, as the owner's browser, follows the consent URL it prints; resolves once both are done. */
export async function connectWithConsent(args: string[], env: Record<string, string>): Promise<Run> {
  let browsed: Promise<void> | null = null;
  const run = await runKalm(args, env, (line) => {
    if (line.startsWith('http') && !browsed) browsed = actAsBrowser(line);
  });
  await browsed;
  return run;
}

/** Puts `count` Play reviews on the emulator for `packageName`, one a minute apart from an hour ago, stars 1–5 in turn. */
export function addPlayReviews(emu: GoogleEmulator, packageName: string, count: number, idPrefix: string): void {
  for (let i = 0; i < count; i++) {
    emu.play.add(packageName, {
      reviewId: `${idPrefix}${i}`,
      authorName: `Gebruiker ${i}`,
      user: { text: `Review ${i}`, starRating: (i % 5) + 1, lastModified: playTime(Date.now() - 3_600_000 - i * 60_000), appVersionName: '4.1.2' },
    });
  }
}
