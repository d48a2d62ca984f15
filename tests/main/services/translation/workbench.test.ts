import { describe, expect, it } from 'vitest';
import { SENTENCE_AND_PHRASE, useService } from './open-service.ts';

const SCRIPT = 'THÔNG BÁO\nHôm nay bà con đi chợ mua thịt lợn. Bà con chú ý.\n- Trời mưa to.';

describe('translating a bulletin: segment states and the TM', () => {
  const opened = useService((service) => service.tm.add('vi', 'tyz', SENTENCE_AND_PHRASE));

  it('splits, pre-translates and stores every segment as pre-translated, none approved', async () => {
    const work = await opened.service.workbench.start(SCRIPT, 'vi', 'tyz', { sourceRef: 'bulletin:12' });
    expect(work).toMatchObject({ from: 'vie', to: 'tyz', sourceRef: 'bulletin:12', progress: { approved: 0, total: 4 } });
    expect(work.segments.map((s) => [s.kind, s.state, s.origin])).toEqual([
      ['heading', 'pre-translated', 'assembled'],
      ['sentence', 'pre-translated', 'exact'],
      ['sentence', 'pre-translated', 'assembled'],
      ['list-item', 'pre-translated', 'assembled'],
    ]);
    expect(work.segments[2]!.target).toBe('Pi noọng chú ý.');
    expect(work.segments[2]!.spans.some((s) => !s.covered && s.text === 'chú ý')).toBe(true);
    // Stored, not just returned.
    expect(opened.service.workbench.get(work.id)).toEqual(work);
  });

  it('moves a segment through edited, approved and rejected with author and time; approving fills the TM', async () => {
    const work = await opened.service.workbench.start(SCRIPT, 'vi', 'tyz', { sourceRef: 'bulletin:12' });
    const edited = opened.service.workbench.edit(work.id, 2, 'Pi noọng chú ý nhé.', 'Hoàng Văn Lâm');
    expect(edited).toMatchObject({ state: 'edited', target: 'Pi noọng chú ý nhé.', author: 'Hoàng Văn Lâm' });
    expect(Date.parse(edited.at!)).not.toBeNaN();

    const approved = opened.service.workbench.approve(work.id, 2, 'Nông Thị Hoa');
    expect(approved).toMatchObject({ state: 'approved', author: 'Nông Thị Hoa' });
    expect(opened.service.workbench.get(work.id).progress).toEqual({ approved: 1, total: 4 });

    // In the TM now: with its author, its bulletin and its previous segment as context.
    const [match] = opened.service.tm.lookup('vi', 'tyz', 'Bà con chú ý.', { previousSource: 'Hôm nay bà con đi chợ mua thịt lợn.' });
    expect(match).toMatchObject({ score: 100, inContext: true, entry: { target: 'Pi noọng chú ý nhé.', author: 'Nông Thị Hoa', origin: 'bulletin:12' } });

    // A second bulletin with the same sentence gets it as an exact match.
    const next = await opened.service.workbench.start('Bà con chú ý.', 'vi', 'tyz');
    expect(next.segments[0]).toMatchObject({ origin: 'exact', target: 'Pi noọng chú ý nhé.', state: 'pre-translated' });

    expect(opened.service.workbench.reject(work.id, 3, 'Nông Thị Hoa')).toMatchObject({ state: 'rejected' });
  });

  it('keeps another approved translation of the same source as an alternative', async () => {
    const first = await opened.service.workbench.start('Bà con chú ý.', 'vi', 'tyz');
    opened.service.workbench.edit(first.id, 0, 'Pi noọng chú ý.', 'A');
    opened.service.workbench.approve(first.id, 0, 'A');
    const second = await opened.service.workbench.start('Bà con chú ý.', 'vi', 'tyz');
    opened.service.workbench.edit(second.id, 0, 'Pi noọng tấu chú ý.', 'B');
    opened.service.workbench.approve(second.id, 0, 'B');
    expect(opened.service.tm.lookup('vi', 'tyz', 'Bà con chú ý.').filter((m) => m.score === 100).map((m) => m.entry.target).sort()).toEqual(['Pi noọng chú ý.', 'Pi noọng tấu chú ý.']);
  });

  it('runs QA over the translation and refuses to approve an empty segment', async () => {
    const work = await opened.service.workbench.start('Ngày 18/9/2024 bà con họp.', 'vi', 'tyz');
    opened.service.workbench.edit(work.id, 0, 'Vằn pi noọng họp.', 'A');
    expect(opened.service.workbench.qa(work.id).map((i) => i.code)).toEqual(['qa_number_missing']);
    opened.service.workbench.edit(work.id, 0, ' ', 'A');
    expect(() => opened.service.workbench.approve(work.id, 0, 'A')).toThrow(expect.objectContaining({ code: 'invalid_transition' }));
    expect(() => opened.service.workbench.edit(work.id, 9, 'x', 'A')).toThrow(expect.objectContaining({ code: 'not_found' }));
    await expect(opened.service.workbench.start('  \n ', 'vi', 'tyz')).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});

describe('when the source bulletin changes after translation', () => {
  const opened = useService();

  it('keeps unchanged segments with their state and marks changed ones for review', async () => {
    const work = await opened.service.workbench.start('Bà con chú ý.\nTrời mưa to.\nĐi học đúng giờ.', 'vi', 'tyz');
    opened.service.workbench.edit(work.id, 0, 'Pi noọng chú ý.', 'A');
    opened.service.workbench.approve(work.id, 0, 'A');
    opened.service.workbench.edit(work.id, 2, 'Pây slon slư tẻo giờ.', 'A');

    const updated = await opened.service.workbench.updateSource(work.id, 'Bà con chú ý.\nTrời mưa rất to.\nĐi học đúng giờ.\nCảm ơn.');
    expect(updated.segments.map((s) => [s.source, s.state, s.sourceChanged])).toEqual([
      ['Bà con chú ý.', 'approved', false],
      ['Trời mưa rất to.', 'pre-translated', true],
      ['Đi học đúng giờ.', 'edited', false],
      ['Cảm ơn.', 'pre-translated', true],
    ]);
    expect(updated.segments[2]!.target).toBe('Pây slon slư tẻo giờ.');
    // Reviewing a changed segment (editing it) clears the mark.
    expect(opened.service.workbench.edit(work.id, 1, 'Phạ phân lai lai.', 'A').sourceChanged).toBe(false);
  });
});
