import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QaCode } from '../../../../src/shared/translation/index.ts';
import { openService, type Opened } from './open-service.ts';

/** A clean Vietnamese → Tày bulletin: every check stays silent on it. */
const CLEAN = [
  { index: 0, source: 'Ngày 18/9/2024 lúc 7h30, bà con tập trung tại nhà văn hóa Bắc Kạn.', target: 'Vằn 18/9/2024 chang 7h30, pi noọng tập trung tẳng rườn văn hóa Bắc Kạn.' },
  { index: 1, source: 'Giá lúa tăng 5,3% (khoảng 5.000 đồng).', target: 'Cá khẩu khửn 5,3% (mạy 5.000 ngần).' },
  { index: 2, source: 'Bà con chú ý "phòng chống" bão.', target: 'Pi noọng chú ý "phòng chống" bão.' },
  { index: 3, source: 'Bà con chú ý.', target: 'Pi noọng chú ý.' },
  { index: 4, source: 'Bà con chú ý.', target: 'Pi noọng chú ý.' },
];

describe('QA checks', () => {
  let opened: Opened;
  const run = (segments: typeof CLEAN) => opened.service.qa(segments, 'vi', 'tyz');
  const codes = (segments: typeof CLEAN) => run(segments).map((i) => i.code);
  const broken = (index: number, target: string) => CLEAN.map((s) => (s.index === index ? { ...s, target } : s));

  beforeEach(() => {
    opened = openService();
    opened.service.glossary.add('vi', 'tyz', [
      { term: 'bà con', translation: 'pi noọng' },
      { term: 'Bắc Kạn', kind: 'do-not-translate' },
    ]);
    // The pair's usual length ratio comes from its TM: about 1.
    opened.service.tm.add('vi', 'tyz', [{ source: 'Hôm nay bà con đi chợ mua thịt lợn.', target: 'Vằn nẩy pi noọng pây háng slự nựa mu.' }]);
  });
  afterEach(() => opened.close());

  it('stays silent on a clean bulletin', () => {
    expect(run(CLEAN)).toEqual([]);
  });

  it.each<[QaCode, number, string, Record<string, unknown>]>([
    ['qa_number_missing', 0, 'Vằn 18/9 chang 7h30, pi noọng tập trung tẳng rườn văn hóa Bắc Kạn.', { number: '18/9/2024' }],
    ['qa_number_missing', 1, 'Cá khẩu khửn 5.3% (mạy 5.000 ngần).', { number: '5,3' }],
    ['qa_glossary_not_honoured', 0, 'Vằn 18/9/2024 chang 7h30, cần bản tập trung tẳng rườn văn hóa Bắc Kạn.', { term: 'bà con', translation: 'pi noọng' }],
    ['qa_do_not_translate_changed', 0, 'Vằn 18/9/2024 chang 7h30, pi noọng tập trung tẳng rườn văn hóa Pắc Cạn.', { term: 'Bắc Kạn' }],
    ['qa_target_empty', 1, '  ', {}],
    ['qa_target_same_as_source', 3, 'Bà con chú ý.', {}],
    ['qa_length_ratio', 1, 'Cá khẩu khửn 5,3% (mạy 5.000 ngần) pi noọng tập trung tẳng rườn văn hóa rườn văn hóa rườn văn hóa.', { usual: 1.06 }],
    ['qa_inconsistent_translation', 4, 'Pi noọng chú ý lai.', { other: 3 }],
    ['qa_unbalanced_brackets', 1, 'Cá khẩu khửn 5,3% (mạy 5.000 ngần.', {}],
    ['qa_unbalanced_quotes', 2, 'Pi noọng chú ý "phòng chống bão.', {}],
  ])('%s fires on a case built for it (segment %d)', (code, index, target, params) => {
    const issues = run(broken(index, target));
    expect(issues.map((i) => i.code)).toContain(code);
    const issue = issues.find((i) => i.code === code && i.segment === index);
    expect(issue?.params).toMatchObject(params);
  });

  it('flags both segments of an inconsistent pair and nothing else', () => {
    expect(run(broken(4, 'Pi noọng chú ý lai.')).map((i) => [i.code, i.segment])).toEqual([
      ['qa_inconsistent_translation', 3],
      ['qa_inconsistent_translation', 4],
    ]);
  });

  it('accepts any alternative translation of a glossary term', () => {
    opened.service.glossary.add('vi', 'tyz', [{ term: 'bà con', translation: 'pỉ noọng' }]);
    expect(codes(broken(3, 'Pỉ noọng chú ý.')).filter((c) => c === 'qa_glossary_not_honoured')).toEqual([]);
  });

  it('does not count a bracket the source itself leaves open', () => {
    const segments = [{ index: 0, source: 'Mục 1) bà con chú ý', target: 'Mục 1) pi noọng chú ý' }];
    expect(codes(segments)).toEqual([]);
  });
});
