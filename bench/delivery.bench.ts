/**
 * Delivery over loopback: a 200 MB bulletin sent by the outbox (source connector: tus-js-client,
 * sha256 per chunk, idempotent metadata, final sha256 check) to the reference server, against
 * `curl` sending the same file to the same server in the same run, doing the same protocol
 * steps with its own sha256 (see CURL_REFERENCE). Goal: throughput ratio ≥ 0.8. Also the memory
 * of the process running the outbox while it uploads.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStudio } from '../src/main/studio.ts';
import type { Bulletin } from '../src/shared/api/library-types.ts';
import { StudioError } from '../src/shared/errors.ts';
import type { TestStudio } from '../tests/helpers/studio.ts';
import { approvedBulletin, issueToken, startServerProcess } from '../tests/main/services/delivery/source/fixtures.ts';

const MiB = 1024 * 1024;
const BYTES = Number(process.env.BENCH_DELIVERY_MB ?? 200) * MiB;
const ROUNDS = 2;

/**
 * The reference: the same protocol steps the outbox takes, done by standard tools in one timed
 * shell script, so the server verifies exactly as much for curl as for the outbox:
 * 1. register the metadata (POST /api/v1/bulletins, Idempotency-Key), 2. create the tus upload
 * while `openssl dgst -sha256` hashes the file (the client's own checksum work, as the outbox
 * hashes every chunk), 3. one streamed PATCH of the whole file (`curl -T`) carrying
 * `Upload-Checksum: sha256 <base64>`, which the server checks as it does each outbox chunk,
 * then its whole-file sha256 check on completion, 4. query the record's status.
 * One PATCH is curl's natural (and fastest) way; the outbox sends chunks so a broken line costs
 * at most one chunk. CPU is that of the script and everything it ran (curl, openssl, bash).
 */
const CURL_REFERENCE = `set -eu
auth="Authorization: Bearer $TOKEN"
record=$(curl -sf -H "$auth" -H "Idempotency-Key: $KEY" -H 'Content-Type: application/json' -d "$METADATA" "$SERVER/api/v1/bulletins")
id=$(printf '%s' "$record" | sed -E 's/.*"id":"?([^",]+).*/\\1/')
openssl dgst -sha256 -binary "$FILE" | base64 -w0 > "$SUMFILE" &
hashing=$!
location=$(curl -sf -i -X POST -H "$auth" -H 'Tus-Resumable: 1.0.0' -H "Upload-Length: $BYTES" \\
  -H "Upload-Metadata: bulletin $(printf '%s' "$id" | base64 -w0)" "$SERVER/files" | tr -d '\\r' | sed -n 's/^[Ll]ocation: *//p')
wait $hashing
curl -sf -o /dev/null -X PATCH -H "$auth" -H 'Tus-Resumable: 1.0.0' -H 'Upload-Offset: 0' \\
  -H 'Content-Type: application/offset+octet-stream' -H "Upload-Checksum: sha256 $(cat "$SUMFILE")" -T "$FILE" "$SERVER$location"
curl -sf -H "$auth" "$SERVER/api/v1/bulletins/$id"
`;

function curlUpload(serverUrl: string, token: string, file: string, sha256: string, key: string): { seconds: number; clientCpu: number } {
  const metadata = {
    bulletinId: 1, title: 'bench', category: 'other', language: 'vi', priority: 'normal', schedule: { kind: 'now' },
    repeat: { count: 1, gapMinutes: 0 }, targetAreas: [], author: '', approver: null, durationSec: null, loudnessLufs: null,
    sha256, bytes: BYTES, fileName: 'bench.mp3', mimeType: 'audio/mpeg',
  };
  const sumFile = path.join(path.dirname(file), `curl-${key}.sha256`);
  const env = { ...process.env, TOKEN: token, KEY: key, METADATA: JSON.stringify(metadata), SERVER: serverUrl, FILE: file, BYTES: String(BYTES), SUMFILE: sumFile };
  const t0 = performance.now();
  const timed = spawnSync('/usr/bin/time', ['-f', 'CPU %U %S', 'bash', '-c', CURL_REFERENCE], { encoding: 'utf8', env });
  const seconds = (performance.now() - t0) / 1000;
  fs.rmSync(sumFile, { force: true });
  if (timed.status !== 0) throw new Error(`curl reference failed (${timed.status}): ${timed.stderr}`);
  const [, user, system] = /CPU ([\d.]+) ([\d.]+)/.exec(timed.stderr)!;
  const status = JSON.parse(timed.stdout.trim().split('\n').at(-1)!) as { status: string; receivedSha256: string | null };
  if (status.status !== 'received' || status.receivedSha256 !== sha256) throw new Error(`curl upload not received: ${timed.stdout}`);
  return { seconds, clientCpu: Number(user) + Number(system) };
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
function processCpu(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const ownCpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

export default async function deliveryBench() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-bench-delivery-'));
  const serverDir = path.join(root, 'server');
  const dataDir = path.join(root, 'studio');
  const server = await startServerProcess(serverDir);
  const studio = openStudio({ dataDir, transport: 'test' });
  const call: TestStudio['call'] = async (name, arg) => {
    const response = await studio.dispatch(name, arg, { actor: 'bench' });
    if (!response.ok) throw new StudioError(response.error.code, response.error.message);
    return response.result as never;
  };
  const test = { ...studio, dataDir, call } as TestStudio;
  const clearUploads = () => fs.rmSync(path.join(serverDir, 'uploads'), { recursive: true, force: true });
  try {
    const token = issueToken(serverDir);
    const chunkOverride = Number(process.env.BENCH_DELIVERY_CHUNK_MIB);
    await call('delivery.settings.update', { serverUrl: server.url, token, ...(chunkOverride > 0 ? { chunkSizeMiB: chunkOverride } : {}) });
    const chunkSizeMiB = (await call('delivery.settings.get', {})).chunkSizeMiB;
    const bulletins: Bulletin[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const bulletin = await approvedBulletin(test, { bytes: BYTES, title: `Bench ${i}` });
      // A bulletin the studio made has its loudness measured already; without it the outbox
      // would first measure this file (random bytes) in a job, which is not upload time.
      studio.services.library.assets.setLoudness(bulletin.audioAssetId!, { integrated: -16, range: 4, truePeak: -1.5 });
      bulletins.push(bulletin);
    }
    const asset = studio.services.library.assets.get(bulletins[0]!.audioAssetId!);
    const file = path.join(dataDir, asset.file);

    const curlSeconds: number[] = [];
    const outboxSeconds: number[] = [];
    let peakRss = 0;
    let peakExternal = 0;
    const baselineRss = process.memoryUsage().rss;
    const serverPid = server.child.pid!;
    const cpu = { curlClient: [] as number[], curlServer: [] as number[], outboxClient: [] as number[], outboxServer: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      let serverBefore = processCpu(serverPid);
      const curl = curlUpload(server.url, token, file, asset.sha256, `bench-curl-${round}-${Date.now()}`);
      curlSeconds.push(curl.seconds);
      cpu.curlClient.push(curl.clientCpu);
      cpu.curlServer.push(processCpu(serverPid) - serverBefore);
      clearUploads();
      fs.mkdirSync(path.join(serverDir, 'uploads'), { recursive: true });

      serverBefore = processCpu(serverPid);
      const clientBefore = ownCpu();
      const t0 = performance.now();
      const item = await call('delivery.enqueue', { bulletinId: bulletins[round]!.id, to: 'source' });
      await new Promise<void>((resolve, reject) => {
        const timer = setInterval(() => {
          const memory = process.memoryUsage();
          peakRss = Math.max(peakRss, memory.rss);
          peakExternal = Math.max(peakExternal, memory.external + memory.arrayBuffers);
          const current = studio.services.delivery.outbox.get(item.id);
          if (current.state === 'delivered') {
            clearInterval(timer);
            resolve();
          } else if (current.lastError) {
            clearInterval(timer);
            reject(new Error(`outbox upload failed: ${current.lastError.message}`));
          }
        }, 20);
      });
      outboxSeconds.push((performance.now() - t0) / 1000);
      cpu.outboxClient.push(ownCpu() - clientBefore);
      cpu.outboxServer.push(processCpu(serverPid) - serverBefore);
      clearUploads();
      fs.mkdirSync(path.join(serverDir, 'uploads'), { recursive: true });
    }

    const best = (list: number[]) => Math.min(...list);
    const mbps = (seconds: number) => BYTES / MiB / seconds;
    const figures = {
      bytes: BYTES,
      chunkSizeMiB,
      curlMBps: Number(mbps(best(curlSeconds)).toFixed(1)),
      outboxMBps: Number(mbps(best(outboxSeconds)).toFixed(1)),
      throughputRatio: Number((best(curlSeconds) / best(outboxSeconds)).toFixed(3)),
      goalRatio: 0.8,
      curlSeconds: curlSeconds.map((s) => Number(s.toFixed(2))),
      outboxSeconds: outboxSeconds.map((s) => Number(s.toFixed(2))),
      outboxPeakRssMiB: Number((peakRss / MiB).toFixed(1)),
      outboxRssGrowthMiB: Number(((peakRss - baselineRss) / MiB).toFixed(1)),
      outboxPeakBuffersMiB: Number((peakExternal / MiB).toFixed(1)),
      // CPU seconds per upload (min over rounds): the machine-load-independent part of the cost.
      cpuSeconds: Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, Number(Math.min(...v).toFixed(2))])),
      loadAverage: os.loadavg().map((l) => Number(l.toFixed(1))),
    };
    process.stdout.write(
      `reference: one bash script, timed whole: curl POST metadata; openssl sha256 of the file while curl creates the tus upload; ` +
        `curl PATCHes the whole file once with Upload-Checksum; curl GETs the status (must be "received" with the file's sha256)\n` +
        `outbox: enqueue → POST metadata → tus upload in PATCHes sized to the measured line (first upload ${chunkSizeMiB} MiB, then up to 32 MiB), each with Upload-Checksum (sha256 per chunk) → GET status, sha256 compared\n` +
        `server, both: sha256 of every PATCH body checked while it streams to disk, then the whole file's sha256 checked on completion\n` +
        `200 MB over loopback: outbox ${figures.outboxMBps} MB/s vs curl ${figures.curlMBps} MB/s → ratio ${figures.throughputRatio} (goal ≥ 0.8)\n` +
        `outbox process memory while uploading: peak RSS ${figures.outboxPeakRssMiB} MiB (+${figures.outboxRssGrowthMiB} MiB over idle), ` +
        `peak buffers ${figures.outboxPeakBuffersMiB} MiB, first chunk ${chunkSizeMiB} MiB\n` +
        `CPU s per upload: curl ${figures.cpuSeconds.curlClient} + server ${figures.cpuSeconds.curlServer}; ` +
        `outbox ${figures.cpuSeconds.outboxClient} + server ${figures.cpuSeconds.outboxServer} (load average ${figures.loadAverage.join(' ')})\n`,
    );
    return figures;
  } finally {
    await studio.close();
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}
