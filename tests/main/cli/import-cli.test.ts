/**
 * `studio import FILE [--bulletin ID | --jingle | --bed] [--json]` as a technician runs it: real
 * MP3, OGG and WAV files made by ffmpeg, the real database, and the roles kept apart afterwards.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStudio } from '../../../src/main/studio.ts';
import type { Asset, Bulletin } from '../../../src/shared/api/library-types.ts';
import { runStudio } from '../../helpers/cli.ts';
import { unwrappedCall } from '../../helpers/studio.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const temp = makeTempDir('studio-import-cli-');
const dataDir = path.join(temp.dir, 'data');
const at = (name: string) => path.join(temp.dir, name);

/** A short tone encoded by ffmpeg, the way users' files are made. */
function tone(name: string, codec: string[], frequency = 440): string {
  const run = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `sine=frequency=${frequency}:duration=2`, ...codec, at(name)], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return at(name);
}

beforeAll(() => {
  tone('nhac-hieu.mp3', ['-c:a', 'libmp3lame', '-b:a', '128k']);
  tone('nhac-nen.ogg', ['-c:a', 'libvorbis'], 220);
  tone('giong-doc.wav', ['-c:a', 'pcm_s16le'], 330);
  tone('bai-hat.m4a', ['-c:a', 'aac'], 550);
});
afterAll(() => temp.remove());

describe('studio import', () => {
  it('imports a jingle, a music bed and a bulletin voice, each with its role; the bulletin gets the voice as its audio', async () => {
    const jingle = runStudio(dataDir, ['import', at('nhac-hieu.mp3'), '--jingle', '--json']);
    expect(jingle.stderr).toBe('');
    expect(jingle.status).toBe(0);
    const jingleAsset = (JSON.parse(jingle.stdout) as { asset: Asset; bulletin: null }).asset;
    expect(jingleAsset).toMatchObject({ role: 'jingle', name: 'nhac-hieu', channels: 1 });
    expect(jingleAsset.durationSec).toBeCloseTo(2, 1);

    const bed = runStudio(dataDir, ['import', at('nhac-nen.ogg'), '--bed', '--name', 'Nhạc nền buổi sáng']);
    expect(bed.status).toBe(0);
    expect(bed.stdout).toMatch(/^\d+\tbed\t2\.0 s\tNhạc nền buổi sáng\n$/);

    const setup = openStudio({ dataDir, transport: 'test' });
    const bulletinId = (await unwrappedCall(setup, 'bulletin.create', { title: 'Tin thời tiết' })).id;
    await setup.close();
    const voice = runStudio(dataDir, ['import', at('giong-doc.wav'), '--bulletin', String(bulletinId), '--json']);
    expect(voice.status).toBe(0);
    const { asset, bulletin } = JSON.parse(voice.stdout) as { asset: Asset; bulletin: Bulletin };
    expect(asset.role).toBe('voice');
    expect(bulletin).toMatchObject({ id: bulletinId, audioAssetId: asset.id });

    // The music library holds the jingle and the bed, never the bulletin's voice file.
    const studio = openStudio({ dataDir, transport: 'test' });
    try {
      expect((await unwrappedCall(studio, 'asset.list', { role: 'jingle' })).map((a) => a.name)).toEqual(['nhac-hieu']);
      expect((await unwrappedCall(studio, 'asset.list', { role: 'bed' })).map((a) => a.name)).toEqual(['Nhạc nền buổi sáng']);
      expect((await unwrappedCall(studio, 'asset.list', { role: 'voice' })).map((a) => a.id)).toEqual([asset.id]);
      expect((await unwrappedCall(studio, 'bulletin.get', { id: bulletinId })).audioAssetId).toBe(asset.id);
    } finally {
      await studio.close();
    }
  }, 600_000);

  it('refuses, in both languages, two roles at once, an unknown bulletin (before importing) and an M4A file', async () => {
    const both = runStudio(dataDir, ['import', at('nhac-hieu.mp3'), '--jingle', '--bed']);
    expect(both.status).toBe(1);
    expect(both.stderr).toContain('chỉ chọn một trong --bulletin, --jingle, --bed');
    expect(both.stderr).toContain('give at most one of --bulletin, --jingle, --bed');

    const unknown = runStudio(dataDir, ['import', at('bai-hat.m4a'), '--bulletin', '999']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('Lỗi: Không tìm thấy');

    const m4a = runStudio(dataDir, ['import', at('bai-hat.m4a'), '--jingle']);
    expect(m4a.status).toBe(1);
    expect(m4a.stderr).toContain('Lỗi: Định dạng tệp không được hỗ trợ: tệp M4A/AAC chưa đọc được');
    expect(m4a.stderr).toContain('Error: File format not supported: M4A/AAC files cannot be read yet');

    const studio = openStudio({ dataDir, transport: 'test' });
    try {
      expect(await unwrappedCall(studio, 'asset.list', {})).toHaveLength(3);
    } finally {
      await studio.close();
    }
  }, 600_000);
});
