import { describe, expect, it } from 'vitest';
import { prepareForSpeech } from '../../../../src/main/services/reading/index.ts';
import { useTestStudio } from '../../../helpers/studio.ts';

describe('pronunciation dictionary in the normaliser', () => {
  it('is applied before every built-in rule (abbreviations, ambiguities, acronyms, names)', () => {
    const dictionary = [
      { term: 'UBND', spoken: 'uỷ ban' },
      { term: 'TT', spoken: 'trung tâm' },
      { term: 'VTV', spoken: 'vê tê vê đài truyền hình' },
      { term: "Ea H'leo", spoken: 'Ê a Hơ leo' },
      { term: 'COVID-19', spoken: 'dịch cô vít' },
    ];
    const result = prepareForSpeech("UBND và TT Ea H'leo xem VTV về COVID-19", { dictionary });
    expect(result.spoken).toBe('uỷ ban và trung tâm Ê a Hơ leo xem vê tê vê đài truyền hình về dịch cô vít');
    expect(result.ambiguities).toEqual([]);
  });

  it('matches whole words only, case-insensitively unless matchCase, across tone placements', () => {
    const dictionary = [
      { term: 'Thuỷ', spoken: 'Thủy (tên)' },
      { term: 'An', spoken: 'An tên người', matchCase: true },
    ];
    expect(prepareForSpeech('thủy và Thuỷ và Thủy', { dictionary }).spoken).toBe('Thủy (tên) và Thủy (tên) và Thủy (tên)');
    expect(prepareForSpeech('An an toàn Anh', { dictionary }).spoken).toBe('An tên người an toàn Anh');
  });

  it('a longer entry wins over a shorter one that starts the same', () => {
    const dictionary = [
      { term: 'Hà', spoken: 'hà' },
      { term: 'Hà Nội', spoken: 'thủ đô Hà Nội' },
    ];
    expect(prepareForSpeech('Hà Nội và Hà Giang', { dictionary }).spoken).toBe('thủ đô Hà Nội và hà Giang');
  });
});

describe('dictionary requests', () => {
  const studio = useTestStudio();

  it('upserts, lists, applies to reading.preview, deletes — and audits and tells the screens', async () => {
    const events: unknown[] = [];
    studio.events.subscribe((e) => e.name === 'reading.dictionary.changed' && events.push(e.payload));
    const entry = await studio.call('reading.dictionary.upsert', { term: 'Đắk Lắk', spoken: 'Đắc Lắc', kind: 'place' });
    expect(entry).toMatchObject({ term: 'Đắk Lắk', spoken: 'Đắc Lắc', kind: 'place', matchCase: false });
    // Same term in another case and tone placement replaces the entry instead of adding one.
    const again = await studio.call('reading.dictionary.upsert', { term: 'đắk lắk', spoken: 'Đắc Lắc tỉnh' });
    expect(again.id).toBe(entry.id);
    expect(await studio.call('reading.dictionary.list', {})).toHaveLength(1);

    const preview = await studio.call('reading.preview', { text: 'Tỉnh Đắk Lắk có 15 xã.' });
    expect(preview.spoken).toBe('Tỉnh Đắc Lắc tỉnh có mười lăm xã.');
    expect(preview.sentences[0]!.parts.some((p) => p.kind === 'dictionary')).toBe(true);

    await studio.call('reading.dictionary.delete', { id: entry.id });
    expect(await studio.call('reading.dictionary.list', {})).toEqual([]);
    const audit = studio.services.db.prepare("SELECT action FROM audit WHERE entity = 'pronunciation' ORDER BY id").all();
    expect(audit).toEqual([{ action: 'create' }, { action: 'update' }, { action: 'delete' }]);
    expect(events).toEqual([{ id: entry.id }, { id: entry.id }, { id: entry.id }]);
  });

  it('refuses bad input with a clear error and changes nothing', async () => {
    await expect(studio.call('reading.dictionary.upsert', { term: '  ', spoken: 'x' })).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(studio.call('reading.dictionary.delete', { id: 999 })).rejects.toMatchObject({ code: 'not_found' });
    await expect(studio.call('reading.dictionary.upsert', { id: 999, term: 'A', spoken: 'a' })).rejects.toMatchObject({ code: 'not_found' });
    const a = await studio.call('reading.dictionary.upsert', { term: 'HTX', spoken: 'hợp tác xã' });
    const b = await studio.call('reading.dictionary.upsert', { term: 'KCN', spoken: 'khu công nghiệp' });
    await expect(studio.call('reading.dictionary.upsert', { id: b.id, term: 'htx', spoken: 'x' })).rejects.toMatchObject({ code: 'conflict' });
    expect((await studio.call('reading.dictionary.list', {})).map((e) => [e.id, e.term])).toEqual([[a.id, 'HTX'], [b.id, 'KCN']]);
  });

  it('reading.preview takes choices and the lẻ/linh and nghìn/ngàn styles', async () => {
    const preview = await studio.call('reading.preview', { text: 'TT Hòa Bình có 107 hộ, 5.000 người', choices: { TT: 'thông tư' }, zeroTens: 'linh', thousand: 'ngàn' });
    expect(preview.spoken).toBe('thông tư Hòa Bình có một trăm linh bảy hộ, năm ngàn người');
    expect(preview.ambiguities[0]).toMatchObject({ chosen: 'thông tư', reason: 'choice' });
    await expect(studio.call('reading.preview', { text: 'x', bogus: 1 } as never)).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});
