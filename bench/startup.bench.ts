/**
 * Browser mode, cold start: from launching the host process to the library screen rendered in
 * Chromium (goal < 2 s on a 2-core machine). Reference in the same run: the same browser opening
 * a static page from a bare Node HTTP server started the same way, which no host can beat.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, startHost } from '../tests/helpers/browser-host.ts';
import { percentile } from './corpus.ts';

const RUNS = 5;

export default async function startupBench() {
  const browser = await launchBrowser();
  const studioTimes: number[] = [];
  const referenceTimes: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-bench-start-'));
      const page = await browser.newPage();
      const t0 = performance.now();
      const host = await startHost(dataDir);
      await page.goto(host.url);
      await page.getByTestId('result-count').waitFor();
      studioTimes.push(performance.now() - t0);
      await page.close();
      await host.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });

      referenceTimes.push(await referenceStart(browser));
    }
  } finally {
    await browser.close();
  }
  studioTimes.sort((a, b) => a - b);
  referenceTimes.sort((a, b) => a - b);
  const figures = {
    runs: RUNS,
    coldStartToLibraryMedianMs: Math.round(percentile(studioTimes, 50)),
    coldStartToLibraryMaxMs: Math.round(studioTimes.at(-1)!),
    referenceBareServerMedianMs: Math.round(percentile(referenceTimes, 50)),
    ratioToReference: +(percentile(studioTimes, 50) / percentile(referenceTimes, 50)).toFixed(2),
    goalBelow2000ms: percentile(studioTimes, 50) < 2000,
  };
  console.table(figures);
  return figures;
}

async function referenceStart(browser: Awaited<ReturnType<typeof launchBrowser>>): Promise<number> {
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
