/**
 * Issue 8, item 7: a voice-pack zip bomb installed (3 MB zip → 6.5 GB of memory, 3.2 GB written),
 * and a folder pack with a link to `..` recursed. Zips are now inflated as a stream with limits
 * on total size, entry count and compression ratio; folder packs never follow links.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { Zip, ZipDeflate, ZipPassThrough, zipSync, type ZipInputFile } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { stagePack } from '../../../../src/main/services/model-packs/index.ts';
import { makeTestVoices } from '../../../fixtures/voices/make-test-voices.ts';
import { useTestStudio } from '../../../helpers/studio.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

const temp = makeTempDir('studio-pack-limits-');
afterAll(() => temp.remove());
const voices = makeTestVoices(temp.dir);

/** A zip written as a stream: entries of `bytes` from `fill`, so a large bomb never sits in memory. */
function streamZip(out: string, entries: { name: string; bytes: number; fill: (size: number) => Uint8Array; stored?: boolean }[]): string {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const fd = fs.openSync(out, 'w');
  const zip = new Zip((error, data) => {
    if (error) throw error;
    fs.writeSync(fd, data);
  });
  for (const entry of entries) {
    const file = entry.stored ? new ZipPassThrough(entry.name) : new ZipDeflate(entry.name, { level: 1 });
    zip.add(file);
    const piece = 4 * 1024 * 1024;
    for (let done = 0; done < entry.bytes; done += piece) {
      const size = Math.min(piece, entry.bytes - done);
      file.push(entry.fill(size), done + size >= entry.bytes);
    }
    if (entry.bytes === 0) file.push(new Uint8Array(0), true);
  }
  zip.end();
  fs.closeSync(fd);
  return out;
}

const zeros = (size: number) => new Uint8Array(size);

/**
 * A zip bomb as attackers build it, without spending minutes in a JavaScript deflater: one
 * full-flushed deflate block of 16 MiB of zeros is self-contained and byte-aligned, so the same
 * ~16 KB piece repeated `copies` times, then an empty final block, is a valid deflate stream.
 */
function zeroBomb(out: string, name: string, copies: number): string {
  const block = Buffer.alloc(16 * 1024 * 1024);
  const piece = zlib.deflateRawSync(block, { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const end = zlib.deflateRawSync(Buffer.alloc(0));
  let crc = 0;
  for (let i = 0; i < copies; i++) crc = zlib.crc32(block, crc);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const fd = fs.openSync(out, 'w');
  const zip = new Zip((error, data) => {
    if (error) throw error;
    fs.writeSync(fd, data);
  });
  const file: ZipInputFile = { filename: name, size: copies * block.length, crc, compression: 8 };
  zip.add(file);
  for (let i = 0; i < copies; i++) file.ondata!(null, piece, false);
  file.ondata!(null, end, true);
  zip.end();
  fs.closeSync(fd);
  return out;
}
const random = (size: number) => new Uint8Array(crypto.randomBytes(size));

/** Total bytes of the files under a folder (what an install left on disk). */
function bytesUnder(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  return total;
}

describe('issue 8 item 7: voice-pack zip bombs and folder links are refused', { timeout: 180_000 }, () => {
  const studio = useTestStudio();
  const voicesDir = () => path.join(studio.dataDir, 'voices');

  async function nothingLeft() {
    expect(fs.existsSync(voicesDir()) ? fs.readdirSync(voicesDir()) : []).toEqual([]);
    expect((await studio.call('voice.list', {})).filter((v) => v.source === 'pack')).toEqual([]);
  }

  it('a zip bomb (2 GiB of zeros in a 2 MB zip) is refused by its ratio, having written little', async () => {
    const zip = zeroBomb(path.join(temp.dir, 'bomb', 'vi_VN-bomb-x_low.zip'), 'vi_VN-bomb-x_low.onnx', 128);
    expect(fs.statSync(zip).size).toBeLessThan(5 * 1024 * 1024);
    await expect(studio.call('voice.install', { path: zip })).rejects.toMatchObject({ code: 'pack_too_large', message: expect.stringMatching(/ratio/) });
    await nothingLeft();
  });

  it('the same bomb through stagePack stops after writing at most the ratio allowance', () => {
    const zip = path.join(temp.dir, 'bomb', 'vi_VN-bomb-x_low.zip');
    const dest = path.join(temp.dir, 'staged-bomb');
    expect(() => stagePack(zip, dest)).toThrow(expect.objectContaining({ code: 'pack_too_large' }));
    // The grace (32 MiB) plus one slice's worth, not 512 MiB.
    expect(bytesUnder(dest)).toBeLessThan(64 * 1024 * 1024);
  });

  it('too many entries', async () => {
    const entries = Array.from({ length: 2001 }, (_, i) => ({ name: `junk/${i}.txt`, bytes: 1, fill: zeros, stored: true }));
    const zip = streamZip(path.join(temp.dir, 'many', 'many.zip'), entries);
    await expect(studio.call('voice.install', { path: zip })).rejects.toMatchObject({ code: 'pack_too_large', message: expect.stringMatching(/entries/) });
    await nothingLeft();
  });

  it('more bytes in total than the limit, even when nothing compresses', () => {
    const zip = streamZip(path.join(temp.dir, 'big', 'big.zip'), [
      { name: 'a.bin', bytes: 3 * 1024 * 1024, fill: random },
      { name: 'b.bin', bytes: 3 * 1024 * 1024, fill: random },
    ]);
    const dest = path.join(temp.dir, 'staged-big');
    expect(() => stagePack(zip, dest, { limits: { maxBytes: 4 * 1024 * 1024 } })).toThrow(expect.objectContaining({ code: 'pack_too_large', details: expect.objectContaining({ limit: 'bytes' }) }));
    expect(bytesUnder(dest)).toBeLessThanOrEqual(4 * 1024 * 1024 + 64 * 1024);
  });

  it('an entry listed twice does not overwrite the first', () => {
    const zip = streamZip(path.join(temp.dir, 'twice', 'twice.zip'), [
      { name: 'model.onnx', bytes: 3, fill: () => new Uint8Array([1, 2, 3]), stored: true },
      { name: 'model.onnx', bytes: 3, fill: () => new Uint8Array([6, 6, 6]), stored: true },
    ]);
    const dest = path.join(temp.dir, 'staged-twice');
    expect(() => stagePack(zip, dest)).toThrow(expect.objectContaining({ code: 'unsupported_format', details: expect.objectContaining({ problem: 'listed twice' }) }));
    expect([...fs.readFileSync(path.join(dest, 'model.onnx'))]).toEqual([1, 2, 3]);
  });

  it('the real test pack still installs from a zip', async () => {
    const files: Record<string, Uint8Array> = {};
    for (const name of fs.readdirSync(path.dirname(voices.piper))) files[name] = new Uint8Array(fs.readFileSync(path.join(path.dirname(voices.piper), name)));
    const zip = path.join(temp.dir, 'good', 'good.zip');
    fs.mkdirSync(path.dirname(zip), { recursive: true });
    fs.writeFileSync(zip, zipSync(files));
    await expect(studio.call('voice.install', { path: zip })).resolves.toMatchObject({ source: 'pack' });
  });

  it('a folder pack with a link to .. is refused without recursing', async () => {
    const dir = path.join(temp.dir, 'loop-pack');
    fs.cpSync(path.dirname(voices.piper), dir, { recursive: true });
    fs.symlinkSync('..', path.join(dir, 'up'));
    await expect(studio.call('voice.install', { path: dir })).rejects.toMatchObject({ code: 'pack_symlink', message: 'up' });
    await nothingLeft();
  });

  it('a folder pack with a link to a file elsewhere is refused too', async () => {
    const dir = path.join(temp.dir, 'link-pack');
    fs.cpSync(path.dirname(voices.piper), dir, { recursive: true });
    fs.symlinkSync('/etc/hostname', path.join(dir, 'LICENSE'));
    await expect(studio.call('voice.install', { path: dir })).rejects.toMatchObject({ code: 'pack_symlink' });
    await nothingLeft();
  });

  it('a folder pack holding a FIFO is refused, not blocked on', async () => {
    const dir = path.join(temp.dir, 'fifo-pack');
    fs.cpSync(path.dirname(voices.piper), dir, { recursive: true });
    execFileSync('mkfifo', [path.join(dir, 'notes.txt')]);
    await expect(studio.call('voice.install', { path: dir })).rejects.toMatchObject({ code: 'unsupported_format', message: expect.stringMatching(/notes\.txt \(not a plain file\)/) });
    await nothingLeft();
  });
});
