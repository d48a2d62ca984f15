/**
 * The bulletin screen shows its audio's loudness ("−23,0 LUFS · đỉnh −1,2 dBTP"), read from the
 * asset that audio.import measured; the figures on screen are the ones ffmpeg measures too.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { openStudio } from '../../src/main/studio.ts';
import type { Asset } from '../../src/shared/api/library-types.ts';
import { ffmpegLoudness } from '../main/services/audio/ffmpeg-reference.ts';
import { launchBrowser, startHost, type RunningHost } from '../helpers/browser-host.ts';
import { asTestStudio } from '../helpers/studio.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

describe('asset loudness in the browser', () => {
  const temp = makeTempDir();
  let host: RunningHost | undefined;
  let browser: Browser | undefined;
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    temp.remove();
  });

  it('the bulletin audio card shows integrated loudness and true peak', { timeout: 120_000 }, async () => {
    const wav = path.join(temp.dir, 'noise.wav');
    const sox = spawnSync('sox', ['-n', '-r', '48000', '-c', '1', '-b', '16', wav, 'synth', '5', 'pinknoise', 'vol', '0.3'], { encoding: 'utf8' });
    expect(sox.status, sox.stderr).toBe(0);
    const dataDir = path.join(temp.dir, 'data');
    const studio = asTestStudio(openStudio({ dataDir, transport: 'test' }), dataDir);
    let bulletinId: number;
    try {
      const job = await studio.call('audio.import', { path: wav });
      const asset = (await studio.services.jobs.wait(job.id)).result as Asset;
      bulletinId = (await studio.call('bulletin.create', { title: 'Độ to', audioAssetId: asset.id })).id;
    } finally {
      await studio.close();
    }

    host = await startHost(dataDir);
    browser = await launchBrowser();
    const page = await browser.newPage();
    await page.goto(`${host.url}#/bulletins/${bulletinId}`);
    const shown = await page.getByTestId('bulletin-audio').getByTestId('loudness').innerText();
    // vi-VN: comma decimals, true minus sign.
    const match = /^−(\d+,\d) LUFS · đỉnh −(\d+,\d) dBTP · dải (\d+,\d) LU$/.exec(shown);
    expect(match, shown).not.toBeNull();
    const reference = ffmpegLoudness(wav);
    const figure = (text: string) => Number(text.replace(',', '.'));
    expect(Math.abs(-figure(match![1]!) - reference.integrated)).toBeLessThanOrEqual(0.15);
    expect(Math.abs(-figure(match![2]!) - reference.truePeak)).toBeLessThanOrEqual(0.35);
  });
});
