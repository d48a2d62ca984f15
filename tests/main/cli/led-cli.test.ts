/**
 * `studio led boards|notices|render|send` as a user runs them (bin/studio.js, its own process) on a
 * data directory seeded through dispatch, against an emulated BX board on 127.0.0.1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { decode } from 'fast-png';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStudio } from '../../../src/main/studio.ts';
import { boardFrame, boardPalette, type Programme } from '../../../src/shared/led/index.ts';
import { REPO_ROOT } from '../../helpers/browser-host.ts';
import { runStudio } from '../../helpers/cli.ts';
import { asTestStudio } from '../../helpers/studio.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';
import { BoardEmulator, startTcpEmulator } from '../services/led/bx-emulator.ts';

/** Like runStudio, but without blocking this process: the emulator must answer meanwhile. */
function runStudioAsync(dataDir: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/studio.js', ...args], { cwd: REPO_ROOT, env: { ...process.env, STUDIO_DATA_DIR: dataDir } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('studio led', () => {
  const temp = makeTempDir();
  const dataDir = path.join(temp.dir, 'data');
  const emulator = new BoardEmulator();
  let server: Awaited<ReturnType<typeof startTcpEmulator>>;
  let boardId = 0;
  let noticeId = 0;
  let programme: Programme;

  beforeAll(async () => {
    server = await startTcpEmulator(emulator);
    const studio = asTestStudio(openStudio({ dataDir, transport: 'test' }), dataDir);
    const board = await studio.call('led.board.create', {
      name: 'Bảng chợ xã',
      moduleType: 'P10-32x16',
      modulesAcross: 4,
      modulesDown: 2,
      colourClass: 'dual',
      controller: { kind: 'bx-tcp', model: 'BX-5K2', host: '127.0.0.1', port: server.port },
    });
    const bulletin = await studio.call('bulletin.create', { title: 'Lịch cắt điện', script: 'Thứ Bảy cắt điện từ 7 giờ đến 11 giờ để sửa đường dây.', priority: 'priority' });
    const { notice } = await studio.call('led.notice.fromBulletin', { bulletinId: bulletin.id, boardId: board.id });
    boardId = board.id;
    noticeId = notice.id;
    programme = notice.programme;
    await studio.close();
  });
  afterAll(async () => {
    await server.close();
    temp.remove();
  });

  it('lists boards as JSON and as text', () => {
    const json = runStudio(dataDir, ['led', 'boards', '--json']);
    expect(json.status, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject([{ id: boardId, name: 'Bảng chợ xã', width: 128, height: 32 }]);
    const text = runStudio(dataDir, ['led', 'boards']);
    expect(text.stdout).toContain('128×32');
    expect(text.stdout).toContain('Bảng chợ xã');
    const notices = runStudio(dataDir, ['led', 'notices', '--json']);
    expect(JSON.parse(notices.stdout)).toMatchObject([{ id: noticeId, priority: 'priority', rotationRank: 1 }]);
  });

  it('renders PNG frames into a folder and a GIF file', () => {
    const dir = path.join(temp.dir, 'frames');
    const out = runStudio(dataDir, ['led', 'render', String(noticeId), '--out', dir, '--fps', '1', '--to', '2000']);
    expect(out.status, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ format: 'png', frames: 2, width: 128, height: 32 });
    const image = decode(fs.readFileSync(path.join(dir, 'frame-00001.png')));
    const frame = boardFrame(programme, 1000);
    const palette = boardPalette('dual');
    const expected = Buffer.concat([...frame.data].map((i) => Buffer.from(palette[i]!)));
    expect(Buffer.from(image.data as Uint8Array).equals(expected)).toBe(true);

    const gif = path.join(temp.dir, 'bang-tin.gif');
    const gifOut = runStudio(dataDir, ['led', 'render', String(noticeId), '--out', gif, '--fps', '4', '--to', '1000']);
    expect(JSON.parse(gifOut.stdout)).toMatchObject({ format: 'gif', frames: 4 });
    expect(fs.readFileSync(gif).subarray(0, 6).toString('latin1')).toBe('GIF89a');
  });

  it('sends a notice to the board; the board shows its frame', async () => {
    const out = await runStudioAsync(dataDir, ['led', 'send', String(noticeId), '--board', String(boardId)]);
    expect(out.status, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ boardId, noticeId, retries: 0 });
    expect(Buffer.from(emulator.shown!.data).equals(Buffer.from(boardFrame(programme, 0).data))).toBe(true);
  });

  it('says in both languages what went wrong', async () => {
    const missing = runStudio(dataDir, ['led', 'send', '999', '--board', String(boardId)]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Lỗi: Không tìm thấy');
    expect(missing.stderr).toContain('Error: Not found');
    const draft = runStudio(dataDir, ['led', 'deliver', String(noticeId)]);
    expect(draft.status).toBe(1);
    expect(draft.stderr).toContain('Lỗi: Không thể chuyển sang trạng thái này');
    expect(draft.stderr).toContain('chưa được duyệt');
    const bad = runStudio(dataDir, ['led', 'send', 'abc', '--board', String(boardId)]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('Dữ liệu nhập không hợp lệ');
    await server.close();
    const gone = await runStudioAsync(dataDir, ['led', 'send', String(noticeId), '--board', String(boardId), '--retries', '0', '--timeout', '500']);
    expect(gone.status).toBe(1);
    expect(gone.stderr).toContain('Không kết nối được bảng LED');
    expect(gone.stderr).toContain('Cannot connect to the LED board');
  });
});
