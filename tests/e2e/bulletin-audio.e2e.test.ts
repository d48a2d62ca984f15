/**
 * A bulletin's audio in Chromium (issue 11, items 2 and 6): voice a bulletin, edit its audio (cut,
 * normalise to −16 LUFS), record a second bulletin's audio with the fake microphone, edit the first
 * one's script → stale warning → approval refused → regenerate → approve; duplicate it; a long
 * script is warned about as it is typed; an unsaved draft survives reloads until it is discarded.
 */
import type { Browser, Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStudio } from '../../src/main/studio.ts';
import { startHost, type RunningHost } from '../helpers/browser-host.ts';
import { snap } from '../helpers/screenshots.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { cutAndNormalise, recordBulletinAudio, voiceBulletin } from './bulletin-steps.ts';
import { launchWithFakeMic, makeFakeMicFile } from './recorder-helpers.ts';

const temp = makeTempDir();
let host: RunningHost;
let browser: Browser;
let page: Page;
let weather = 0;
let meeting = 0;
/** Every dialog the page raised (the leave warnings), accepted as a user who means to leave. */
const dialogs: string[] = [];

beforeAll(async () => {
  const studio = openStudio({ dataDir: temp.dir, transport: 'test' });
  weather = studio.services.library.bulletins.create({ title: 'Tin thời tiết', script: 'Hôm nay trời nắng, chiều tối có mưa rào.' }, 'tester').id;
  meeting = studio.services.library.bulletins.create({ title: 'Thông báo họp thôn', script: 'Mời bà con dự họp thôn lúc 19 giờ.' }, 'tester').id;
  await studio.close();
  host = await startHost(temp.dir);
  browser = await launchWithFakeMic(makeFakeMicFile(temp.dir));
  page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
  page.on('dialog', (dialog: Dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  temp.remove();
});

const goto = async (hash: string) => {
  await page.goto(`${host.url}${hash}`);
};
const audioCard = () => page.getByTestId('bulletin-audio');
const noAlerts = async () => expect(await page.getByRole('alert').allTextContents()).toEqual([]);

describe('a bulletin’s audio in Chromium', () => {
  it('voices a bulletin and edits its audio: cut, normalise to −16 LUFS', async () => {
    await voiceBulletin(page, host.url, weather);
    await cutAndNormalise(page, host.url, weather);
  }, 300_000);

  it('records the second bulletin’s audio with the microphone', async () => {
    await recordBulletinAudio(page, host.url, meeting, 2, (p) => snap(p, 'bulletin-audio-01-recorder-for-bulletin'));
  }, 180_000);

  it('marks the audio stale after a script edit, refuses approval, and approves once regenerated', async () => {
    await goto(`#/bulletins/${weather}`);
    // The bulletin's audio is the edit: the card says so.
    await expect.poll(() => page.getByTestId('bulletin-audio-edited').innerText(), { timeout: 30_000 }).toMatch(/^Đã biên tập · 0 phút \d+ giây · chuẩn hóa −16 LUFS$/);
    await page.getByTestId('bulletin-script').fill('Hôm nay trời nắng, chiều tối có dông và gió giật mạnh.');
    await page.getByTestId('save-bulletin').click();
    await page.getByTestId('audio-stale').waitFor();
    expect(await audioCard().getAttribute('data-stale')).toBe('true');
    expect(await page.getByTestId('audio-stale').innerText()).toContain('Nội dung đã sửa sau khi tạo âm thanh');
    await page.getByTestId('submit-bulletin').click();
    await page.getByTestId('approver-name').fill('Trần Văn Hùng');
    await page.getByTestId('approve-bulletin').click();
    // The refusal is worded in Vietnamese, naming the bulletin and what to do.
    await expect.poll(() => page.locator('.notice-error, [role="alert"]').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/“Tin thời tiết”.*tạo lại giọng đọc/s)]));
    await snap(page, 'bulletin-audio-02-stale-approval-refused');

    await page.getByTestId('audio-regenerate').click();
    await page.waitForURL(new RegExp(`#/tts/${weather}$`));
    await page.getByTestId('tts-generate').click();
    await page.locator('[data-testid="tts-waveform"][data-ready="true"]').waitFor({ timeout: 120_000 });
    await goto(`#/bulletins/${weather}`);
    await expect.poll(() => audioCard().getAttribute('data-stale')).toBe('false');
    expect(await page.getByTestId('audio-stale').count()).toBe(0);
    await page.getByTestId('approver-name').fill('Trần Văn Hùng');
    await page.getByTestId('approve-bulletin').click();
    await expect.poll(() => page.locator('.badge-status-approved').count()).toBeGreaterThan(0);
    await noAlerts();

    // "Nhân bản": a new draft with the same text.
    await page.getByTestId('duplicate-bulletin').click();
    await page.waitForURL((url) => /#\/bulletins\/\d+$/.test(url.hash) && !url.hash.endsWith(`/${weather}`));
    await expect.poll(() => page.getByTestId('bulletin-title').inputValue()).toBe('Tin thời tiết');
    await expect.poll(() => page.locator('.badge-status-draft').count()).toBeGreaterThan(0);
    // The copy has no audio of its own yet: a file already in the library becomes its audio.
    expect(await audioCard().getAttribute('data-origin')).toBe('');
    const option = await page.getByTestId('bulletin-audio-file').locator('option').nth(1).getAttribute('value');
    await page.getByTestId('bulletin-audio-file').selectOption(option!);
    await page.getByTestId('bulletin-audio-use').click();
    await expect.poll(() => audioCard().getAttribute('data-origin')).toBe('import');
    await snap(page, 'bulletin-audio-03a-duplicate-with-file');
  }, 300_000);

  it('shows stale audio in the library', async () => {
    // The meeting bulletin's script changes after its recording: the library says so.
    await goto(`#/bulletins/${meeting}`);
    await page.getByTestId('bulletin-script').fill('Mời bà con dự họp thôn lúc 19 giờ 30 tại nhà văn hóa.');
    await page.getByTestId('save-bulletin').click();
    await page.getByTestId('audio-stale').waitFor();
    await snap(page, 'bulletin-audio-03-stale-warning');
    await goto('#/library');
    await page.locator(`[data-bulletin-id="${meeting}"] [data-testid="stale-audio-badge"]`).waitFor();
    expect(await page.locator(`[data-bulletin-id="${weather}"] [data-testid="stale-audio-badge"]`).count()).toBe(0);
    await snap(page, 'bulletin-audio-04-library-stale');
  }, 120_000);

  it('warns about a script past the session cap as it is typed, and keeps the draft through reloads until discarded', async () => {
    await goto('#/bulletins/new');
    await page.getByTestId('bulletin-title').click();
    await page.getByTestId('bulletin-title').pressSequentially('Kế hoạch dài');
    await page.getByTestId('bulletin-script').fill('Bà con thôn bản chú ý. '.repeat(470));
    await expect.poll(() => page.getByTestId('script-length').getAttribute('data-too-long')).toBe('true');
    expect(await page.getByTestId('script-length').innerText()).toMatch(/khoảng 16 phút, dài hơn giới hạn một buổi phát \(15 phút\)/);
    await snap(page, 'bulletin-audio-05-script-too-long');

    // A reload with unsaved work is warned about by the browser; the draft is offered back.
    dialogs.length = 0;
    await page.reload();
    expect(dialogs).toEqual(['beforeunload']);
    await page.getByTestId('draft-restore').getByRole('button').first().click();
    await expect.poll(() => page.getByTestId('bulletin-title').inputValue()).toBe('Kế hoạch dài');
    // Leaving by the navigation asks first (accepted here: the draft stays kept).
    await page.locator('[data-nav="programmes"]').click();
    expect(dialogs).toEqual(['beforeunload', 'confirm']);
    await page.waitForURL(/#\/programmes$/);
    await page.goto(`${host.url}#/bulletins/new`);
    for (let reload = 0; reload < 2; reload++) {
      await page.getByTestId('draft-restore').waitFor();
      await page.reload();
    }
    await page.getByTestId('draft-restore').waitFor();
    await snap(page, 'bulletin-audio-06-draft-offered');
    await page.getByTestId('draft-restore').getByRole('button').nth(1).click();
    await page.reload();
    await page.getByTestId('bulletin-title').waitFor();
    expect(await page.getByTestId('draft-restore').count()).toBe(0);
  }, 120_000);
});
