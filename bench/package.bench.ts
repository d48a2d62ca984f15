/**
 * Bulletin packages on a 200 MB WAV (generated at bench time, deleted after): writing a package
 * (copy while hashing, flush, read back and verify, rename) and importing it into another library
 * (verify every checksum, copy in while hashing, one transaction), each timed against the standard
 * tools giving the same guarantees on the same file in the same run (writing: `sha256sum` + `cp` +
 * `sync` + `sha256sum`; importing: the same without `sync`). Figures: throughput ratios (tools' time /
 * ours, goal ≥ 0.8), and the RSS of this process (import job worker included) above its level just
 * before, peak while ours runs. BENCH_PACKAGE_MB changes the size.
 */
import { execFileSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hashFile } from '../src/main/services/delivery/package/hash-copy.ts';
import { PackageConnector } from '../src/main/services/delivery/package/package-connector.ts';
import { openStudio, type Studio } from '../src/main/studio.ts';

const MB = Number(process.env.BENCH_PACKAGE_MB ?? 200);

function wav(file: string, bytes: number): void {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + bytes, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(2, 22);
  header.writeUInt32LE(48_000, 24);
  header.writeUInt32LE(48_000 * 4, 28);
  header.writeUInt16LE(4, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(bytes, 40);
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, header);
  const chunk = Buffer.alloc(8 << 20);
  for (let left = bytes; left > 0; left -= chunk.length) fs.writeSync(fd, randomFillSync(chunk), 0, Math.min(left, chunk.length));
  fs.closeSync(fd);
}

/** Seconds, and how far the RSS (MB, sampled every 20 ms) rose above its level at the start. */
async function timed(work: () => Promise<unknown> | unknown): Promise<{ seconds: number; peakRssMB: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const started = performance.now();
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  return { seconds: (performance.now() - started) / 1000, peakRssMB: Math.round((Math.max(peak, process.memoryUsage.rss()) - before) / 1e6) };
}

const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });

async function seed(studio: Studio, source: string) {
  const { services } = studio;
  const { sha256 } = await hashFile(source);
  const file = path.join('assets', `${sha256}.wav`);
  fs.mkdirSync(path.join(services.dataDir, 'assets'), { recursive: true });
  fs.copyFileSync(source, path.join(services.dataDir, file));
  const bytes = fs.statSync(source).size;
  const asset = services.library.assets.add({ name: 'bench.wav', file, sha256, bytes, durationSec: (bytes - 44) / (48_000 * 4), sampleRate: 48_000, channels: 2 }, 'bench');
  const bulletin = services.library.bulletins.create({ title: 'Bản tin đo tốc độ', audioAssetId: asset.id, priority: 'emergency' }, 'bench');
  services.library.bulletins.transition(bulletin.id, 'submitted', 'bench');
  return { bulletin: services.library.bulletins.transition(bulletin.id, 'approved', 'bench', 'Người duyệt'), asset };
}

export default async function packageBench() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-bench-package-'));
  const sender = openStudio({ dataDir: path.join(root, 'sender'), transport: 'test' });
  const receiver = openStudio({ dataDir: path.join(root, 'receiver'), transport: 'test' });
  try {
    const source = path.join(root, 'source.wav');
    wav(source, MB * 1_000_000);
    const { bulletin, asset } = await seed(sender, source);
    const audioPath = path.join(sender.services.dataDir, asset.file);

    // Writing: the reference checks the library's file, copies it, flushes, and checks the copy.
    const toolsDir = path.join(root, 'tools-usb');
    fs.mkdirSync(toolsDir);
    const toolsWrite = await timed(() => {
      sh('sha256sum', [audioPath]);
      sh('cp', [audioPath, path.join(toolsDir, 'audio.wav')]);
      sh('sync', ['-f', path.join(toolsDir, 'audio.wav')]);
      sh('sha256sum', [path.join(toolsDir, 'audio.wav')]);
    });
    const { dataDir, version, library } = sender.services;
    const connector = new PackageConnector({ dataDir, version, library }, path.join(root, 'usb'));
    let folder = '';
    const ourWrite = await timed(async () => {
      const result = await connector.send(
        {
          idempotencyKey: 'studio-bench-000001',
          audioPath,
          metadata: {
            bulletinId: bulletin.id, title: bulletin.title, category: bulletin.category, language: bulletin.language,
            priority: bulletin.priority, schedule: bulletin.schedule, repeat: bulletin.repeat, targetAreas: [],
            author: bulletin.author, approver: bulletin.approver, durationSec: asset.durationSec, loudnessLufs: null,
            sha256: asset.sha256, bytes: asset.bytes, fileName: 'audio.wav', mimeType: 'audio/wav',
          },
        },
        { signal: new AbortController().signal, resume: {}, saveResume: () => undefined, onProgress: () => undefined },
      );
      folder = result.remoteId;
    });

    // Importing: the reference checks the file, copies it in and checks the copy.
    const toolsImportDir = path.join(root, 'tools-import');
    fs.mkdirSync(toolsImportDir);
    const toolsImport = await timed(() => {
      sh('sha256sum', [path.join(folder, 'audio.wav')]);
      sh('cp', [path.join(folder, 'audio.wav'), path.join(toolsImportDir, 'audio.wav')]);
      sh('sha256sum', [path.join(toolsImportDir, 'audio.wav')]);
    });
    const ourImport = await timed(async () => {
      const response = await receiver.dispatch('package.import', { path: folder }, { actor: 'bench' });
      if (!response.ok) throw new Error(response.error.message);
      const done = await receiver.services.jobs.wait((response.result as { id: string }).id);
      if (done.state !== 'done') throw new Error(done.error?.message ?? done.state);
    });

    const figures = {
      megabytes: MB,
      writeSeconds: +ourWrite.seconds.toFixed(2),
      writeToolsSeconds: +toolsWrite.seconds.toFixed(2),
      writeThroughputRatio: +(toolsWrite.seconds / ourWrite.seconds).toFixed(2),
      writeRssRiseMB: ourWrite.peakRssMB,
      importSeconds: +ourImport.seconds.toFixed(2),
      importToolsSeconds: +toolsImport.seconds.toFixed(2),
      importThroughputRatio: +(toolsImport.seconds / ourImport.seconds).toFixed(2),
      importRssRiseMB: ourImport.peakRssMB,
    };
    process.stdout.write(
      `package write ${MB} MB: ${figures.writeSeconds} s (sha256sum + cp + sync + sha256sum ${figures.writeToolsSeconds} s) → ratio ${figures.writeThroughputRatio}, RSS +${figures.writeRssRiseMB} MB\n` +
        `package import ${MB} MB: ${figures.importSeconds} s (sha256sum + cp + sha256sum ${figures.importToolsSeconds} s) → ratio ${figures.importThroughputRatio}, RSS +${figures.importRssRiseMB} MB\n`,
    );
    return figures;
  } finally {
    await sender.close();
    await receiver.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}
