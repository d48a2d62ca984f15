/**
 * `npm run bench fuzz`: the long run of the transport fuzz suite (tests/main/fuzz). FUZZ_CALLS
 * calls (10,000 by default) with every request, heavy ones included, given valid arguments as
 * often as the rest; FUZZ_SEED picks the sequence. Figures: calls per second against the host, and
 * as the reference in the same run, the same host answering `app.info` alone (the transport's own
 * cost), so the ratio says what validation and the handlers add. Fails on any unanswered or
 * untyped call, or a host that died.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHost } from '../tests/helpers/browser-host.ts';
import { openApi } from '../tests/helpers/ws-client.ts';
import { fuzzHost, prepareSandbox } from '../tests/main/fuzz/fuzz-host.ts';

export default async function fuzzBench() {
  const calls = Number(process.env.FUZZ_CALLS ?? 10_000);
  const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-bench-fuzz-'));
  const sandbox = path.join(temp, 'sandbox');
  prepareSandbox(sandbox);
  const host = await startHost(path.join(temp, 'data'));
  try {
    const api = await openApi(host.port, host.token);
    const referenceCalls = 2000;
    const t0 = performance.now();
    for (let i = 0; i < referenceCalls; i += 20) await Promise.all(Array.from({ length: 20 }, () => api.call('app.info', {})));
    const referencePerSec = referenceCalls / ((performance.now() - t0) / 1000);
    api.close();

    const report = await fuzzHost(host, { seed, calls, sandbox, heavyValidRate: 0.45 });
    const fuzzPerSec = report.calls / (report.durationMs / 1000);
    const figures = {
      seed,
      calls: report.calls,
      answered: report.answered,
      unanswered: report.unanswered,
      untyped: report.untyped.length,
      hostAlive: host.process.exitCode === null,
      byCode: report.byCode,
      rssStartMiB: Math.round(report.rssStartMiB),
      rssMaxMiB: Math.round(report.rssMaxMiB),
      fuzzCallsPerSec: Math.round(fuzzPerSec),
      referenceCallsPerSec: Math.round(referencePerSec),
      ratio: Number((fuzzPerSec / referencePerSec).toFixed(3)),
    };
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    if (report.untyped.length) process.stdout.write(`untyped answers:\n${JSON.stringify(report.untyped.slice(0, 20), null, 2)}\n`);
    if (report.pending.length) process.stdout.write(`unanswered:\n${JSON.stringify(report.pending.slice(0, 20), null, 2)}\n`);
    if (!figures.hostAlive || report.unanswered || report.untyped.length) throw new Error('the host failed the fuzz run (see above)');
    return figures;
  } finally {
    await host.kill();
    fs.rmSync(temp, { recursive: true, force: true });
  }
}
