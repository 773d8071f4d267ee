const MARKUP: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Notification body text as the platform will show it. Linux notification servers read the body
 * as markup (the Desktop Notifications spec's <b>, <i>, <a href>, <img>), so reviewer text is
 * escaped there and shows literally; macOS and Windows show plain text, which stays as it is.
 * The title is plain text everywhere (the spec allows no markup in the summary).
 */
export function notificationBody(text: string, platform: NodeJS.Platform = process.platform): string {
  return platform === 'linux' ? text.replace(/[&<>"']/g, (c) => MARKUP[c] ?? c) : text;
}
