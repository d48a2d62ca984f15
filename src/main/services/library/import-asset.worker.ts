import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { StudioError } from '../../../shared/errors.ts';
import { defineJobWorker } from '../jobs/worker-runtime.ts';
import { readWavInfo } from '../media/wav-info.ts';
import type { NewAsset } from './assets.ts';

export interface ImportAssetInput {
  source: string;
  dataDir: string;
  name: string;
}

const HEADER_BYTES = 64 * 1024;

/**
 * Copies an audio file into the data directory under its sha256, streaming (files can be hours
 * long), to a temporary name renamed into place once complete.
 */
defineJobWorker<ImportAssetInput, NewAsset>(async ({ source, dataDir, name }, job) => {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(source);
  } catch {
    throw new StudioError('not_found', `file ${source}`);
  }
  if (!stat.isFile() || stat.size === 0) throw new StudioError('unsupported_format', 'the file is empty');
  const head = Buffer.alloc(Math.min(HEADER_BYTES, stat.size));
  const fd = fs.openSync(source, 'r');
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  const info = readWavInfo(head, stat.size);

  const assetsDir = path.join(dataDir, 'assets');
  fs.mkdirSync(assetsDir, { recursive: true });
  const temp = path.join(assetsDir, `.import-${process.pid}-${Date.now()}.part`);
  const hash = createHash('sha256');
  let copied = 0;
  try {
    const output = fs.createWriteStream(temp);
    for await (const chunk of fs.createReadStream(source, { highWaterMark: 1 << 20 })) {
      job.checkCancelled();
      hash.update(chunk as Buffer);
      if (!output.write(chunk)) await new Promise<void>((resolve) => output.once('drain', () => resolve()));
      copied += (chunk as Buffer).length;
      job.progress(copied / stat.size, 'copying');
    }
    await new Promise<void>((resolve, reject) => output.end((error?: Error | null) => (error ? reject(error) : resolve())));
    const sha256 = hash.digest('hex');
    const file = path.join('assets', `${sha256}.wav`);
    fs.renameSync(temp, path.join(dataDir, file));
    return {
      name,
      file,
      sha256,
      bytes: stat.size,
      durationSec: info.durationSec,
      sampleRate: info.sampleRate,
      channels: info.channels,
    };
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
});
