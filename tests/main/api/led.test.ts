/**
 * LED requests through dispatch on a real database: board profiles, notices (by hand and from a
 * bulletin), and the send/export jobs against an emulated BX board and real files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { decode } from 'fast-png';
import { afterEach, describe, expect, it } from 'vitest';
import type { LedBoard } from '../../../src/shared/api/led.ts';
import { StudioError } from '../../../src/shared/errors.ts';
import { boardFrame, boardPalette, type ProgrammeInput } from '../../../src/shared/led/index.ts';
import { useTestStudio } from '../../helpers/studio.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';
import { BoardEmulator, startTcpEmulator } from '../services/led/bx-emulator.ts';

const studio = useTestStudio();
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const profile = (name: string, controller: Record<string, unknown> = { kind: 'image-only' }) => ({
  name,
  moduleType: 'P10-32x16' as const,
  modulesAcross: 3,
  modulesDown: 2,
  colourClass: 'dual' as const,
  controller: controller as never,
});

const rejection = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as StudioError);

async function commune(name: string) {
  const province = await studio.call('area.create', { parentId: null, kind: 'province', name: `Tỉnh của ${name}` });
  return studio.call('area.create', { parentId: province.id, kind: 'commune', name });
}

async function emergencyBulletin() {
  const commune_ = await commune('Xã Hòa Bình');
  const bulletin = await studio.call('bulletin.create', {
    title: 'Khẩn cấp: lũ quét',
    script: 'Mưa lớn kéo dài gây lũ quét tại các bản ven suối. Người dân không qua ngầm tràn, không đánh bắt cá trên suối. Mọi trường hợp khẩn cấp gọi số 112 hoặc báo ngay trưởng thôn, trưởng bản.',
    priority: 'emergency',
    targetAreaIds: [commune_.id],
  });
  return { commune: commune_, bulletin };
}

describe('led.board.*', () => {
  it('creates, lists, updates and deletes profiles, with the pixel size from the modules', async () => {
    const board = await studio.call('led.board.create', profile('Chợ xã'));
    expect(board).toMatchObject({ name: 'Chợ xã', width: 96, height: 32, colourClass: 'dual', areaId: null, brightness: [{ from: '00:00', percent: 100 }] });
    const dongSon = await commune('Xã Đông Sơn');
    const custom = await studio.call('led.board.create', {
      ...profile('Ủy ban'),
      moduleType: 'custom',
      moduleWidth: 40,
      moduleHeight: 20,
      modulesAcross: 4,
      modulesDown: 1,
      areaId: dongSon.id,
      brightness: [{ from: '06:00', percent: 100 }, { from: '22:00', percent: 30 }],
    });
    expect(custom).toMatchObject({ width: 160, height: 20, areaId: dongSon.id });
    expect((await studio.call('led.board.list', {})).map((b) => b.name)).toEqual(['Chợ xã', 'Ủy ban']);

    const updated = await studio.call('led.board.update', { id: board.id, profile: { ...profile('Chợ xã'), modulesAcross: 4, colourClass: 'single' } });
    expect(updated).toMatchObject({ width: 128, colourClass: 'single' });
    expect(await studio.call('led.board.get', { id: board.id })).toEqual(updated);

    await studio.call('led.board.delete', { id: board.id });
    expect(await rejection(studio.call('led.board.get', { id: board.id }))).toMatchObject({ code: 'not_found' });
    // Who did what, in the audit trail.
    const trail = await studio.call('audit.list', { entity: 'led_board', entityId: board.id });
    expect(trail.map((e) => [e.action, e.actor])).toEqual(expect.arrayContaining([['create', 'tester'], ['update', 'tester'], ['delete', 'tester']]));
    expect(trail.find((e) => e.action === 'update')?.changes).toEqual({ fields: ['modulesAcross', 'colourClass'] });
  });

  it('refuses bad profiles with codes and keeps what was stored', async () => {
    await studio.call('led.board.create', profile('Chợ xã'));
    expect(await rejection(studio.call('led.board.create', profile('Chợ xã')))).toMatchObject({ code: 'conflict', details: { reason: 'led_board_name_taken' } });
    expect(await rejection(studio.call('led.board.create', { ...profile('Tùy chỉnh'), moduleType: 'custom' }))).toMatchObject({ code: 'invalid_argument' });
    expect(await rejection(studio.call('led.board.create', { ...profile('Xa'), areaId: 999 }))).toMatchObject({ code: 'not_found' });
    expect(await rejection(studio.call('led.board.create', profile('Cổng', { kind: 'bx-tcp', model: 'BX-5K2', host: '' })))).toMatchObject({ code: 'invalid_argument' });
    expect(await rejection(studio.call('led.board.update', { id: 404, profile: profile('Không có') }))).toMatchObject({ code: 'not_found' });
    expect((await studio.call('led.board.list', {})).map((b) => b.name)).toEqual(['Chợ xã']);
  });
});

describe('led.notice.*', () => {
  it('makes a blinking, first-in-rotation notice from an emergency bulletin, keeping its link and areas', async () => {
    // 128 px: the title fits on one line at 13 px, so it blinks (a longer one would scroll, in red).
    const board = await studio.call('led.board.create', { ...profile('Chợ xã'), modulesAcross: 4 });
    const { commune, bulletin } = await emergencyBulletin();
    const handmade = await studio.call('led.notice.create', {
      title: 'Lịch tiêm chủng',
      programme: { name: 'Lịch', width: 128, height: 32, areas: [{ kind: 'text', x: 0, y: 0, width: 128, height: 32, pages: [{ text: 'Tiêm chủng thứ Bảy', size: 16 }] }] },
      boardId: board.id,
    });
    expect(handmade).toMatchObject({ priority: 'normal', rotationRank: 2, bulletinId: null });

    const { notice, fits } = await studio.call('led.notice.fromBulletin', { bulletinId: bulletin.id, boardId: board.id });
    expect(notice).toMatchObject({ title: 'Khẩn cấp: lũ quét', bulletinId: bulletin.id, priority: 'emergency', rotationRank: 0, areaIds: [commune.id], boardId: board.id });
    expect(notice.programme).toMatchObject({ width: 128, height: 32 });
    const [title, text] = notice.programme.areas;
    expect(title).toMatchObject({ kind: 'text', pages: [{ text: 'Khẩn cấp: lũ quét', effect: 'blink', colour: 'red' }] });
    // The script's first sentence(s), not all of it.
    const shortText = text?.kind === 'text' ? text.pages[0]!.text : '';
    expect(shortText.startsWith('Mưa lớn kéo dài gây lũ quét')).toBe(true);
    expect(shortText.length).toBeLessThan(bulletin.script.length);
    expect(fits).toHaveLength(2);

    // Emergency first in the rotation; reachable from its bulletin.
    expect((await studio.call('led.notice.list', {})).map((n) => n.id)).toEqual([notice.id, handmade.id]);
    expect((await studio.call('led.notice.list', { bulletinId: bulletin.id })).map((n) => n.id)).toEqual([notice.id]);

    // Saving the designer's changes keeps what it did not send: the bulletin link, priority, areas.
    const renamed = await studio.call('led.notice.update', { id: notice.id, changes: { title: 'Lũ quét' } });
    expect(renamed).toMatchObject({ title: 'Lũ quét', bulletinId: bulletin.id, priority: 'emergency', rotationRank: 0, areaIds: [commune.id], boardId: board.id });

    // The editor's own short text is kept as typed.
    const own = await studio.call('led.notice.fromBulletin', { bulletinId: bulletin.id, boardId: board.id, text: 'Không qua ngầm tràn' });
    const ownText = own.notice.programme.areas[1];
    expect(ownText?.kind === 'text' && ownText.pages[0]!.text).toBe('Không qua ngầm tràn');
  });

  it('updates priority (and so the rotation), refuses unknown links, deletes', async () => {
    const notice = await studio.call('led.notice.create', {
      title: 'Họp dân',
      programme: { name: 'Họp', width: 32, height: 16, areas: [{ kind: 'text', x: 0, y: 0, width: 32, height: 16, pages: [{ text: 'Họp', size: 16 }] }] },
    });
    expect(await studio.call('led.notice.update', { id: notice.id, changes: { priority: 'priority' } })).toMatchObject({ rotationRank: 1, title: 'Họp dân' });
    expect(await rejection(studio.call('led.notice.update', { id: notice.id, changes: { bulletinId: 999 } }))).toMatchObject({ code: 'not_found' });
    expect(await rejection(studio.call('led.notice.create', { title: 'x', programme: { name: 'x', width: 10, height: 10, areas: [{ kind: 'text', x: 5, y: 0, width: 10, height: 10, pages: [{ text: 'x', size: 13 }] }] } as ProgrammeInput }))).toMatchObject({ code: 'invalid_argument' });
    expect(await rejection(studio.call('led.notice.fromBulletin', { bulletinId: 999, boardId: 999 }))).toMatchObject({ code: 'not_found' });
    await studio.call('led.notice.delete', { id: notice.id });
    expect(await studio.call('led.notice.list', {})).toEqual([]);
  });
});

describe('led.send and led.export jobs', () => {
  async function tcpBoardAndNotice(): Promise<{ emulator: BoardEmulator; board: LedBoard; noticeId: number }> {
    const emulator = new BoardEmulator();
    const server = await startTcpEmulator(emulator);
    cleanups.push(server.close);
    const board = await studio.call('led.board.create', { ...profile('Bảng TCP', { kind: 'bx-tcp', model: 'BX-5K2', host: '127.0.0.1', port: server.port }), modulesAcross: 4 });
    const { bulletin } = await emergencyBulletin();
    const { notice } = await studio.call('led.notice.fromBulletin', { bulletinId: bulletin.id, boardId: board.id });
    return { emulator, board, noticeId: notice.id };
  }

  it('sends a notice to a BX board over TCP as a job; the board shows the preview frame', async () => {
    const { emulator, board, noticeId } = await tcpBoardAndNotice();
    const started = await studio.call('led.send', { noticeId, boardId: board.id, atMs: 0 });
    expect(started).toMatchObject({ kind: 'led.send', state: 'running' });
    const done = await studio.services.jobs.wait(started.id);
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    expect(done.result).toMatchObject({ boardId: board.id, noticeId, retries: 0 });
    const notice = await studio.call('led.notice.get', { id: noticeId });
    expect(Buffer.from(emulator.shown!.data).equals(Buffer.from(boardFrame(notice.programme, 0).data))).toBe(true);
  });

  it('fails the job with a coded error when the board is gone, and refuses boards it cannot send to', async () => {
    const { board, noticeId } = await tcpBoardAndNotice();
    await cleanups.pop()!(); // the board's TCP server goes away
    const started = await studio.call('led.send', { noticeId, boardId: board.id, retries: 1, timeoutMs: 500 });
    const done = await studio.services.jobs.wait(started.id);
    expect(done).toMatchObject({ state: 'failed', error: { code: 'led_board_unreachable' } });

    const imageOnly = await studio.call('led.board.create', profile('Chỉ xuất ảnh'));
    expect(await rejection(studio.call('led.send', { noticeId, boardId: imageOnly.id }))).toMatchObject({ code: 'led_controller_unsupported', details: { reason: 'not_bx' } });
    const small = await studio.call('led.board.create', { ...profile('Bảng nhỏ', { kind: 'bx-tcp', model: 'BX-5K2', host: '127.0.0.1' }), modulesAcross: 1 });
    expect(await rejection(studio.call('led.send', { noticeId, boardId: small.id }))).toMatchObject({ code: 'invalid_argument', details: { reason: 'led_notice_larger_than_board' } });
  });

  it('exports PNG frames and a GIF in the board colours', async () => {
    const { board, noticeId } = await tcpBoardAndNotice();
    const temp = makeTempDir();
    cleanups.push(temp.remove);
    const framesDir = path.join(temp.dir, 'frames');
    const png = await studio.services.jobs.wait((await studio.call('led.export', { noticeId, format: 'png', out: framesDir, fps: 2, fromMs: 0, toMs: 1500 })).id);
    expect(png.state, JSON.stringify(png.error)).toBe('done');
    expect(png.result).toEqual({ format: 'png', path: framesDir, frames: 3, width: 128, height: 32 });
    // Frame 1 is at 500 ms: the blinking title is off there, on at 0 ms.
    const notice = await studio.call('led.notice.get', { id: noticeId });
    expect(boardFrame(notice.programme, 0).data).not.toEqual(boardFrame(notice.programme, 500).data);
    const palette = boardPalette(board.colourClass);
    for (const [i, t] of [0, 500, 1000].entries()) {
      const image = decode(fs.readFileSync(path.join(framesDir, `frame-0000${i}.png`)));
      const frame = boardFrame(notice.programme, t);
      expect(image.width).toBe(128);
      for (let p = 0; p < frame.data.length; p++) expect([...image.data.subarray(p * 3, p * 3 + 3)], `frame ${i} pixel ${p}`).toEqual(palette[frame.data[p]!]);
    }
    const gifPath = path.join(temp.dir, 'notice.gif');
    const gif = await studio.services.jobs.wait((await studio.call('led.export', { noticeId, format: 'gif', out: gifPath, fps: 5, toMs: 2000 })).id);
    expect(gif.result).toMatchObject({ format: 'gif', frames: 10 });
    expect(fs.readFileSync(gifPath).subarray(0, 6).toString('latin1')).toBe('GIF89a');
    expect(await rejection(studio.call('led.export', { noticeId, format: 'png', out: framesDir, fromMs: 500, toMs: 500 }))).toMatchObject({ code: 'invalid_argument' });
    // Refused before any job: a folder under a missing folder, a system folder, a GIF onto a folder.
    expect(await rejection(studio.call('led.export', { noticeId, format: 'png', out: path.join(temp.dir, 'typo', 'frames') }))).toMatchObject({ code: 'not_found' });
    expect(await rejection(studio.call('led.export', { noticeId, format: 'png', out: '/proc/led' }))).toMatchObject({ code: 'invalid_argument' });
    expect(await rejection(studio.call('led.export', { noticeId, format: 'gif', out: framesDir }))).toMatchObject({ code: 'not_a_file' });
  });
});
