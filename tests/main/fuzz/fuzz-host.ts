/**
 * Drives a running browser-mode host over its real WebSocket with seeded calls (valid, near-valid,
 * hostile), malformed frames and protocol errors, and reports what came back. Shared by the test
 * (a few thousand calls) and `npm run bench fuzz` (as many as FUZZ_CALLS says).
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { requestNames, requests } from '../../../src/shared/api/index.ts';
import { ERROR_CODES } from '../../../src/shared/errors.ts';
import type { RunningHost } from '../../helpers/browser-host.ts';
import { closedByServer, frame, openApi, openRawSocket } from '../../helpers/ws-client.ts';
import { hostileArg, malformedFrame, nearValid, rng, valid } from './arbitrary.ts';

export interface FuzzReport {
  seed: number;
  calls: number;
  answered: number;
  byCode: Record<string, number>;
  /** Calls answered `internal` or not in ERROR_CODES: each one a bug. */
  untyped: Array<{ name: string; arg: string; code: string; message: string }>;
  unanswered: number;
  /** The calls still waiting when the run stopped: each one a hang. */
  pending: Array<{ name: string; arg: string }>;
  protocolSockets: number;
  rssStartMiB: number;
  rssMaxMiB: number;
  rssEndMiB: number;
  durationMs: number;
}

/** Files the generated paths point at, all inside `sandbox`. */
export function prepareSandbox(sandbox: string): void {
  fs.mkdirSync(path.join(sandbox, 'dir'), { recursive: true });
  fs.writeFileSync(path.join(sandbox, 'file.txt'), 'Bản tin thử.\n');
  fs.writeFileSync(path.join(sandbox, 'fake.wav'), Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt '), Buffer.alloc(64, 7)]));
  if (!fs.existsSync(path.join(sandbox, 'fifo'))) execFileSync('mkfifo', [path.join(sandbox, 'fifo')]);
  if (!fs.existsSync(path.join(sandbox, 'link-to-etc'))) fs.symlinkSync('/etc', path.join(sandbox, 'link-to-etc'));
}

const rssMiB = (pid: number) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};

const PROTOCOL_ERRORS = [
  frame(0x81, Buffer.from([0xc3, 0x28])),
  frame(0xc1, Buffer.from('{}')),
  frame(0x81, Buffer.from('{}'), { masked: false }),
  frame(0x83, Buffer.from('x')),
  frame(0x82, Buffer.alloc(0), { declaredLength: 100 * 1024 * 1024 }),
];

/**
 * Requests whose valid calls start a worker (import, render, synthesis, install, backup): each
 * such call costs a thread start and seconds of CPU, so the quick run in `npm test` gives them
 * valid arguments only now and then; the bench run as often as any other request.
 */
export const HEAVY_REQUESTS = new Set([
  'audio.import', 'audio.import', 'audio.normalize', 'audio.normalizeFile', 'audio.export', 'audio.loudness',
  'audio.loudnessFile', 'edit.preview', 'edit.peaks', 'programme.render', 'voice.install', 'tts.preview',
  'tts.synthesize', 'package.import', 'library.backup', 'delivery.enqueue', 'delivery.testConnection',
]);

export interface FuzzOptions {
  seed: number;
  calls: number;
  sandbox: string;
  /** How often a heavy request gets a valid argument (the others: 0.45). */
  heavyValidRate?: number;
}

export async function fuzzHost(host: RunningHost, { seed, calls, sandbox, heavyValidRate = 0.45 }: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const r = rng(seed);
  const pid = host.process.pid!;
  const report: FuzzReport = {
    seed,
    calls: 0,
    answered: 0,
    byCode: {},
    untyped: [],
    unanswered: 0,
    pending: [],
    protocolSockets: 0,
    rssStartMiB: rssMiB(pid),
    rssMaxMiB: 0,
    rssEndMiB: 0,
    durationMs: 0,
  };
  const api = await openApi(host.port, host.token);
  const waiting = new Map<number, { name: string; arg: string; resolve: () => void }>();
  api.ws.on('message', (data) => {
    const reply = JSON.parse(String(data));
    if (reply.type !== 'reply') return;
    const call = waiting.get(reply.id);
    if (!call) return;
    waiting.delete(reply.id);
    report.answered++;
    const code = reply.response.ok ? 'ok' : String(reply.response.error?.code);
    report.byCode[code] = (report.byCode[code] ?? 0) + 1;
    if (code === 'internal' || (code !== 'ok' && !(ERROR_CODES as readonly string[]).includes(code))) {
      report.untyped.push({ name: call.name, arg: call.arg.slice(0, 300), code, message: String(reply.response.error?.message).slice(0, 300) });
    }
    call.resolve();
  });

  let id = 0;
  const send = (nameJson: string, argJson: string, label: string) =>
    new Promise<void>((resolve) => {
      const callId = ++id;
      report.calls++;
      waiting.set(callId, { name: label, arg: argJson, resolve });
      api.ws.send(`{"type":"call","id":${callId},"name":${nameJson},"arg":${argJson}}`);
    });

  const WINDOW = 24;
  for (let done = 0; done < calls; ) {
    const batch: Array<Promise<void>> = [];
    for (let i = 0; i < WINDOW && done < calls; i++, done++) {
      const name = r.pick(requestNames);
      const schema = requests[name].arg;
      const mode = r.next();
      const validRate = HEAVY_REQUESTS.has(name) ? heavyValidRate : 0.45;
      if (mode < validRate) batch.push(send(JSON.stringify(name), JSON.stringify(valid(schema, r, { sandbox }) ?? {}), name));
      else if (mode < 0.8 && !(HEAVY_REQUESTS.has(name) && r.next() > heavyValidRate / 0.45)) batch.push(send(JSON.stringify(name), nearValid(schema, r, { sandbox }).json, name));
      else if (mode < 0.88) batch.push(send(JSON.stringify(name), hostileArg(r), name));
      else if (mode < 0.94) {
        const odd = r.pick(['{"toString":1}', 'null', '42', '["app.info"]', '"__proto__"', '"constructor"', '"hasOwnProperty"', `"${'x'.repeat(10_000)}"`]);
        batch.push(send(odd, '{}', `name ${odd.slice(0, 20)}`));
      } else {
        api.ws.send(malformedFrame(r));
        done--; // not a call: no answer is owed
        i--;
        if (r.chance(0.5)) continue;
      }
    }
    if (r.chance(0.05)) {
      report.protocolSockets++;
      const raw = await openRawSocket(host.port, host.token);
      const closed = closedByServer(raw);
      raw.write(r.pick(PROTOCOL_ERRORS));
      await closed;
    }
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), Number(process.env.FUZZ_CALL_TIMEOUT_MS ?? 120_000)).unref());
    if ((await Promise.race([Promise.all(batch), timeout])) === 'timeout') break;
    if (host.process.exitCode !== null) break;
    report.rssMaxMiB = Math.max(report.rssMaxMiB, rssMiB(pid));
  }
  report.unanswered = waiting.size;
  report.pending = [...waiting.values()].map(({ name, arg }) => ({ name, arg: arg.slice(0, 300) }));
  api.close();
  if (host.process.exitCode === null) report.rssEndMiB = rssMiB(pid);
  report.durationMs = Date.now() - started;
  return report;
}
