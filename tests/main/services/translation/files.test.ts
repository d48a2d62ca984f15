import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA, openService, useService } from './open-service.ts';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'other-tool.tmx');

describe('TM and glossary files', () => {
  const opened = useService();

  it('imports a TMX written by another tool: props, notes, several tuvs, inline codes, region tags', () => {
    const { tm } = opened.service;
    expect(tm.importFile(FIXTURE, 'vi', 'tyz')).toEqual({ added: 3, duplicates: 0, skipped: 1 });
    const entries = tm.entries('vi', 'tyz');
    expect(entries.map((e) => e.target)).toEqual([
      'Vằn nẩy pi noọng pây háng slự nựa mu.',
      'Mự nẩy pi noọng pây háng slự nựa mu.',
      'Cá 5.000 ngần & lai',
    ]);
    expect(entries[0]).toMatchObject({
      source: 'Hôm nay bà con đi chợ mua thịt lợn.',
      author: 'hoang.van.cuong',
      createdAt: '2024-09-19T10:15:00.000Z',
      origin: 'Bản tin ngày 18/9',
      note: 'Checked by the district',
    });
    expect(entries[2]!.source).toBe('Giá 5.000 đồng & hơn');
    // The English sides belong to no vi → tyz pair: nothing else was stored.
    expect(opened.db.prepare('SELECT count(*) FROM tm_segments').pluck().get()).toBe(3);
  });

  it('round-trips TMX: export → import into an empty TM → export gives the same file and the same pairs', () => {
    const { tm } = opened.service;
    tm.importFile(FIXTURE, 'vi', 'tyz');
    tm.add('vi', 'tyz', [{ source: 'Ngoặc <b> & "dấu"', target: "A 'b' > c", previousSource: 'Câu trước.', author: 'lan', origin: 'bulletin:7', note: 'hai\ndòng' }]);
    const first = path.join(opened.dir, 'first.tmx');
    expect(tm.exportFile(first, 'vi', 'tyz')).toBe(4);
    const xml = fs.readFileSync(first, 'utf8');
    expect(xml).toContain('<tmx version="1.4">');
    expect(xml).toContain('srclang="vi"');
    expect(xml).toContain('<tuv xml:lang="tyz">');

    const other = openService();
    try {
      expect(other.service.tm.importFile(first, 'vi', 'tyz')).toEqual({ added: 4, duplicates: 0, skipped: 0 });
      const second = path.join(other.dir, 'second.tmx');
      other.service.tm.exportFile(second, 'vi', 'tyz');
      expect(fs.readFileSync(second, 'utf8')).toBe(xml);
      const strip = (e: { id: number }) => ({ ...e, id: 0 });
      expect(other.service.tm.entries('vi', 'tyz').map(strip)).toEqual(tm.entries('vi', 'tyz').map(strip));
    } finally {
      other.close();
    }
  });

  it('refuses a malformed TMX with the line, and stores nothing', () => {
    const bad = path.join(opened.dir, 'bad.tmx');
    fs.writeFileSync(bad, '<tmx version="1.4">\n<body>\n<tu><tuv xml:lang="vi"><seg>a</seg></tuv>\n</body></tmx>');
    expect(() => opened.service.tm.importFile(bad, 'vi', 'tyz')).toThrow(expect.objectContaining({ code: 'invalid_argument', details: expect.objectContaining({ line: expect.any(Number) }) }));
    expect(opened.service.tm.count('vi', 'tyz')).toBe(0);
  });

  it('imports and exports TSV and CSV pairs (quotes, commas and tabs handled)', () => {
    const { tm } = opened.service;
    const csv = path.join(opened.dir, 'pairs.csv');
    fs.writeFileSync(csv, '"Xin chào, bà con",Slằm slằm pi noọng\n"nói ""to""","phuối ""lai"""\n');
    expect(tm.importFile(csv, 'vi', 'tyz')).toEqual({ added: 2, duplicates: 0, skipped: 0 });
    const out = path.join(opened.dir, 'out.csv');
    tm.exportFile(out, 'vi', 'tyz');
    const again = openService();
    try {
      again.service.tm.importFile(out, 'vi', 'tyz');
      expect(again.service.tm.entries('vi', 'tyz').map((e) => [e.source, e.target])).toEqual([['Xin chào, bà con', 'Slằm slằm pi noọng'], ['nói "to"', 'phuối "lai"']]);
    } finally {
      again.close();
    }
    const tsv = path.join(opened.dir, 'out.tsv');
    tm.exportFile(tsv, 'vi', 'tyz');
    expect(fs.readFileSync(tsv, 'utf8')).toBe('Xin chào, bà con\tSlằm slằm pi noọng\nnói "to"\tphuối "lai"\n');
  });

  it('names the bad line of a pairs file and stores nothing from it', () => {
    const tsv = path.join(opened.dir, 'bad.tsv');
    fs.writeFileSync(tsv, 'mưa\tphân\nchỉ một cột\nnhà\trườn\n');
    expect(() => opened.service.tm.importFile(tsv, 'vi', 'tyz')).toThrow(expect.objectContaining({ code: 'invalid_argument', details: expect.objectContaining({ line: 2 }) }));
    expect(opened.service.tm.count('vi', 'tyz')).toBe(0);
    expect(() => opened.service.tm.importFile(path.join(opened.dir, 'pairs.xlsx'), 'vi', 'tyz')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('imports the Tày data (21,332 pairs) as a demonstration TM, alternatives kept', () => {
    const { tm } = opened.service;
    const result = tm.importFile(path.join(DATA, 'tay-vi', 'train.tsv'), 'vi', 'tyz');
    expect(result.added + result.duplicates).toBe(21_332);
    expect(result.added).toBeGreaterThan(21_000);
    const houses = tm.lookup('vi', 'tyz', 'nhà', { limit: 10 }).map((m) => m.entry.target);
    expect(houses).toEqual(expect.arrayContaining(['rườn', 'lườn']));
    expect(tm.lookup('vi', 'tyz', 'Hôm nay')[0]).toMatchObject({ score: 100 });
  });

  it('imports the Bahnar dictionary as a glossary, breves intact, and exports/imports glossary TSV', () => {
    const { glossary } = opened.service;
    const result = glossary.importFile(path.join(DATA, 'bahnar-vi', 'dictionary.tsv'), 'vi', 'bdq');
    expect(result.added).toBeGreaterThan(30_000);
    const forA = glossary.termsIn('vi', 'bdq', 'ả').map((e) => e.translation);
    expect(forA).toEqual(expect.arrayContaining(['huĕn', 'hơbŏ']));
    const breved = glossary.entries('vi', 'bdq').filter((e) => e.translation.includes('\u0306'));
    expect(breved.length).toBeGreaterThan(1000);

    glossary.add('vi', 'bdq', [{ term: 'Kon Tum', kind: 'do-not-translate', note: 'tên tỉnh' }]);
    const out = path.join(opened.dir, 'glossary.tsv');
    const written = glossary.exportFile(out, 'vi', 'bdq');
    const again = openService();
    try {
      expect(again.service.glossary.importFile(out, 'vi', 'bdq').added).toBe(written);
      expect(again.service.glossary.termsIn('vi', 'bdq', 'tỉnh Kon Tum').filter((e) => e.kind === 'do-not-translate')).toEqual([expect.objectContaining({ kind: 'do-not-translate', translation: 'Kon Tum', note: 'tên tỉnh' })]);
    } finally {
      again.close();
    }
  });
});
