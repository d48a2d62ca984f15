import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldForSearch } from '../../../../src/main/services/library/fold.ts';
import { useTestStudio } from '../../../helpers/studio.ts';

const SHARED_TEXT = path.resolve(import.meta.dirname, '../../../../../shared/data/vi-text');

describe('fold', () => {
  it('removes tones and vowel marks, maps đ, lowers case', () => {
    expect(foldForSearch('Thời tiết')).toBe('thoi tiet');
    expect(foldForSearch('ĐƯỜNG SÁ Ủy ban')).toBe('duong sa uy ban');
    expect(foldForSearch('Hòa hoà')).toBe('hoa hoa');
    // Decomposed input (as from old documents) folds the same as composed input.
    expect(foldForSearch('Thời'.normalize('NFD'))).toBe('thoi');
  });
});

describe('library search', () => {
  const studio = useTestStudio();

  it('finds "Thời tiết" when typed without diacritics, in any case', async () => {
    const weather = await studio.call('bulletin.create', { title: 'Thời tiết ngày mai', script: 'Trời rét đậm.', category: 'weather' });
    await studio.call('bulletin.create', { title: 'Tiêm chủng', script: 'Trạm y tế xã thông báo.', category: 'health' });
    for (const query of ['thoi tiet', 'THOI TIET', 'Thời tiết', 'thời tiet', 'thoi ti']) {
      const { items } = await studio.call('library.search', { text: query });
      expect(items.map((i) => i.id), query).toEqual([weather.id]);
    }
  });

  it('searches scripts too, and "đ" matches "d"', async () => {
    const road = await studio.call('bulletin.create', { title: 'Giao thông', script: 'Đường liên xã bị sạt lở, đề nghị bà con đi đường vòng.' });
    const { items } = await studio.call('library.search', { text: 'duong lien xa' });
    expect(items.map((i) => i.id)).toEqual([road.id]);
    expect(items[0]!.snippet).toContain('Đường liên xã');
  });

  it('combines text with category, language, priority and status filters', async () => {
    const a = await studio.call('bulletin.create', { title: 'Bão số 3', category: 'weather', priority: 'emergency' });
    const b = await studio.call('bulletin.create', { title: 'Bão số 3 tan', category: 'weather', priority: 'normal', language: 'bdq' });
    await studio.call('bulletin.transition', { id: b.id, to: 'submitted' });
    const ids = async (filters: object) => (await studio.call('library.search', { text: 'bao', ...filters })).items.map((i) => i.id).sort();
    expect(await ids({})).toEqual([a.id, b.id].sort());
    expect(await ids({ priority: 'emergency' })).toEqual([a.id]);
    expect(await ids({ language: 'bdq' })).toEqual([b.id]);
    expect(await ids({ status: 'submitted' })).toEqual([b.id]);
    expect(await ids({ category: 'health' })).toEqual([]);
  });

  it('follows edits and deletions', async () => {
    const { id } = await studio.call('bulletin.create', { title: 'Họp dân' });
    await studio.call('bulletin.update', { id, changes: { title: 'Hội nghị tiếp xúc cử tri' } });
    expect((await studio.call('library.search', { text: 'hop dan' })).total).toBe(0);
    expect((await studio.call('library.search', { text: 'cu tri' })).total).toBe(1);
    await studio.call('bulletin.delete', { id });
    expect((await studio.call('library.search', { text: 'cu tri' })).total).toBe(0);
  });

  it('finds real administrative documents by words typed without diacritics', async () => {
    for (const file of fs.readdirSync(SHARED_TEXT).filter((f) => f.endsWith('.txt'))) {
      const script = fs.readFileSync(path.join(SHARED_TEXT, file), 'utf8');
      await studio.call('bulletin.create', { title: file, script });
    }
    const { items } = await studio.call('library.search', { text: 'thong tin co so' });
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const bulletin = await studio.call('bulletin.get', { id: item.id });
      expect(foldForSearch(bulletin.script)).toMatch(/thong tin co so/);
    }
    // Search syntax in user text is treated as words, never as an FTS5 expression.
    await expect(studio.call('library.search', { text: 'NEAR( "x* OR -' })).resolves.toBeDefined();
  });

  it('ranks by relevance, a title match above a script match: "dien bien" finds "Tỉnh Điện Biên…" first', async () => {
    // Created first, so a newest-first order would list it last.
    const province = await studio.call('bulletin.create', { title: 'Tỉnh Điện Biên triển khai tiêm chủng', script: 'Trạm y tế các xã của tỉnh.' });
    await studio.call('bulletin.create', {
      title: 'Kế hoạch phát triển tỉnh Bình Dương',
      script: 'Đoàn công tác đã đến thăm Điện Biên Phủ; hợp tác với các tỉnh miền núi phía Bắc trong năm tới.',
    });
    await studio.call('bulletin.create', { title: 'Lịch cắt điện', script: 'Điện lực huyện thông báo lịch cắt điện; biên bản kèm theo.' });
    const { items } = await studio.call('library.search', { text: 'dien bien' });
    expect(items[0]!.id).toBe(province.id);
    expect(items.length).toBe(3);
  });

  it('searches a "quoted phrase" as words side by side, and marks every match', async () => {
    const phrase = await studio.call('bulletin.create', { title: 'Cắt điện', script: 'Ngày mai cắt điện toàn xã. Điện lực đề nghị bà con thông cảm.' });
    await studio.call('bulletin.create', { title: 'Thông báo', script: 'Cắt cỏ ven đường, điện thoại liên hệ trưởng thôn.' });
    expect((await studio.call('library.search', { text: 'cat dien' })).items.length).toBe(2);
    const { items } = await studio.call('library.search', { text: '"cat dien"' });
    expect(items.map((i) => i.id)).toEqual([phrase.id]);
    const [hit] = items;
    const marked = (text: string, ranges: [number, number][]) => ranges.map(([a, b]) => text.slice(a, b));
    expect(marked(hit!.title, hit!.matches!.title)).toEqual(['Cắt điện']);
    expect(marked(hit!.snippet, hit!.matches!.snippet)).toEqual(['cắt điện']);
    // Loose words are each marked, and the last one as the prefix still being typed.
    const loose = (await studio.call('library.search', { text: 'dien luc de ngh' })).items.find((i) => i.id === phrase.id)!;
    expect(marked(loose.snippet, loose.matches!.snippet)).toEqual(['điện', 'Điện', 'lực', 'đề', 'nghị']);
  });
});
