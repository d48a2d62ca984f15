/**
 * Upload to an emulated BX-5K2 board over TCP on 127.0.0.1 and over a socat pty pair: the board
 * rebuilds the bitmap from the wire and it must equal the rasteriser's frame pixel for pixel.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { StudioError } from '../../../../src/shared/errors';
import { BoardProfile, boardFrame, type Programme } from '../../../../src/shared/led';
import { parseProgramme, sendNotice } from '../../../../src/main/services/led';
import { makeTempDir } from '../../../helpers/temp-dir';
import { BoardEmulator, startTcpEmulator, type Misbehaviour } from './bx-emulator';

const programme: Programme = parseProgramme({
  name: 'Thông báo',
  width: 96,
  height: 48,
  areas: [
    { kind: 'text', x: 0, y: 0, width: 96, height: 32, pages: [{ text: 'Khẩn cấp: lũ quét', size: 16, colour: 'red' }] },
    { kind: 'text', x: 0, y: 32, width: 96, height: 16, pages: [{ text: 'Ấ Ộ Ử Ỹ đ', size: 13, colour: 'yellow', align: 'left' }] },
  ],
});

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tcpBoard(misbehaviour?: Misbehaviour, colourClass: 'single' | 'dual' = 'dual') {
  const board = new BoardEmulator(misbehaviour);
  const server = await startTcpEmulator(board);
  cleanups.push(server.close);
  const profile = BoardProfile.parse({
    name: 'Xã Hòa Bình',
    moduleType: 'P10-32x16',
    modulesAcross: 3,
    modulesDown: 3,
    colourClass,
    controller: { kind: 'bx-tcp', model: 'BX-5K2', host: '127.0.0.1', port: server.port },
  });
  return { board, profile };
}

describe('BX upload over TCP', () => {
  it('rebuilds exactly the rasteriser frame on a dual-colour board, with progress', async () => {
    const { board, profile } = await tcpBoard();
    const progress: number[] = [];
    const report = await sendNotice(profile, programme, { onProgress: (p) => progress.push(p.sentFrames) });
    const expected = boardFrame(programme, 0);
    expect(board.shown?.width).toBe(96);
    expect(Buffer.from(board.shown!.data).equals(Buffer.from(expected.data))).toBe(true);
    expect(expected.data.includes(3)).toBe(true); // the yellow line went over both planes
    expect(report.retries).toBe(0);
    expect(progress.at(-1)).toBe(report.frames);
  });

  it('sends a single-colour board one plane: every lit pixel lit', async () => {
    const { board, profile } = await tcpBoard(undefined, 'single');
    await sendNotice(profile, programme);
    const expected = boardFrame(programme, 0).data.map((v) => (v ? 1 : 0));
    expect(Buffer.from(board.shown!.data).equals(Buffer.from(expected))).toBe(true);
  });

  it('retries a frame the board NACKs', async () => {
    const { board, profile } = await tcpBoard({ nackFirst: 2 });
    const report = await sendNotice(profile, programme, { timeoutMs: 2000 });
    expect(report.retries).toBe(2);
    expect(Buffer.from(board.shown!.data).equals(Buffer.from(boardFrame(programme, 0).data))).toBe(true);
  });

  it('reconnects and resends when the board drops the connection', async () => {
    const { board, profile } = await tcpBoard({ dropAt: [1] });
    const report = await sendNotice(profile, programme, { timeoutMs: 2000 });
    expect(report.retries).toBe(1);
    expect(Buffer.from(board.shown!.data).equals(Buffer.from(boardFrame(programme, 0).data))).toBe(true);
  });

  it('gives up with a coded error after retrying a board that stops answering', async () => {
    const { board, profile } = await tcpBoard({ silentFrom: 1 });
    const error = await sendNotice(profile, programme, { timeoutMs: 300, retries: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StudioError);
    expect((error as StudioError).code).toBe('led_board_no_answer');
    expect((error as StudioError).details).toMatchObject({ reason: 'board_no_answer', frame: 0, attempts: 3 });
    expect(board.framesReceived).toBe(3);
  });

  it('gives up with a coded error when the board keeps refusing', async () => {
    const { profile } = await tcpBoard({ nackFirst: 10 });
    const error = (await sendNotice(profile, programme, { retries: 1 }).catch((e: unknown) => e)) as StudioError;
    expect(error.code).toBe('led_board_refused');
    expect(error.details).toMatchObject({ reason: 'board_refused', errorCode: 0x0c });
  });

  it('reports an unreachable board when nothing listens', async () => {
    const { profile, board } = await tcpBoard();
    void board;
    await cleanups.pop()!(); // close the emulator: connection refused
    const error = (await sendNotice(profile, programme, { retries: 1, timeoutMs: 500 }).catch((e: unknown) => e)) as StudioError;
    expect(error.code).toBe('led_board_unreachable');
    expect(error.details).toMatchObject({ reason: 'cannot_connect', cause: 'ECONNREFUSED' });
  });

  it('stops when cancelled', async () => {
    const { profile } = await tcpBoard({ silentFrom: 1 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const error = (await sendNotice(profile, programme, { signal: controller.signal, timeoutMs: 30_000 }).catch((e: unknown) => e)) as StudioError;
    expect(error.code).toBe('cancelled');
  });

  it('refuses controllers that cannot take a bitmap, with a code', async () => {
    const { profile } = await tcpBoard();
    const k1 = { ...profile, controller: { ...profile.controller, model: 'BX-5K1' as const } };
    await expect(sendNotice(k1, programme)).rejects.toMatchObject({ code: 'led_controller_unsupported', details: { reason: 'no_dot_matrix' } });
    await expect(sendNotice({ ...profile, controller: { kind: 'image-only' } }, programme)).rejects.toMatchObject({
      code: 'led_controller_unsupported',
      details: { reason: 'not_bx' },
    });
  });
});

async function ptyPair(): Promise<{ board: string; studio: string }> {
  const { dir, remove } = makeTempDir('led-pty-');
  const board = path.join(dir, 'board');
  const studio = path.join(dir, 'studio');
  const socat: ChildProcess = spawn('socat', [`pty,raw,echo=0,link=${board}`, `pty,raw,echo=0,link=${studio}`], { stdio: 'ignore' });
  cleanups.push(() => {
    socat.kill('SIGTERM');
    remove();
  });
  for (let i = 0; i < 200 && !(fs.existsSync(board) && fs.existsSync(studio)); i++) await new Promise((r) => setTimeout(r, 50));
  if (!fs.existsSync(studio)) throw new Error('socat did not create the pty pair');
  return { board, studio };
}

async function serialBoard(misbehaviour: Misbehaviour) {
  const ptys = await ptyPair();
  const board = new BoardEmulator(misbehaviour);
  const port = new SerialPort({ path: ptys.board, baudRate: 57600 });
  await new Promise<void>((resolve, reject) => port.once('open', resolve).once('error', reject));
  cleanups.push(() => new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())));
  board.attach(port);
  return { board, ptys };
}

describe('BX upload over a serial port (socat pty pair)', () => {
  it('reports a serial port that does not exist, with a code', async () => {
    const profile = BoardProfile.parse({
      name: 'Xã',
      moduleType: 'P10-32x16',
      modulesAcross: 1,
      modulesDown: 1,
      colourClass: 'single',
      controller: { kind: 'bx-serial', model: 'BX-5K2', path: '/dev/ttyLEDnone' },
    });
    const small = parseProgramme({ name: 'x', width: 32, height: 16, areas: [{ kind: 'text', x: 0, y: 0, width: 32, height: 16, pages: [{ text: 'Đê', size: 16 }] }] });
    const error = (await sendNotice(profile, small, { retries: 1 }).catch((e: unknown) => e)) as StudioError;
    expect(error).toBeInstanceOf(StudioError);
    expect(error.code).toBe('led_board_unreachable');
    expect(error.details).toMatchObject({ reason: 'cannot_connect', attempts: 2 });
  });
  it('gives up with a coded error when the board stops answering', async () => {
    const { board, ptys } = await serialBoard({ silentFrom: 1 });
    const profile = BoardProfile.parse({
      name: 'Xã biên giới',
      moduleType: 'P10-32x16',
      modulesAcross: 3,
      modulesDown: 3,
      colourClass: 'single',
      controller: { kind: 'bx-serial', model: 'BX-5K2', path: ptys.studio },
    });
    const error = (await sendNotice(profile, programme, { timeoutMs: 300, retries: 1 }).catch((e: unknown) => e)) as StudioError;
    expect(error.code).toBe('led_board_no_answer');
    expect(error.details).toMatchObject({ reason: 'board_no_answer', attempts: 2 });
    expect(board.framesReceived).toBe(2);
  });

  it('rebuilds exactly the rasteriser frame, and retries a NACK', async () => {
    const { board, ptys } = await serialBoard({ nackFirst: 1 });
    const profile = BoardProfile.parse({
      name: 'Xã biên giới',
      moduleType: 'P10-32x16',
      modulesAcross: 3,
      modulesDown: 3,
      colourClass: 'dual',
      controller: { kind: 'bx-serial', model: 'BX-5MK', path: ptys.studio, baudRate: 57600 },
    });
    const report = await sendNotice(profile, programme, { timeoutMs: 3000 });
    expect(report.retries).toBe(1);
    expect(Buffer.from(board.shown!.data).equals(Buffer.from(boardFrame(programme, 0).data))).toBe(true);
  });
});
