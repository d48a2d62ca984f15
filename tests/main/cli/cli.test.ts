import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runStudio } from '../../helpers/cli.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const SHARED_TEXT = path.resolve(import.meta.dirname, '../../../../shared/data/vi-text');

describe('studio CLI', () => {
  const temp = makeTempDir();
  const dataDir = path.join(temp.dir, 'data');
  afterAll(() => temp.remove());

  it('creates bulletins from a script file, lists and searches them as JSON', () => {
    const scriptFile = path.join(SHARED_TEXT, 'binh-thuan-2024-plan-news.txt');
    const created = runStudio(dataDir, ['bulletin', 'create', '--title', 'Kế hoạch thông tin cơ sở 2024', '--script-file', scriptFile, '--priority', 'priority', '--category', 'politics']);
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    const id = Number(created.stdout.trim());
    expect(id).toBeGreaterThan(0);

    const list = runStudio(dataDir, ['bulletin', 'list', '--json']);
    expect(list.status).toBe(0);
    const items = JSON.parse(list.stdout);
    expect(items).toEqual([expect.objectContaining({ id, title: 'Kế hoạch thông tin cơ sở 2024', priority: 'priority', category: 'politics' })]);

    const found = runStudio(dataDir, ['search', 'ke hoach thong tin', '--json']);
    expect(found.status).toBe(0);
    expect(JSON.parse(found.stdout).map((i: { id: number }) => i.id)).toEqual([id]);

    const shown = JSON.parse(runStudio(dataDir, ['bulletin', 'show', String(id)]).stdout);
    expect(shown.script).toBe(fs.readFileSync(scriptFile, 'utf8').normalize('NFC'));
  });

  it('reads a script from standard input', () => {
    const created = runStudio(dataDir, ['bulletin', 'create', '--title', 'Tin từ stdin', '--script-file', '-', '--json'], 'Thời tiết hôm nay nắng ráo.');
    expect(created.status).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ title: 'Tin từ stdin', script: 'Thời tiết hôm nay nắng ráo.' });
  });

  it('explains errors in Vietnamese and English and exits non-zero', () => {
    const missing = runStudio(dataDir, ['bulletin', 'show', '999']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Lỗi: Không tìm thấy');
    expect(missing.stderr).toContain('Error: Not found');
    const invalid = runStudio(dataDir, ['bulletin', 'create', '--title', '   ']);
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain('Dữ liệu nhập không hợp lệ');
    const noFile = runStudio(dataDir, ['bulletin', 'create', '--title', 'X', '--script-file', '/no/such/file.txt']);
    expect(noFile.status).toBe(1);
    expect(JSON.parse(runStudio(dataDir, ['bulletin', 'list', '--json']).stdout)).toHaveLength(2);
  });
});
