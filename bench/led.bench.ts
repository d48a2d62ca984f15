/**
 * LED boards. (1) Frame render time of a 640×320 district board with three areas (continuous
 * scroll, a wrapped page moving up, a clock) at 60 fps times, goal < 2 ms per frame; the
 * reference is clearing and copying the same frame buffer in the same run. (2) BX upload of a
 * full 384×192 dual-colour notice to the test emulator over TCP on 127.0.0.1, against the
 * wire-size lower bound at the same rate: the same number of bytes written in one go over the
 * same loopback and acknowledged once. Also the wire time that size needs at 57600 baud (8N1).
 */
import net from 'node:net';
import { BoardProfile, Programme, boardFrame, createBitmap } from '../src/shared/led/index.ts';
import { parseProgramme, sendNotice } from '../src/main/services/led/index.ts';
import { BoardEmulator, startTcpEmulator } from '../tests/main/services/led/bx-emulator.ts';

const FRAMES = Number(process.env.BENCH_LED_FRAMES ?? 3000);
const news =
  'Ủy ban nhân dân huyện thông báo: do ảnh hưởng của bão số 3, từ 18 giờ hôm nay cấm tàu thuyền ra khơi; ' +
  'người dân vùng trũng thấp chuẩn bị sơ tán theo hướng dẫn của chính quyền xã.';

function districtBoard(): Programme {
  return parseProgramme({
    name: 'Bảng tin huyện',
    width: 640,
    height: 320,
    areas: [
      { kind: 'text', x: 0, y: 0, width: 640, height: 64, pages: [{ text: 'THÔNG BÁO KHẨN CẤP', size: 32, effect: 'blink', stayMs: 10_000, colour: 'red' }] },
      { kind: 'text', x: 0, y: 64, width: 640, height: 224, pages: [{ text: news, size: 24, effect: 'move-up', speed: 24, stayMs: 10_000, colour: 'yellow' }] },
      { kind: 'text', x: 0, y: 288, width: 480, height: 32, pages: [{ text: news, size: 20, effect: 'scroll-left', speed: 60, colour: 'green' }] },
      { kind: 'clock', x: 480, y: 288, width: 160, height: 32, size: 20, format: 'HH:mm:ss', colour: 'red' },
    ],
  });
}

function renderBench() {
  const programme = districtBoard();
  const buffer = createBitmap(640, 320);
  const clock = { startEpochMs: Date.UTC(2026, 8, 1, 1, 0) };
  for (let i = 0; i < 200; i++) boardFrame(programme, i * 16.7, clock, buffer); // warm caches and JIT
  let started = performance.now();
  for (let i = 0; i < FRAMES; i++) boardFrame(programme, i * (1000 / 60), clock, buffer);
  const msPerFrame = (performance.now() - started) / FRAMES;
  const copy = new Uint8Array(buffer.data.length);
  started = performance.now();
  for (let i = 0; i < FRAMES; i++) {
    buffer.data.fill(0);
    copy.set(buffer.data);
  }
  const referenceMs = (performance.now() - started) / FRAMES;
  return {
    msPerFrame: Number(msPerFrame.toFixed(3)),
    goalMs: 2,
    withinGoal: msPerFrame < 2,
    referenceClearCopyMs: Number(referenceMs.toFixed(4)),
    ratioToReference: Number((msPerFrame / referenceMs).toFixed(1)),
  };
}

/** Raw loopback transfer of `bytes` bytes, acknowledged by one byte once all have arrived. */
async function rawTransferSeconds(bytes: number): Promise<number> {
  const server = net.createServer((socket) => {
    let received = 0;
    socket.on('data', (chunk) => {
      received += chunk.length;
      if (received >= bytes) socket.end(Buffer.from([0x06]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const payload = Buffer.alloc(bytes, 0x55);
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => socket.write(payload));
    socket.setNoDelay(true);
    socket.once('data', () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', reject);
  });
  const seconds = (performance.now() - started) / 1000;
  await new Promise((resolve) => server.close(resolve));
  return seconds;
}

async function uploadBench() {
  const programme = parseProgramme({
    name: 'Bảng tin xã',
    width: 384,
    height: 192,
    areas: [
      { kind: 'text', x: 0, y: 0, width: 384, height: 192, pages: [{ text: news, size: 24, colour: 'yellow', align: 'left' }] },
    ],
  });
  const board = new BoardEmulator();
  const server = await startTcpEmulator(board);
  const profile = BoardProfile.parse({
    name: 'Xã',
    moduleType: 'P10-32x16',
    modulesAcross: 12,
    modulesDown: 12,
    colourClass: 'dual',
    controller: { kind: 'bx-tcp', model: 'BX-5K2', host: '127.0.0.1', port: server.port },
  });
  try {
    await sendNotice(profile, programme); // warm-up
    const runs: number[] = [];
    let report = await sendNotice(profile, programme);
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      report = await sendNotice(profile, programme);
      runs.push((performance.now() - started) / 1000);
    }
    const exact = board.shown && Buffer.from(board.shown.data).equals(Buffer.from(boardFrame(programme, 0).data));
    const oursSeconds = Math.min(...runs);
    const rawRuns: number[] = [];
    for (let i = 0; i < 5; i++) rawRuns.push(await rawTransferSeconds(report.bytesOnWire));
    const lowerBoundSeconds = Math.min(...rawRuns);
    return {
      frames: report.frames,
      bitmapBytes: (384 / 8) * 192 * 2,
      bytesOnWire: report.bytesOnWire,
      oursMs: Number((oursSeconds * 1000).toFixed(2)),
      wireLowerBoundMs: Number((lowerBoundSeconds * 1000).toFixed(3)),
      ratioToLowerBound: Number((oursSeconds / lowerBoundSeconds).toFixed(1)),
      at57600BaudSeconds: Number(((report.bytesOnWire * 10) / 57600).toFixed(2)),
      boardShowsExactFrame: exact,
    };
  } finally {
    await server.close();
  }
}

export default async function ledBench() {
  const render = renderBench();
  process.stdout.write(`frame render 640x320, 3 areas + clock: ${render.msPerFrame} ms/frame (goal < 2 ms; clear+copy reference ${render.referenceClearCopyMs} ms)\n`);
  const upload = await uploadBench();
  process.stdout.write(
    `BX upload 384x192 dual: ${upload.oursMs} ms for ${upload.bytesOnWire} bytes in ${upload.frames} frames; ` +
      `wire lower bound ${upload.wireLowerBoundMs} ms (x${upload.ratioToLowerBound}); at 57600 baud ≥ ${upload.at57600BaudSeconds} s\n`,
  );
  return { render, upload };
}
