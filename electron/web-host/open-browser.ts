
/** The `open` package, loaded when first needed (the CLI starts faster without it). */
const open = async (target: string): Promise<unknown> => (await import('open')).default(target);

/** Whether there is a screen to open something on (Linux without DISPLAY/WAYLAND_DISPLAY has none, e.g. a server or CI). */
const hasDisplay = (): boolean =>
  process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY || !!process.env.WSL_DISTRO_NAME;

/**
 * Opens a URL in the user's browser when there is a screen to show it on; never fails the host.
 * The `open` package picks the right opener on Windows (without cmd's `start`, which would split
 * Google's consent URL at its first unquoted `&`), macOS, Linux and WSL.
 */
export function openInBrowser(url: string, opener: (target: string) => Promise<unknown> = open): void {
  if (!hasDisplay()) return;
  try {
    void opener(url).catch(() => undefined);
  } catch {
    /* no browser opener: the URL is printed anyway */
  }
}

/** Opens a folder in the file manager (web host: "Open data folder", "Open logs folder"); '' when opened, else why not. */
export async function openFolder(folder: string, opener: (target: string) => Promise<unknown> = open): Promise<string> {
  if (!hasDisplay()) return 'there is no screen to open a folder on';
  try {
    await opener(folder);
    return '';
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
