import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Asset } from '../../../../src/shared/api/library-types.ts';
import { peaksPath } from '../../../../src/main/services/audio/peaks.ts';
import { openStudio, type Studio } from '../../../../src/main/studio.ts';
import { asTestStudio } from '../../../helpers/studio.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { ffmpegEncode, importFile, speechWav } from '../audio/fixtures.ts';

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/**
 * Issue 8, item 6: bulletins whose audio came from MP3, FLAC or OGG could never be delivered,
 * the asset's sha256 being the compressed original's while the stored file is the decoded WAV.
 */
// Several imports and a restart per test: generous limits for a loaded machine.
describe('item 6: one hash, of the file that is stored and sent', { timeout: 240_000 }, () => {
  const temp = makeTempDir();
  let studio: Studio | null = null;
  const open = () => (studio = openStudio({ dataDir: temp.dir, transport: 'test' }));
  afterAll(() => temp.remove());
  afterEach(async () => {
    await studio?.close();
    studio = null;
  });

  it('imports MP3, FLAC and OGG with the hash of the stored WAV', async () => {
    const s = asTestStudio(open(), temp.dir);
    const source = speechWav(temp.dir, 'src.wav', 2, 48000, 1);
    for (const [name, args] of [['a.mp3', ['-c:a', 'libmp3lame']], ['a.flac', ['-c:a', 'flac']], ['a.ogg', ['-c:a', 'libvorbis']]] as const) {
      const file = ffmpegEncode(source, path.join(temp.dir, name), [...args]);
      const asset = await importFile(s, file);
      const stored = path.join(temp.dir, asset.file);
      expect(asset.sha256).toBe(sha256(stored));
      expect(asset.sha256).not.toBe(sha256(file));
      expect(asset.file).toBe(path.join('assets', `${asset.sha256}.wav`));
      expect(asset.bytes).toBe(fs.statSync(stored).size);
    }
  });

  it('corrects an asset recorded by an older version with the original\'s hash, at the next start', async () => {
    const s = asTestStudio(open(), temp.dir);
    const mp3 = ffmpegEncode(speechWav(temp.dir, 'old.wav', 2, 44100, 2), path.join(temp.dir, 'old.mp3'), ['-c:a', 'libmp3lame']);
    const asset: Asset = await importFile(s, mp3);
    const right = asset.sha256;
    // As the old import left it: the MP3's hash, its peaks stored under that hash, never checked.
    const wrong = sha256(mp3);
    s.services.db.prepare('UPDATE assets SET sha256 = ?, sha256_checked_at = NULL WHERE id = ?').run(wrong, asset.id);
    fs.renameSync(peaksPath(temp.dir, right), peaksPath(temp.dir, wrong));
    await studio!.close();

    const reopened = open();
    const check = reopened.services.jobs.list().find((j) => j.kind === 'library.checkHashes');
    expect(check).toBeDefined();
    const done = await reopened.services.jobs.wait(check!.id);
    expect(done).toMatchObject({ state: 'done', result: [asset.id] });
    const fixed = reopened.services.library.assets.get(asset.id);
    expect(fixed.sha256).toBe(right);
    expect(fixed.sha256).toBe(sha256(path.join(temp.dir, fixed.file)));
    expect(fs.existsSync(peaksPath(temp.dir, right))).toBe(true);
    expect(reopened.services.audit.list({ entity: 'asset', entityId: asset.id, limit: 50, offset: 0 }).some((e) => e.action === 'update')).toBe(true);
    await studio!.close();

    // Checked once: the next start has nothing to hash.
    expect(open().services.jobs.list().some((j) => j.kind === 'library.checkHashes')).toBe(false);
  });

  it('item 11: the same file through asset.import and audio.import is one asset, not an internal error', async () => {
    const s = asTestStudio(open(), temp.dir);
    const file = speechWav(temp.dir, 'twice.wav', 1, 48000, 2, 'pcm16');
    const first = await importFile(s, file);
    const job = await s.call('audio.import', { path: file });
    const done = await s.services.jobs.wait(job.id);
    expect(done).toMatchObject({ state: 'done', result: { id: first.id, sha256: first.sha256 } });
  });
});
