/**
 * Issue 8: the fuzz suite over the real WebSocket transport. A seeded, bounded run against the
 * browser-mode host in its own process: every call is answered with a result or a typed error
 * (never `internal`), the host stays up, and its memory stays bounded. FUZZ_CALLS sets the number
 * of calls (2,000 by default: about a minute on this 2-core machine under a load average of 20; more for
 * a longer run), FUZZ_SEED replays a sequence; `npm run bench fuzz` runs 10,000.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../helpers/browser-host.ts';
import { openApi } from '../../helpers/ws-client.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';
import { fuzzHost, prepareSandbox } from './fuzz-host.ts';

const CALLS = Number(process.env.FUZZ_CALLS ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
/** Growth of the host's resident memory over the run that still counts as bounded. */
const MAX_RSS_GROWTH_MIB = 1024;

describe('fuzzing the WebSocket transport', () => {
  const temp = makeTempDir('studio-fuzz-');
  const sandbox = path.join(temp.dir, 'sandbox');
  let host: RunningHost;

  beforeAll(async () => {
    prepareSandbox(sandbox);
    host = await startHost(path.join(temp.dir, 'data'));
  });
  afterAll(async () => {
    await host?.kill();
    temp.remove();
  });

  it(`answers ${CALLS} generated calls (seed ${SEED}) with results or typed errors, and stays up`, { timeout: 600_000 }, async () => {
    const report = await fuzzHost(host, { seed: SEED, calls: CALLS, sandbox, heavyValidRate: Number(process.env.FUZZ_HEAVY_VALID ?? 0.02) });
    // The summary is the useful part of a failure: which request, which argument, which answer.
    const summary = JSON.stringify({ ...report, untyped: report.untyped.slice(0, 10) }, null, 1);
    expect(host.process.exitCode, summary).toBeNull();
    expect(report.unanswered, summary).toBe(0);
    expect(report.answered, summary).toBe(report.calls);
    expect(report.untyped, summary).toEqual([]);
    expect(report.rssMaxMiB - report.rssStartMiB, summary).toBeLessThan(MAX_RSS_GROWTH_MIB);
    // Every kind of answer occurs: the generator reaches past validation into the handlers.
    expect(report.byCode.ok, summary).toBeGreaterThan(CALLS / 20);
    expect(report.byCode.invalid_argument, summary).toBeGreaterThan(CALLS / 5);

    const api = await openApi(host.port, host.token);
    expect((await api.call('app.info', {})).ok).toBe(true);
    api.close();
  });
});
