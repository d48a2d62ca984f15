/** `studio translate take|assemble`: a translated bulletin voiced from recorded takes from the command line. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runStudio } from '../../helpers/cli.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

describe('studio translate take and assemble', () => {
  const temp = makeTempDir();
  const dataDir = path.join(temp.dir, 'data');
  afterAll(() => temp.remove());
  const wav = (name: string, seconds: number) => {
    const file = path.join(temp.dir, name);
    execFileSync('sox', ['-n', '-r', '48000', '-c', '1', '-b', '16', file, 'synth', String(seconds), 'pinknoise', 'gain', '-20']);
    return file;
  };

  it('attaches takes by segment number, refuses while one is missing (worded in both languages), then assembles in order', () => {
    const created = JSON.parse(runStudio(dataDir, ['bulletin', 'create', '--title', 'Tin chợ', '--script-file', '-', '--json'], 'Thông báo của xã\n\nBà con đi chợ.').stdout);
    const work = JSON.parse(runStudio(dataDir, ['translate', String(created.id), '--to', 'tyz', '--json']).stdout);
    const target = String(work.link.targetBulletinId);

    const take = runStudio(dataDir, ['translate', 'take', target, '2', wav('two.wav', 2), '--json']);
    expect(take.status).toBe(0);
    expect(JSON.parse(take.stdout)).toMatchObject({ index: 1, outdated: false });

    const refused = runStudio(dataDir, ['translate', 'assemble', target, '--no-voice']);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('1 trong 2 đoạn chưa có bản thu');
    expect(refused.stderr).toContain('1 of 2 segments have no take');
    const notTranslation = runStudio(dataDir, ['translate', 'assemble', String(created.id)]);
    expect(notTranslation.stderr).toContain('không phải bản dịch');

    // The source bulletin with --to names the same translation.
    expect(runStudio(dataDir, ['translate', 'take', String(created.id), '1', wav('one.wav', 1.5), '--to', 'tyz']).status).toBe(0);
    const assembled = runStudio(dataDir, ['translate', 'assemble', target, '--json']);
    expect(assembled.stderr).not.toContain('Lỗi');
    const result = JSON.parse(assembled.stdout);
    expect(result.pieces.map((p: { index: number; from: string }) => [p.index, p.from])).toEqual([[0, 'take'], [1, 'take']]);
    expect(result.durationSec).toBeGreaterThan(3.5 + 0.8);
    expect(JSON.parse(runStudio(dataDir, ['bulletin', 'show', target]).stdout).audioAssetId).toBe(result.assetId);
  }, 240_000);
});
