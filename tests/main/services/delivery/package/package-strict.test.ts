/**
 * Issue 8, item 11 (package part): package import accepted a non-audio payload, a manifest with a
 * key given twice, and a deeply nested manifest (`Maximum call stack size exceeded`). Manifests are
 * now parsed strictly (size, depth, no repeated keys) and the audio must be a WAV or MP3 the studio
 * supports, each refusal a typed error with nothing imported.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sealOf } from '../../../../../src/main/services/delivery/package/manifest.ts';
import { useSentPackage, writeToneWav } from './fixtures.ts';

const manifestPath = (dir: string) => path.join(dir, 'manifest.json');
const readManifest = (dir: string) => JSON.parse(fs.readFileSync(manifestPath(dir), 'utf8'));

/** Replaces the package's audio with `file` under `name`, and re-seals, as a forger who knows the format would. */
function swapAudio(dir: string, file: string, name: string, mimeType: string): void {
  const manifest = readManifest(dir);
  fs.rmSync(path.join(dir, manifest.files[0].path));
  fs.copyFileSync(file, path.join(dir, name));
  const bytes = fs.readFileSync(file);
  manifest.files[0] = { ...manifest.files[0], path: name, mimeType, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  // The sender's signature cannot cover the swapped file: the forged package goes unsigned.
  const { signature: _signature, ...unsigned } = manifest;
  fs.writeFileSync(manifestPath(dir), JSON.stringify({ ...unsigned, seal: sealOf(unsigned) }, null, 2));
}

describe('issue 8 item 11: strict package manifests and audio payloads', () => {
  const sent = useSentPackage('outbox-item-0099');
  const { sender, receiver, usb } = sent;

  function copyOfOriginal(): string {
    const parent = fs.mkdtempSync(path.join(usb.dir, 'case-'));
    const copy = path.join(parent, path.basename(sent.original));
    fs.cpSync(sent.original, copy, { recursive: true });
    return copy;
  }

  async function importOutcome(dir: string) {
    const job = await receiver.call('package.import', { path: dir });
    return receiver.services.jobs.wait(job.id);
  }

  async function expectNothingImported() {
    expect((await receiver.call('bulletin.list', {})).total).toBe(0);
    expect(await receiver.call('asset.list', {})).toEqual([]);
    const assetsDir = path.join(receiver.dataDir, 'assets');
    expect(fs.existsSync(assetsDir) ? fs.readdirSync(assetsDir) : []).toEqual([]);
  }

  it('a key given twice is refused, even though the seal matches the last value', async () => {
    const dir = copyOfOriginal();
    const text = fs.readFileSync(manifestPath(dir), 'utf8');
    expect(text).toContain('"priority": "emergency"');
    // JSON.parse keeps the last value, so the seal still matches: one reader would see "normal".
    fs.writeFileSync(manifestPath(dir), text.replace('"priority": "emergency"', '"priority": "normal", "priority": "emergency"'));
    await expect(receiver.call('package.inspect', { path: dir })).rejects.toMatchObject({
      code: 'package_rejected',
      details: expect.objectContaining({ problem: 'duplicate_key', detail: 'priority' }),
    });
    const outcome = await importOutcome(dir);
    expect(outcome.error).toMatchObject({ code: 'package_rejected', message: expect.stringMatching(/duplicate_key: priority/) });
    await expectNothingImported();
  });

  it('a key repeated in another spelling ("\\u0070riority") is the same key', async () => {
    const dir = copyOfOriginal();
    const text = fs.readFileSync(manifestPath(dir), 'utf8');
    fs.writeFileSync(manifestPath(dir), text.replace('"priority": "emergency"', '"\\u0070riority": "normal", "priority": "emergency"'));
    await expect(receiver.call('package.inspect', { path: dir })).rejects.toMatchObject({ code: 'package_rejected', details: expect.objectContaining({ problem: 'duplicate_key' }) });
  });

  it('a deeply nested manifest is refused as too deep, not a stack overflow', async () => {
    const dir = copyOfOriginal();
    const depth = 200_000;
    fs.writeFileSync(manifestPath(dir), `{"format":"studio.bulletin-package","x":${'['.repeat(depth)}${']'.repeat(depth)}}`);
    await expect(receiver.call('package.inspect', { path: dir })).rejects.toMatchObject({ code: 'package_rejected', details: expect.objectContaining({ problem: 'too_deep' }) });
    const outcome = await importOutcome(dir);
    expect(outcome.error).toMatchObject({ code: 'package_rejected', message: expect.stringMatching(/too_deep/) });
    await expectNothingImported();
  });

  it('a manifest that is a FIFO is refused without blocking', async () => {
    const dir = copyOfOriginal();
    fs.rmSync(manifestPath(dir));
    execFileSync('mkfifo', [manifestPath(dir)]);
    await expect(receiver.call('package.inspect', { path: dir })).rejects.toMatchObject({ code: 'package_rejected', message: expect.stringMatching(/not a plain file/) });
  });

  const payloads: [name: string, make: (file: string) => void, fileName: string, mime: string, code: string, problem: RegExp][] = [
    ['a text file named audio.mp3', (file) => fs.writeFileSync(file, 'Đây không phải âm thanh. '.repeat(500)), 'audio.mp3', 'audio/mpeg', 'unsupported_format', /no_mp3_frames/],
    ['a text file named audio.wav', (file) => fs.writeFileSync(file, 'not audio at all '.repeat(500)), 'audio.wav', 'audio/wav', 'unsupported_format', /not a WAV file/],
    ['an executable', (file) => fs.writeFileSync(file, Buffer.concat([Buffer.from('MZ'), Buffer.alloc(4000, 0x90)])), 'setup.exe', 'application/octet-stream', 'unsupported_format', /not_wav_or_mp3/],
    ['a WAV declaring 2 Hz', (file) => writeToneWav(file, 4, 2), 'audio.wav', 'audio/wav', 'audio_out_of_range', /2 Hz/],
  ];

  for (const [name, make, fileName, mime, code, problem] of payloads) {
    it(`a non-audio payload is refused: ${name}`, async () => {
      const dir = copyOfOriginal();
      const forged = path.join(path.dirname(dir), `forged-${fileName}`);
      make(forged);
      swapAudio(dir, forged, fileName, mime);
      const outcome = await importOutcome(dir);
      expect(outcome.state).toBe('failed');
      expect(outcome.error).toMatchObject({ code, message: expect.stringMatching(problem) });
      await expectNothingImported();
    });
  }

  it('a real MP3 imports, with the rate and channels of its frames rather than the manifest', async () => {
    const dir = copyOfOriginal();
    const mp3 = path.join(path.dirname(dir), 'real.mp3');
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=1', '-ar', '44100', '-ac', '2', '-id3v2_version', '3', '-metadata', 'title=Tin', mp3]);
    swapAudio(dir, mp3, 'audio.mp3', 'audio/mpeg');
    const outcome = await importOutcome(dir);
    expect(outcome.error).toBeUndefined();
    const asset = (outcome.result as { asset: { sampleRate: number; channels: number } }).asset;
    expect(asset).toMatchObject({ sampleRate: 44_100, channels: 2 });
  });
});
