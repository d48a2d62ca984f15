/**
 * Browser mode, cold start: from launching the host to the library screen rendered in Chromium
 * (goal < 2 s), started as `npm run web` starts it — `node scripts/web.mjs`: the hash checks of the
 * screen and host builds, then the built host (.vite/cli/web.js) — and, as "before", the host from
 * its TypeScript sources through tsx (`npm run web:dev`, how every start ran before the build).
 * npm itself adds its own start-up (~0.3 s) to both; it is left out of all three.
 * Reference in the same run: the same browser opening a static page from a bare Node HTTP server
 * started the same way, which no host can beat. Runs alternate; medians; load average printed.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, startHost } from '../tests/helpers/browser-host.ts';
import { percentile } from './corpus.ts';
import { loadAverage } from './whole-process.ts';

const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 5);
const AS_NPM_RUN_WEB = ['scripts/web.mjs'];
const FROM_SOURCES = ['--import', 'tsx', 'src/main/bridge/start.ts'];

type Browser = Awaited<ReturnType<typeof launchBrowser>>;

async function hostStart(browser: Browser, nodeArgs: string[]): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-bench-start-'));
  const page = await browser.newPage();
  try {
    const t0 = performance.now();
    const host = await startHost(dataDir, {}, {}, nodeArgs);
    await page.goto(host.url);
    await page.getByTestId('result-count').waitFor();
    const elapsed = performance.now() - t0;
    await host.stop();
    return elapsed;
  } finally {
    await page.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export default async function startupBench() {
  const browser = await launchBrowser();
  const studioTimes: number[] = [];
  const beforeTimes: number[] = [];
  const referenceTimes: number[] = [];
  const loadAtStart = loadAverage();
  try {
    for (let run = 0; run < RUNS; run++) {
      studioTimes.push(await hostStart(browser, AS_NPM_RUN_WEB));
      beforeTimes.push(await hostStart(browser, FROM_SOURCES));
      referenceTimes.push(await referenceStart(browser));
    }
  } finally {
    await browser.close();
  }
  for (const list of [studioTimes, beforeTimes, referenceTimes]) list.sort((a, b) => a - b);
  const median = (list: number[]) => percentile(list, 50);
  const figures = {
    runs: RUNS,
    coldStartToLibraryMedianMs: Math.round(median(studioTimes)),
    coldStartToLibraryMaxMs: Math.round(studioTimes.at(-1)!),
    beforeFromSourcesMedianMs: Math.round(median(beforeTimes)),
    referenceBareServerMedianMs: Math.round(median(referenceTimes)),
    ratioToReference: +(median(studioTimes) / median(referenceTimes)).toFixed(2),
    speedupVersusSources: +(median(beforeTimes) / median(studioTimes)).toFixed(2),
    goalBelow2000ms: median(studioTimes) < 2000,
    loadAverageAtStart: loadAtStart,
    loadAverageAtEnd: loadAverage(),
  };
  console.table(figures);
  return figures;
}

async function referenceStart(browser: Browser): Promise<number> {
  const page = await browser.newPage();
  const t0 = performance.now();
  const server = spawn(process.execPath, [
    '-e',
    `require('http').createServer((q, s) => s.end('<p id=x>ok</p>')).listen(0, '127.0.0.1', function () { console.log(this.address().port) })`,
  ]);
  const port = await new Promise<number>((resolve) => server.stdout.once('data', (d) => resolve(Number(String(d).trim()))));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.locator('#x').waitFor();
  const elapsed = performance.now() - t0;
  server.kill();
  await page.close();
  return elapsed;
}
