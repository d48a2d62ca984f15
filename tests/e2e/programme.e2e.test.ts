/**
 * Issue 11 item 3, from the screen alone: a programme of approved bulletins, an imported MP3 jingle
 * and a ducked music bed is rendered with progress, cancelled, rendered again (ffmpeg: at its
 * preset, true peak under the ceiling, as long as the total shown), exported, and delivered to the
 * reference source server and as a USB package, each delivery's status coming back on the screen.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyProgrammePackage } from '../../src/main/services/delivery/package/programme-package.ts';
import { openStudio } from '../../src/main/studio.ts';
import { createAccount, createToken } from '../../src/source-server/db.ts';
import { startSourceServer, type SourceServer } from '../../src/source-server/server.ts';
import { useBrowserSession } from '../helpers/browser-session.ts';
import { snap } from '../helpers/screenshots.ts';
import { asTestStudio } from '../helpers/studio.ts';
import { ffmpegLoudness } from '../main/services/audio/ffmpeg-reference.ts';
import { importFile, speechWav } from '../main/services/audio/fixtures.ts';
import { openScreen } from './recorder-helpers.ts';

let programmeId = 0;
let server: SourceServer | null = null;
afterAll(async () => server?.close());

const s = useBrowserSession({ width: 1280, height: 1000 }, async (dataDir) => {
  const work = path.dirname(dataDir);
  server = await startSourceServer({ dataDir: path.join(work, `source-${path.basename(dataDir)}`), host: '127.0.0.1', port: 0, log: () => undefined });
  createAccount(server.db, 'xa-ban-ho');
  const token = createToken(server.db, 'xa-ban-ho');
  // Everything through the requests, before the host starts.
  const raw = openStudio({ dataDir, transport: 'test' });
  const studio = asTestStudio(raw, dataDir);
  try {
    const jingleMp3 = path.join(work, `nhac-hieu-${path.basename(dataDir)}.mp3`);
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', speechWav(work, `jingle-${path.basename(dataDir)}.wav`, 3, 44100, 2), '-b:a', '128k', jingleMp3]);
    const jingle = await importFile(studio, jingleMp3);
    const bed = await importFile(studio, speechWav(work, `bed-${path.basename(dataDir)}.wav`, 40, 48000, 2));
    const bulletins = [];
    for (const [title, seconds] of [['Lịch tiêm chủng', 12], ['Dự báo thời tiết', 10]] as const) {
      const speech = await importFile(studio, speechWav(work, `${seconds}-${path.basename(dataDir)}.wav`, seconds, 48000, 1));
      const b = await studio.call('bulletin.create', { title, script: 'Kính thưa bà con.', audioAssetId: speech.id });
      await studio.call('bulletin.transition', { id: b.id, to: 'submitted' });
      bulletins.push(await studio.call('bulletin.transition', { id: b.id, to: 'approved', approver: 'Trưởng đài' }));
    }
    const p = await studio.call('programme.create', { title: 'Thời sự sáng' });
    for (const item of [
      { kind: 'jingle' as const, assetId: jingle.id },
      { kind: 'music_bed' as const, assetId: bed.id },
      { kind: 'bulletin' as const, bulletinId: bulletins[0]!.id },
      { kind: 'jingle' as const, assetId: jingle.id },
      { kind: 'bulletin' as const, bulletinId: bulletins[1]!.id },
    ]) {
      await studio.call('programme.addItem', { programmeId: p.id, ...item });
    }
    programmeId = p.id;
    await studio.call('delivery.settings.update', { serverUrl: server.url, token });
  } finally {
    await raw.close();
  }
});

const probeSeconds = (file: string) =>
  Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'default=nw=1:nk=1', file], { encoding: 'utf8' }).trim());

describe('a programme finished from the screen', () => {
  it('renders (progress, cancel, again) at its preset and shown length, exports, and delivers to the source system and a USB stick', { timeout: 600_000 }, async () => {
    const { page } = s;
    await openScreen(page, s.host.url, `#/programmes/${programmeId}`);
    await page.getByTestId('render-panel').waitFor();
    // Outdoor loudspeakers, a crossfade: saved on the programme, and the total follows the plan.
    await page.getByTestId('mix-preset').selectOption('-16');
    await page.getByTestId('mix-crossfadeSec').fill('0.5');
    await page.getByTestId('mix-duckDb').click();
    // Typed with a point, shown with the Vietnamese comma.
    await expect.poll(() => page.getByTestId('mix-crossfadeSec').inputValue()).toBe('0,5');
    // 3 + 12 + 3 + 10 s of items, three 0.5 s crossfades; the bed adds nothing.
    await expect.poll(() => page.getByTestId('programme-total').getAttribute('data-total-sec'), { timeout: 30_000 }).toBe('26.5');
    await snap(page, 'programme-builder');

    await page.getByTestId('render-programme').click();
    await page.getByTestId('cancel-render').waitFor();
    await page.getByTestId('render-progress').waitFor();
    await page.getByTestId('cancel-render').click();
    await page.getByTestId('cancel-render').waitFor({ state: 'detached', timeout: 60_000 });
    expect(await page.getByTestId('programme-rendered').count()).toBe(0);
    // A cancel is the user's own choice: no error is shown for it.
    expect(await page.getByTestId('render-panel').getByRole('alert').count()).toBe(0);

    await page.getByTestId('render-programme').click();
    await page.getByTestId('programme-rendered').waitFor({ timeout: 300_000 });
    await snap(page, 'programme-rendered');
    const shown = Number(await page.getByTestId('programme-total').getAttribute('data-total-sec'));
    expect(await page.getByTestId('programme-total').innerText()).toMatch(/0:26,5/);
    const render = path.join(s.dataDir, 'renders', `programme-${programmeId}.wav`);
    const ref = ffmpegLoudness(render);
    expect(Math.abs(ref.integrated - -16)).toBeLessThanOrEqual(0.5);
    expect(ref.truePeak).toBeLessThanOrEqual(-0.9);
    expect(Math.abs(probeSeconds(render) - shown)).toBeLessThanOrEqual(0.001);

    const exported = path.join(path.dirname(s.dataDir), `thoi-su-${path.basename(s.dataDir)}.wav`);
    await page.getByTestId('export-format').selectOption('wav');
    await page.getByTestId('export-path').fill(exported);
    await page.getByTestId('export-programme').click();
    await page.getByTestId('exported').waitFor({ timeout: 300_000 });
    expect(Math.abs(ffmpegLoudness(exported).integrated - -16)).toBeLessThanOrEqual(0.5);

    await page.getByTestId('deliver-source').click();
    const source = page.locator('[data-testid="programme-deliveries"] li[data-target="source"]');
    await expect.poll(() => source.getAttribute('data-state'), { timeout: 120_000 }).toBe('delivered');
    await expect.poll(() => source.innerText()).toMatch(/Đã nhận/);
    const [record] = server!.records.list(null);
    expect(record!.metadata).toMatchObject({ contentType: 'programme', title: 'Thời sự sáng', presetLufs: -16 });
    expect(record!.receivedSha256).toBe(record!.sha256);

    const stick = path.join(path.dirname(s.dataDir), `usb-${path.basename(s.dataDir)}`);
    await page.getByTestId('deliver-folder').fill(stick);
    await page.getByTestId('deliver-package').click();
    const usb = page.locator('[data-testid="programme-deliveries"] li[data-target="package"]');
    await expect.poll(() => usb.getAttribute('data-state'), { timeout: 120_000 }).toBe('delivered');
    await snap(page, 'programme-delivered');
    const [folder] = fs.readdirSync(stick).filter((name) => !name.startsWith('.'));
    const manifest = await verifyProgrammePackage(path.join(stick, folder!));
    expect(manifest.programme).toMatchObject({ title: 'Thời sự sáng', presetLufs: -16 });
  });
});
