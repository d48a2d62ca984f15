/**
 * Every screen in Vietnamese, walked in one Chromium session: each visible string must come from
 * the Vietnamese locale files (or be the user's own data, or only figures and units), and every
 * number, date and time must be in vi-VN form (vietnamese-check.ts). Also the feedback of issue
 * 11 item 5, 7 and 9 as the user sees it: search ranked and highlighted, a backup that says it
 * succeeded and one refused with a reason, a rejection shown in the library, and a tab whose host
 * restarted saying how to get the new address.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openStudio } from '../../src/main/studio.ts';
import { startHost } from '../helpers/browser-host.ts';
import { useBrowserSession } from '../helpers/browser-session.ts';
import { chooseFolder } from '../helpers/pickers.ts';
import { snap } from '../helpers/screenshots.ts';
import { asTestStudio } from '../helpers/studio.ts';
import { vietnameseCheck } from './vietnamese-check.ts';

const USER_DATA = {
  user: 'Nguyễn Thị Hoa',
  provinces: ['Tỉnh Yên Bái', 'Tỉnh Điện Biên'],
  commune: 'Xã Mường Phăng',
  titles: ['Kế hoạch phát triển tỉnh Bình Dương', 'Tỉnh Điện Biên triển khai tiêm chủng', 'Thông báo lịch cắt điện'],
  scripts: [
    'Đoàn công tác đã đến thăm Điện Biên Phủ và làm việc với các tỉnh miền núi phía Bắc.',
    'Trạm y tế các xã tổ chức tiêm chủng cho trẻ dưới 5 tuổi vào sáng thứ Bảy.',
    'Điện lực huyện thông báo lịch cắt điện từ 7 giờ đến 11 giờ để sửa chữa đường dây.',
  ],
  programme: 'Chương trình phát thanh sáng thứ Hai',
  asset: 'nhac-hieu',
  rejection: 'Thiếu số điện thoại liên hệ của Điện lực',
};

const check = vietnameseCheck([
  USER_DATA.user, ...USER_DATA.provinces, USER_DATA.commune, ...USER_DATA.titles, ...USER_DATA.scripts,
  USER_DATA.programme, USER_DATA.asset, USER_DATA.rejection,
]);

/** The visible text of the page: text nodes of rendered elements, placeholders, chosen options. */
function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const shown = (el: Element) =>
      el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && !el.closest('[aria-hidden="true"], [data-user-content]');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = (node.textContent ?? '').trim();
      // A textarea's text is what the user typed; [data-user-content] marks the user's own text and
      // what a voice will say of it (the reading preview).
      if (!text || !el || el.closest('script, style, option, textarea, [data-user-content]') || !shown(el)) continue;
      out.push(text);
    }
    for (const el of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[placeholder], textarea[placeholder]')) {
      if (shown(el) && el.placeholder.trim()) out.push(el.placeholder.trim());
    }
    for (const el of document.querySelectorAll('select')) if (shown(el) && el.selectedOptions[0]) out.push(el.selectedOptions[0].textContent!.trim());
    return out;
  });
}

describe('the check itself', () => {
  it('refuses English, point decimals, hyphen minus and month-first dates, and takes locale sentences with their figures', () => {
    for (const bad of ['Cancel', 'Backed up 3 files', 'cancelled by the user', 'invalid zip data', 'mono']) expect(check.problem(bad), bad).toBe('not from the Vietnamese locale files');
    expect(check.problem('109.8 giây')).toBe('decimal point instead of a comma');
    expect(check.problem('tăng -4,6 dB')).toBe('hyphen-minus instead of the minus sign U+2212');
    expect(check.problem('10:40:38 PM')).toBe('12-hour time');
    expect(check.problem('1/12/2026')).toBe('date not as dd/mm/yyyy');
    expect(check.problem('Đã sao lưu 12 tệp (1,2 MB) vào /tmp/sao-luu.')).toBeNull();
    expect(check.problem('−23,0 LUFS')).toBeNull();
  });
});

describe('every screen in Vietnamese', () => {
  const ids = { rejected: 0, programme: 0, asset: 0 };
  const s = useBrowserSession({ width: 1366, height: 900 }, async (dataDir) => {
    const studio = asTestStudio(openStudio({ dataDir, transport: 'test' }), dataDir, USER_DATA.user);
    try {
      await studio.call('settings.update', { userName: USER_DATA.user, uiLanguage: 'vi' });
      for (const name of USER_DATA.provinces) {
        const province = await studio.call('area.create', { parentId: null, kind: 'province', name });
        if (name === 'Tỉnh Điện Biên') await studio.call('area.create', { parentId: province.id, kind: 'commune', name: USER_DATA.commune });
      }
      const wav = path.join(dataDir, `${USER_DATA.asset}.wav`);
      execFileSync('sox', ['-n', '-r', '48000', '-c', '1', '-b', '16', wav, 'synth', '2', 'sine', '440', 'gain', '-20']);
      const asset = await studio.services.jobs.result(await studio.call('audio.import', { path: wav, name: USER_DATA.asset }));
      ids.asset = asset.id;
      const made = [];
      for (const [i, title] of USER_DATA.titles.entries()) {
        made.push(await studio.call('bulletin.create', { title, script: USER_DATA.scripts[i]!, category: 'health', author: USER_DATA.user }));
      }
      // The last one went to the province, which turned it down.
      const rejected = made[2]!;
      await studio.call('bulletin.update', { id: rejected.id, changes: { audioAssetId: asset.id } });
      await studio.call('bulletin.transition', { id: rejected.id, to: 'submitted' });
      await studio.call('bulletin.transition', { id: rejected.id, to: 'approved', approver: USER_DATA.user });
      studio.services.library.bulletins.transition(rejected.id, 'delivered', 'outbox');
      studio.services.library.bulletins.recordSourceVerdict(rejected.id, 'rejected', USER_DATA.rejection);
      ids.rejected = rejected.id;
      const programme = await studio.call('programme.create', { title: USER_DATA.programme });
      await studio.call('programme.addItem', { programmeId: programme.id, kind: 'bulletin', bulletinId: made[1]!.id });
      await studio.call('programme.addItem', { programmeId: programme.id, kind: 'jingle', assetId: asset.id });
      ids.programme = programme.id;
    } finally {
      await studio.close();
    }
  });

  const problems: string[] = [];

  /** Waits until the screen stops changing, then checks every visible string on it. */
  async function inspect(screen: string) {
    let last = '';
    await expect
      .poll(
        async () => {
          const now = JSON.stringify(await visibleTexts(s.page));
          const stable = now === last && !now.includes('Đang tải') && (await s.page.locator('main h1, main h2').count()) > 0;
          last = now;
          return stable;
        },
        { timeout: 30_000, interval: 250 },
      )
      .toBe(true);
    for (const text of JSON.parse(last) as string[]) {
      const problem = check.problem(text);
      if (problem) problems.push(`${screen}: "${text}" (${problem})`);
    }
    await snap(s.page, `vi-${screen.replace(/[^\w-]+/g, '-')}`);
  }

  const open = async (hash: string) => {
    await s.page.evaluate((h) => (location.hash = h), hash);
    await s.page.waitForURL(new RegExp(`${hash.replace(/[/]/g, '\\/')}$`));
  };

  it('walks every screen of the side menu and the screens reached from them', async () => {
    await s.page.goto(s.host.url);
    await s.page.getByTestId('search').waitFor();
    const menu = await s.page.locator('[data-nav]').evaluateAll((links) => links.map((a) => a.getAttribute('data-nav')!));
    expect(menu.length).toBeGreaterThan(10);
    for (const screen of menu) {
      await open(`#/${screen}`);
      await inspect(screen);
    }
    for (const hash of [`#/bulletins/${ids.rejected}`, '#/bulletins/new', `#/programmes/${ids.programme}`, `#/editor/${ids.asset}`, `#/tts/${ids.rejected}`, '#/updates']) {
      await open(hash);
      await inspect(hash.slice(2));
    }
  });

  it('ranks, highlights and shows the rejection in the library', async () => {
    await open('#/library');
    await s.page.getByTestId('search').fill('dien bien');
    const rows = s.page.locator('[data-testid="bulletin-table"] tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().locator('.row-title').innerText()).toBe('Tỉnh Điện Biên triển khai tiêm chủng');
    expect(await rows.first().locator('.row-title mark').allInnerTexts()).toEqual(['Điện', 'Biên']);
    await s.page.getByTestId('search').fill('"cat dien"');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getByTestId('source-verdict').innerText()).toBe(`Bị từ chối · Lý do: ${USER_DATA.rejection}`);
    await inspect('library-search');
  });

  it('a backup says on its screen that it is done, and a bad folder is refused there in words', async () => {
    await open('#/settings');
    // A folder chosen on a USB stick that is pulled out before the backup starts.
    const stick = path.join(s.dataDir, 'usb-rut-ra');
    fs.mkdirSync(path.join(stick, 'sao-luu'), { recursive: true });
    await chooseFolder(s.page, 'backup-folder', path.join(stick, 'sao-luu'));
    fs.rmSync(stick, { recursive: true });
    await s.page.getByTestId('backup-start').click();
    await expect.poll(() => s.page.locator('.card .notice-error').innerText()).toContain('Không có thư mục');
    await inspect('settings-backup-refused');
    fs.mkdirSync(path.join(s.dataDir, 'sao-luu'));
    await chooseFolder(s.page, 'backup-folder', path.join(s.dataDir, 'sao-luu'));
    await s.page.getByTestId('backup-start').click();
    await expect.poll(() => s.page.getByTestId('backup-done').isVisible(), { timeout: 60_000 }).toBe(true);
    expect(await s.page.getByTestId('backup-done').innerText()).toMatch(/^Đã sao lưu \d+ tệp \([\d,]+ (kB|MB)\) vào /);
    // The jobs panel does not open by itself; it lists the backup when asked.
    expect(await s.page.getByTestId('jobs-panel').getAttribute('aria-hidden')).toBe('true');
    await inspect('settings-backup-done');
  });

  it('a tab whose host restarted with a new token says how to get the new address', async () => {
    const port = s.host.port;
    await s.host.stop();
    s.host = await startHost(s.dataDir, { STUDIO_PORT: String(port) });
    await expect.poll(() => s.page.getByTestId('disconnected').getAttribute('data-connection'), { timeout: 60_000 }).toBe('refused');
    expect(await s.page.getByTestId('disconnected').innerText()).toContain('npm run web');
    await inspect('dead-token');
  });

  it('found nothing outside the Vietnamese locale files and vi-VN forms', () => {
    expect(problems).toEqual([]);
  });
});
