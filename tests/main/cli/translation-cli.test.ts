import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFixturePack } from '../../fixtures/mt-packs/generate.ts';
import { runStudio } from '../../helpers/cli.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

describe('studio translate, tm, glossary and mt', () => {
  const temp = makeTempDir();
  const dataDir = path.join(temp.dir, 'data');
  afterAll(() => temp.remove());
  const file = (name: string, lines: string[]) => {
    const at = path.join(temp.dir, name);
    fs.writeFileSync(at, `${lines.join('\n')}\n`);
    return at;
  };
  const pairs = file('pairs.tsv', [
    'Hôm nay bà con đi chợ.\tVằn nẩy pi noọng pây háng.',
    'bà con\tpi noọng',
    'đi chợ\tpây háng',
    'ngày mai\tvằn phục',
    'ngày mai bà con đi chợ\tvằn phục pi noọng pây háng',
  ]);

  it('imports a TM, searches and exports it, and translates a bulletin into a linked one', () => {
    const imported = runStudio(dataDir, ['tm', 'import', pairs, '--from', 'vi', '--to', 'tyz']);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('5 thêm / added');
    expect(runStudio(dataDir, ['tm', 'search', 'pi noọng']).stdout.split('\n').filter(Boolean)).toHaveLength(3);
    const tmx = path.join(temp.dir, 'out.tmx');
    expect(runStudio(dataDir, ['tm', 'export', '--from', 'vi', '--to', 'tyz', '--out', tmx]).stdout).toBe('5\n');
    expect(fs.readFileSync(tmx, 'utf8')).toContain('<seg>pi noọng</seg>');

    const created = JSON.parse(runStudio(dataDir, ['bulletin', 'create', '--title', 'Tin chợ', '--script-file', '-', '--json'], 'Hôm nay bà con đi chợ.').stdout || '{}');
    expect(created.id ?? null).not.toBeNull();
    const out = runStudio(dataDir, ['translate', String(created.id), '--to', 'tyz', '--json']);
    expect(out.status).toBe(0);
    const work = JSON.parse(out.stdout);
    expect(work.segments[0]).toMatchObject({ source: 'Hôm nay bà con đi chợ.', target: 'Vằn nẩy pi noọng pây háng.', state: 'pre-translated', origin: 'exact' });
    expect(work.link).toMatchObject({ sourceBulletinId: created.id, targetBulletinId: expect.any(Number) });
    const plain = runStudio(dataDir, ['translate', String(created.id), '--to', 'tyz']);
    expect(plain.stdout).toContain('pre-translated');
    expect(plain.stderr).toContain('0/1 đã duyệt / approved');
  });

  it('trains the learned engine and evaluates it, and prints errors in both languages', () => {
    const trained = runStudio(dataDir, ['mt', 'train', '--from', 'vi', '--to', 'tyz', '--tm', '--json']);
    expect(trained.status).toBe(0);
    expect(JSON.parse(trained.stdout).header).toMatchObject({ from: 'vie', to: 'tyz', pairCount: 5 });
    const test = file('test.tsv', ['Ngày mai bà con đi chợ.\tVằn phục pi noọng pây háng.']);
    const hyp = path.join(temp.dir, 'hyp.txt');
    const evaluated = runStudio(dataDir, ['mt', 'eval', '--test', test, '--from', 'vi', '--to', 'tyz', '--engine', 'tm', '--train', pairs, '--out', hyp, '--json']);
    expect(evaluated.status).toBe(0);
    expect(JSON.parse(evaluated.stdout)).toMatchObject({ engine: 'tm', segments: 1 });
    expect(fs.readFileSync(hyp, 'utf8').split('\n')).toHaveLength(2);
    const text = runStudio(dataDir, ['mt', 'eval', '--test', test, '--from', 'vi', '--to', 'tyz', '--engine', 'learned']);
    expect(text.stdout).toMatch(/^engine learned {2}segments 1 {2}chrF\+\+ \d+\.\d\d {2}BLEU \d+\.\d\d/);

    const missing = runStudio(dataDir, ['mt', 'eval', '--test', path.join(temp.dir, 'nope.tsv'), '--from', 'vi', '--to', 'tyz', '--engine', 'copy']);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('Lỗi: Không tìm thấy');
    expect(missing.stderr).toContain('Error: Not found');
    const language = runStudio(dataDir, ['tm', 'import', pairs, '--from', 'vi', '--to', 'zzz']);
    expect(language.status).not.toBe(0);
    expect(language.stderr).toContain('Error: Not found');
    expect(JSON.parse(runStudio(dataDir, ['mt', 'packs', '--json']).stdout)).toEqual([]);
  });
});

describe('studio mt pack', () => {
  const temp = makeTempDir();
  const dataDir = path.join(temp.dir, 'data');
  afterAll(() => temp.remove());

  it('installs a generated Marian pack as a job, lists it with its languages, and removes it', () => {
    const source = writeFixturePack('marian', path.join(temp.dir, 'opus-mt-vi-tyz'));
    const installed = runStudio(dataDir, ['mt', 'pack', 'install', source, '--json']);
    expect(installed.stderr).not.toContain('Lỗi');
    expect(installed.status).toBe(0);
    const pack = JSON.parse(installed.stdout);
    expect(pack).toMatchObject({ layout: 'marian', id: expect.any(String) });
    expect(JSON.parse(runStudio(dataDir, ['mt', 'packs', '--json']).stdout)).toEqual([expect.objectContaining({ id: pack.id })]);
    expect(runStudio(dataDir, ['mt', 'pack', 'remove', pack.id]).status).toBe(0);
    expect(JSON.parse(runStudio(dataDir, ['mt', 'packs', '--json']).stdout)).toEqual([]);
    // A folder that is no pack is refused with a coded error, in both languages.
    const broken = runStudio(dataDir, ['mt', 'pack', 'install', temp.dir]);
    expect(broken.status).not.toBe(0);
    expect(broken.stderr).toMatch(/^Lỗi: .+\nError: .+/);
  }, 240_000);
});
