import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, startHost, type RunningHost } from './browser-host.ts';
import { makeTempDir } from './temp-dir.ts';

export interface BrowserSession {
  dataDir: string;
  host: RunningHost;
  browser: Browser;
  page: Page;
}

/**
 * One host on a fresh data directory and one browser page for a whole suite, closed after it.
 * `seed` runs on the data directory before the host starts; `launch` starts the browser (one with
 * a fake microphone, say). Tests may replace `host` (a restart).
 */
export function useBrowserSession(
  viewport: { width: number; height: number },
  seed?: (dataDir: string) => Promise<void> | void,
  launch: (dataDir: string) => Promise<Browser> = () => launchBrowser(),
): BrowserSession {
  const temp = makeTempDir();
  const session = { dataDir: temp.dir } as BrowserSession;
  beforeAll(async () => {
    await seed?.(temp.dir);
    session.host = await startHost(temp.dir);
    session.browser = await launch(temp.dir);
    session.page = await session.browser.newPage({ viewport });
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.host?.stop();
    temp.remove();
  });
  return session;
}
