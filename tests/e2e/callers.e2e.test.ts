/**
 * Issue 9: requests that had no caller in the screen now have one. The editor imports a file
 * through the one import path (`audio.import`), and the programme screen renders a programme
 * (`programme.render`, its length then the rendered one) and renames it (`programme.update`).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStudio } from '../../src/main/studio.ts';
import { useBrowserSession } from '../helpers/browser-session.ts';
import { snap } from '../helpers/screenshots.ts';
import { openScreen } from './recorder-helpers.ts';

let programmeId = 0;

const tone = (file: string, seconds: number) => execFileSync('sox', ['-n', '-r', '48000', '-c', '1', '-b', '16', file, 'synth', String(seconds), 'sine', '440', 'gain', '-12']);

const s = useBrowserSession({ width: 1280, height: 900 }, async (dataDir) => {
  // A programme of two jingles, made through the requests before the host starts.
  const studio = openStudio({ dataDir, transport: 'test' });
  try {
    const ids: number[] = [];
    for (const seconds of [2, 3]) {
      const file = path.join(path.dirname(dataDir), `jingle-${seconds}.wav`);
      tone(file, seconds);
      const job = await studio.services.audio.import(file, `Nhạc hiệu ${seconds} giây`, 'tester');
      ids.push((await studio.services.jobs.result(job)).id);
    }
    const programme = studio.services.library.programmes.create('Chương trình sáng', '', 'tester');
    for (const assetId of ids) studio.services.library.programmes.addItem(programme.id, { kind: 'jingle', assetId }, 'tester');
    programmeId = programme.id;
  } finally {
    await studio.close();
  }
});

describe('callers of the requests that had none', () => {
  it('the editor imports an MP3 chosen with the picker and opens it', { timeout: 120_000 }, async () => {
    const wav = path.join(path.dirname(s.dataDir), 'phong-van.wav');
    const mp3 = path.join(path.dirname(s.dataDir), 'phong-van.mp3');
    tone(wav, 4);
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', wav, '-b:a', '128k', mp3]);
    await openScreen(s.page, s.host.url, '#/editor');
    await snap(s.page, 'editor-import');
    await s.page.getByTestId('import-audio-input').setInputFiles(mp3);
    await s.page.waitForFunction(() => /#\/editor\/\d+$/.test(location.hash), null, { timeout: 60_000 });
    await s.page.getByTestId('edit-status').waitFor();
    await s.page.waitForFunction(() => Number(document.querySelector('[data-testid="edit-status"]')?.getAttribute('data-duration')) > 0);
    const duration = Number(await s.page.getByTestId('edit-status').getAttribute('data-duration'));
    expect(Math.abs(duration - 4)).toBeLessThan(0.1);
    expect(fs.readdirSync(path.join(s.dataDir, 'assets')).length).toBeGreaterThanOrEqual(3);
  });

  it('the programme screen renders the programme (its length is then the rendered one) and renames it', { timeout: 180_000 }, async () => {
    await openScreen(s.page, s.host.url, `#/programmes/${programmeId}`);
    await s.page.getByTestId('render-programme').click();
    await s.page.getByTestId('programme-rendered').waitFor({ timeout: 120_000 });
    await snap(s.page, 'programme-rendered');
    // Two jingles of 2 s and 3 s with the default 1 s gap between them.
    await expect.poll(() => s.page.getByTestId('programme-total').innerText()).toMatch(/0:06,0/);
    expect(fs.existsSync(path.join(s.dataDir, 'renders', `programme-${programmeId}.wav`))).toBe(true);

    s.page.once('dialog', (dialog) => void dialog.accept('Chương trình chiều'));
    await s.page.getByRole('button', { name: 'Đổi tên' }).click();
    await expect.poll(() => s.page.getByRole('heading', { level: 1 }).first().innerText()).toBe('Chương trình chiều');
  });
});
