/**
 * `studio programme create|add|list|show`, `studio render` (normalised to the programme's preset)
 * and `studio deliver --programme` run as a technician would, on a data directory whose audio and
 * approved bulletin were made by a studio beforehand.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyProgrammePackage } from '../../../src/main/services/delivery/package/programme-package.ts';
import { openStudio } from '../../../src/main/studio.ts';
import { runStudio } from '../../helpers/cli.ts';
import { asTestStudio } from '../../helpers/studio.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';
import { ffmpegLoudness } from '../services/audio/ffmpeg-reference.ts';
import { importFile, speechWav } from '../services/audio/fixtures.ts';

const temp = makeTempDir('studio-programme-cli-');
const dataDir = path.join(temp.dir, 'data');
const ids = { jingle: 0, bed: 0, bulletin: 0, draft: 0 };

beforeAll(async () => {
  fs.mkdirSync(dataDir);
  const raw = openStudio({ dataDir, transport: 'test' });
  const studio = asTestStudio(raw, dataDir);
  try {
    ids.jingle = (await importFile(studio, speechWav(temp.dir, 'jingle.wav', 2, 44100, 2))).id;
    ids.bed = (await importFile(studio, speechWav(temp.dir, 'bed.wav', 12, 48000, 2))).id;
    const speech = await importFile(studio, speechWav(temp.dir, 'speech.wav', 5, 48000, 1));
    const b = await studio.call('bulletin.create', { title: 'Lịch tiêm chủng', audioAssetId: speech.id });
    await studio.call('bulletin.transition', { id: b.id, to: 'submitted' });
    ids.bulletin = (await studio.call('bulletin.transition', { id: b.id, to: 'approved', approver: 'Trưởng đài' })).id;
    ids.draft = (await studio.call('bulletin.create', { title: 'Bản nháp', audioAssetId: speech.id })).id;
  } finally {
    await raw.close();
  }
}, 120_000);
afterAll(() => temp.remove());

const ok = (run: ReturnType<typeof runStudio>) => {
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
};

describe('studio programme', () => {
  it('creates, fills, shows and lists a programme; renders it at its preset; delivers it as a package', { timeout: 300_000 }, () => {
    const created = JSON.parse(ok(runStudio(dataDir, ['programme', 'create', '--title', 'Thời sự sáng', '--preset', '-16', '--json'])));
    expect(created.mix.presetLufs).toBe(-16);
    const id = String(created.id);
    ok(runStudio(dataDir, ['programme', 'add', id, '--asset', String(ids.jingle), '--as', 'jingle']));
    ok(runStudio(dataDir, ['programme', 'add', id, '--asset', String(ids.bed), '--as', 'bed']));
    const added = JSON.parse(ok(runStudio(dataDir, ['programme', 'add', id, '--bulletin', String(ids.bulletin), '--json'])));
    expect(added.items.map((i: { kind: string }) => i.kind)).toEqual(['jingle', 'music_bed', 'bulletin']);
    // 2 s jingle, 1 s gap, 5 s bulletin; the bed under them adds nothing.
    expect(added.totalSec).toBeCloseTo(8, 2);

    const shown = ok(runStudio(dataDir, ['programme', 'show', id]));
    expect(shown).toMatch(/Thời sự sáng/);
    expect(shown).toMatch(/0:08\.0 \/ \d+ min · -16 LUFS/);
    expect(ok(runStudio(dataDir, ['programme', 'list']))).toMatch(new RegExp(`${id}\\s+0:08\\.0\\s+3\\s+Thời sự sáng`));

    const rendered = JSON.parse(ok(runStudio(dataDir, ['render', id, '--json'])));
    expect(rendered.durationSec).toBeCloseTo(8, 2);
    const out = path.join(temp.dir, 'thoi-su.wav');
    ok(runStudio(dataDir, ['render', id, '--out', out, '--format', 'wav']));
    const ref = ffmpegLoudness(out);
    expect(Math.abs(ref.integrated - -16)).toBeLessThanOrEqual(0.5);
    expect(ref.truePeak).toBeLessThanOrEqual(-0.9);

    const stick = path.join(temp.dir, 'usb');
    const delivered = JSON.parse(ok(runStudio(dataDir, ['deliver', '--programme', id, '--to', 'package', '--dest', stick, '--json'])));
    expect(delivered).toMatchObject({ state: 'delivered', programmeId: created.id });
    return verifyProgrammePackage(delivered.remoteId).then((manifest) => expect(manifest.programme.title).toBe('Thời sự sáng'));
  });

  it('warns when a draft is added and refuses to render it, in both languages; refuses bad arguments', { timeout: 120_000 }, () => {
    const id = JSON.parse(ok(runStudio(dataDir, ['programme', 'create', '--title', 'Có bản nháp', '--json']))).id as number;
    const add = runStudio(dataDir, ['programme', 'add', String(id), '--bulletin', String(ids.draft)]);
    expect(add.status).toBe(0);
    expect(add.stderr).toMatch(/chưa được duyệt/);
    const render = runStudio(dataDir, ['render', String(id)]);
    expect(render.status).toBe(1);
    expect(render.stderr).toMatch(/chưa được duyệt \(Bản nháp\)/);
    expect(render.stderr).toMatch(/not approved \(Bản nháp\)/);
    const both = runStudio(dataDir, ['programme', 'add', String(id), '--bulletin', '1', '--asset', '1']);
    expect(both.status).toBe(1);
    expect(both.stderr).toMatch(/--bulletin hoặc --asset/);
    const preset = runStudio(dataDir, ['programme', 'create', '--title', 'X', '--preset', '-20']);
    expect(preset.status).not.toBe(0);
  });
});
