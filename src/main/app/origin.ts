/**
 * Is this URL one of the studio's own pages? `new URL('studio://app/…').origin` is the string
 * 'null' for a custom scheme, so compare scheme and host rather than origins.
 */
export const APP_SCHEME = 'studio';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export function isOwnUrl(url: string | undefined, devServerUrl?: string): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  // `npm start` serves the screen from Vite's dev server on localhost.
  if (!devServerUrl) return false;
  const dev = new URL(devServerUrl);
  return parsed.protocol === dev.protocol && parsed.host === dev.host;
}
