/**
 * Issue 11's first required test: one editor's day in Chromium, through the screen alone (browser
 * mode, a fake microphone, the reference source server). An MP3 jingle is imported by the picker's
 * upload and a music bed by drag and drop; a bulletin is written, voiced with the built-in voice,
 * cut and normalised to −16 LUFS; a second one is recorded with the microphone; both are submitted
 * and approved; a programme of both with jingles and a ducked bed is rendered (progress, cancel,
 * again: ffmpeg finds it at its preset, its true peak under the ceiling, exactly as long as the total
 * shown), exported as Broadcast WAV and MP3 (the MP3 as loud as the WAV), and delivered to the
 * source system and as a USB package, each delivery's status coming back on its own.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROGRAMME_CEILING_DB } from '../../src/shared/api/library-types.ts';
import { verifyProgrammePackage } from '../../src/main/services/delivery/package/programme-package.ts';
import { createAccount, createToken } from '../../src/source-server/db.ts';
import { startSourceServer, type SourceServer } from '../../src/source-server/server.ts';
import { useBrowserSession } from '../helpers/browser-session.ts';
import { chooseFolder } from '../helpers/pickers.ts';
import { snap } from '../helpers/screenshots.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { ffmpegEncode, speechWav } from '../main/services/audio/fixtures.ts';
import { cutAndNormalise, recordBulletinAudio, submitAndApprove, voiceBulletin, writeBulletin } from './bulletin-steps.ts';
import { addBulletinItem, addMusicItem, createProgramme, importMusic } from './programme-steps.ts';
import { ffmpegLoudness, ffprobeDuration, launchWithFakeMic, makeFakeMicFile } from './recorder-helpers.ts';

// Delivered items' statuses are asked for every half second here (a minute in the field): the
// host started below inherits it.
process.env.STUDIO_STATUS_POLL_MS = '500';
const work = makeTempDir('studio-day-');
const at = (name: string) => path.join(work.dir, name);
let server: SourceServer;
let token = '';

const s = useBrowserSession(
  { width: 1280, height: 1000 },
  async () => {
    // The province's reference server, and the files the editor brings on the day.
    server = await startSourceServer({ dataDir: at('source'), host: '127.0.0.1', port: 0, log: () => undefined });
    createAccount(server.db, 'xa-ban-ho');
    token = createToken(server.db, 'xa-ban-ho');
    ffmpegEncode(speechWav(work.dir, 'jingle.wav', 6, 44100, 2), at('nhac-hieu.mp3'), ['-c:a', 'libmp3lame', '-b:a', '128k']);
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=220:duration=60', '-f', 'lavfi', '-i', 'anoisesrc=color=pink:duration=60:amplitude=0.1', '-filter_complex', 'amix=inputs=2', '-ac', '2', '-c:a', 'libmp3lame', '-b:a', '128k', at('nhac-nen.mp3')]);
    fs.mkdirSync(at('exports'));
    fs.mkdirSync(at('usb'));
  },
  () => launchWithFakeMic(makeFakeMicFile(work.dir)),
);
afterAll(async () => {
  await server?.close();
  work.remove();
});

describe('an editor’s day, from the screen alone', () => {
  it('imports music, voices, edits and records bulletins, builds, renders, exports and delivers a programme', { timeout: 1_200_000 }, async () => {
    const { page } = s;
    const url = s.host.url;

    // The source system, set up once on its own screen.
    await page.goto(`${url}#/connection`);
    await page.getByTestId('server-url').fill(server.url);
    await page.getByTestId('token').fill(token);
    await page.getByTestId('save-connection').click();
    await expect.poll(() => page.getByTestId('token-state').textContent(), { timeout: 30_000 }).toMatch(/Đã lưu một mã truy cập/);

    // Two bulletins: one voiced by the built-in voice and edited, one recorded at the microphone.
    const weather = await writeBulletin(page, url, 'Dự báo thời tiết', 'Kính thưa bà con. Hôm nay trời nắng, chiều tối có mưa rào và dông ở vùng núi. Bà con chú ý đề phòng sét và gió giật mạnh.');
    await voiceBulletin(page, url, weather);
    await snap(page, 'day-01-voiced');
    await cutAndNormalise(page, url, weather);
    await snap(page, 'day-02-edited');
    const meeting = await writeBulletin(page, url, 'Thông báo họp thôn', 'Mời bà con dự họp thôn lúc 19 giờ tại nhà văn hóa.');
    await recordBulletinAudio(page, url, meeting, 4, (p) => snap(p, 'day-03-recording'));
    for (const id of [weather, meeting]) await submitAndApprove(page, url, id, 'Trần Văn Hùng');
    await snap(page, 'day-04-approved');

    // The programme: music imported into its library, then jingle, bed, bulletin, jingle, bulletin.
    const programmeId = await createProgramme(page, url, 'Thời sự sáng');
    await importMusic(page, 'jingle', at('nhac-hieu.mp3'), 'upload');
    await importMusic(page, 'music_bed', at('nhac-nen.mp3'), 'drop');
    await addMusicItem(page, 'jingle', 'nhac-hieu');
    await addMusicItem(page, 'music_bed', 'nhac-nen');
    await addBulletinItem(page, 'Dự báo thời tiết', weather);
    await addMusicItem(page, 'jingle', 'nhac-hieu');
    await addBulletinItem(page, 'Thông báo họp thôn', meeting);
    expect(await page.getByTestId('unapproved-warning').count()).toBe(0);

    // Outdoor loudspeakers, the bed ducked by 20 dB under speech, a crossfade: the total follows.
    const total = page.getByTestId('programme-total');
    const before = await total.getAttribute('data-total-sec');
    await page.getByTestId('mix-preset').selectOption('-16');
    await page.getByTestId('mix-duckDb').fill('-20');
    await page.getByTestId('mix-crossfadeSec').fill('0,5');
    await page.getByTestId('mix-gapSec').click();
    await expect.poll(() => total.getAttribute('data-total-sec'), { timeout: 30_000 }).not.toBe(before);
    // Written back in vi-VN form: a comma decimal, a true minus.
    expect(await page.getByTestId('mix-crossfadeSec').inputValue()).toBe('0,5');
    expect(await page.getByTestId('mix-duckDb').inputValue()).toBe('−20');
    await snap(page, 'day-05-programme-built');

    // Render, cancel, render again.
    await page.getByTestId('render-programme').click();
    await page.getByTestId('render-progress').waitFor();
    await page.getByTestId('cancel-render').click();
    await page.getByTestId('cancel-render').waitFor({ state: 'detached', timeout: 60_000 });
    expect(await page.getByTestId('programme-rendered').count()).toBe(0);
    expect(await page.getByRole('alert').allTextContents()).toEqual([]);
    await page.getByTestId('render-programme').click();
    await page.getByTestId('programme-rendered').waitFor({ timeout: 600_000 });
    await snap(page, 'day-06-rendered');

    // ffmpeg's verdict: at the preset, under the ceiling, exactly as long as the total shown.
    const shown = Number(await total.getAttribute('data-total-sec'));
    const clock = (text: string) => {
      const [, m, sec] = /(\d+):(\d\d,\d)/.exec(text)!;
      return Number(m) * 60 + Number(sec!.replace(',', '.'));
    };
    expect(clock(await total.innerText())).toBeCloseTo(shown, 1);
    // The running order adds up on screen: the last item ends where the total says.
    const last = page.getByTestId('running-order').locator('[data-item-id]').last();
    const ends = clock(await last.getByTestId('item-start').innerText()) + clock(await last.getByTestId('item-length').innerText());
    expect(Math.abs(ends - shown)).toBeLessThanOrEqual(0.1 + 1e-9);
    const render = path.join(s.dataDir, 'renders', `programme-${programmeId}.wav`);
    const rendered = ffmpegLoudness(render);
    expect(Math.abs(rendered.integrated - -16)).toBeLessThanOrEqual(0.5);
    expect(rendered.truePeak).toBeLessThanOrEqual(PROGRAMME_CEILING_DB);
    expect(Math.abs(ffprobeDuration(render) - shown)).toBeLessThanOrEqual(0.001);

    // Exported as Broadcast WAV and as MP3 into a chosen folder; the MP3 is as loud as the WAV.
    await chooseFolder(page, 'export-folder', at('exports'));
    await page.getByTestId('export-name').fill('thoi-su-sang');
    const exported: Record<string, number> = {};
    for (const format of ['wav', 'mp3'] as const) {
      await page.getByTestId('export-format').selectOption(format);
      await page.getByTestId('export-programme').click();
      const file = at(`exports/thoi-su-sang.${format}`);
      await page.getByTestId('exported').filter({ hasText: file }).waitFor({ timeout: 600_000 });
      exported[format] = ffmpegLoudness(file).integrated;
    }
    expect(Math.abs(exported.wav! - -16)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(exported.mp3! - exported.wav!)).toBeLessThanOrEqual(0.1);
    await snap(page, 'day-07-exported');

    // Delivered to the source system and as a USB package; each status comes back unasked.
    await page.getByTestId('deliver-source').click();
    const source = page.locator('[data-testid="programme-deliveries"] li[data-target="source"]');
    await expect.poll(() => source.getAttribute('data-state'), { timeout: 180_000 }).toBe('delivered');
    await expect.poll(() => source.innerText(), { timeout: 180_000 }).toMatch(/Đã nhận/);
    const [record] = server.records.list(null);
    expect(record!.metadata).toMatchObject({ contentType: 'programme', title: 'Thời sự sáng', presetLufs: -16 });
    expect(record!.receivedSha256).toBe(record!.sha256);
    // The province airs it: the studio learns it in the background, and the screen shows it unasked.
    server.records.setStatus(Number(record!.id), 'aired', null);
    await expect.poll(() => source.innerText(), { timeout: 120_000 }).toMatch(/Đã phát/);

    await chooseFolder(page, 'deliver-folder', at('usb'));
    await page.getByTestId('deliver-package').click();
    const usb = page.locator('[data-testid="programme-deliveries"] li[data-target="package"]');
    await expect.poll(() => usb.getAttribute('data-state'), { timeout: 180_000 }).toBe('delivered');
    await snap(page, 'day-08-delivered');
    const [folder] = fs.readdirSync(at('usb')).filter((name) => !name.startsWith('.'));
    // The package's line says where it was written (nobody "received" it).
    expect(await usb.getByTestId('package-folder').innerText()).toBe(`Gói: ${folder}`);
    const manifest = await verifyProgrammePackage(path.join(at('usb'), folder!));
    expect(manifest.programme).toMatchObject({ title: 'Thời sự sáng', presetLufs: -16 });
    expect(await page.getByRole('alert').allTextContents()).toEqual([]);
  });
});
