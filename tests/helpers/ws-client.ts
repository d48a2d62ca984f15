import { randomBytes } from 'node:crypto';
import net from 'node:net';
import WebSocket from 'ws';

/** A socket to the host's /api that sends calls and matches replies by id. */
export interface ApiClient {
  ws: WebSocket;
  call(name: unknown, arg: unknown): Promise<{ ok: boolean; result?: unknown; error?: { code: string; message: string } }>;
  close(): void;
}

export async function openApi(port: number, token: string): Promise<ApiClient> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api?token=${token}`);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const waiting = new Map<number, (response: any) => void>();
  let next = 1;
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data));
    if (frame.type === 'reply') {
      waiting.get(frame.id)?.(frame.response);
      waiting.delete(frame.id);
    }
  });
  ws.on('close', () => {
    for (const resolve of waiting.values()) resolve({ ok: false, error: { code: 'closed', message: 'socket closed' } });
    waiting.clear();
  });
  return {
    ws,
    call(name, arg) {
      const id = next++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        ws.send(JSON.stringify({ type: 'call', id, name, arg }));
      });
    },
    close: () => ws.terminate(),
  };
}

/**
 * A TCP connection upgraded to a WebSocket by hand, for frames no well-behaved client library
 * will send (bad UTF-8, reserved bits, unmasked, unknown opcodes, absurd lengths).
 */
export async function openRawSocket(port: number, token: string): Promise<net.Socket> {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  socket.write(
    `GET /api?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  await new Promise<void>((resolve, reject) => {
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      if (head.startsWith('HTTP/1.1 101')) resolve();
      else reject(new Error(head.split('\r\n')[0]));
    };
    socket.on('data', onData);
  });
  return socket;
}

/** One WebSocket frame: `first` is FIN/RSV/opcode, the payload masked unless `masked` is false. */
export function frame(first: number, payload: Buffer, { masked = true, declaredLength }: { masked?: boolean; declaredLength?: number } = {}): Buffer {
  const length = declaredLength ?? payload.length;
  let header: Buffer;
  if (length < 126) header = Buffer.from([first, (masked ? 0x80 : 0) | length]);
  else if (length < 65536) {
    header = Buffer.alloc(4);
    header[0] = first;
    header[1] = (masked ? 0x80 : 0) | 126;
    header.writeUInt16BE(length, 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = first;
    header[1] = (masked ? 0x80 : 0) | 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  if (!masked) return Buffer.concat([header, payload]);
  const mask = randomBytes(4);
  const body = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!));
  return Buffer.concat([header, mask, body]);
}

/** Resolves when the server has closed (or reset) the raw socket. */
export function closedByServer(socket: net.Socket): Promise<void> {
  return new Promise((resolve) => {
    if (socket.destroyed) return resolve();
    socket.once('close', () => resolve());
    socket.on('error', () => {});
    socket.resume();
  });
}
