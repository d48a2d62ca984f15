/**
 * Delivery says nothing in words itself (issue 9): every reason it throws has its sentence in both
 * locales, with the same parameters, and the sentences read as they did when the service wrote them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeError, type ErrorPayload } from '../../../../src/shared/errors.ts';
import en from '../../../../src/shared/locales/errors/en.json' with { type: 'json' };
import vi from '../../../../src/shared/locales/errors/vi.json' with { type: 'json' };

const root = path.resolve(import.meta.dirname, '../../../../src/main/services/delivery');
const sources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sources(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : []));

/** Every reason named in delivery's code, including both arms of a `cond === 'x' ? 'a' : 'b'` (not the compared value). */
const reasons = [
  ...new Set(
    sources(root).flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/reason: ([^,}\n]+)/g)].flatMap((match) => [...match[1]!.matchAll(/(?<!=== )'([a-z_]+)'/g)].map((word) => word[1]!)),
    ),
  ),
];
const params = (sentence: string) => [...sentence.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe('delivery errors in words', () => {
  it('finds the reasons delivery throws', () => {
    expect(reasons).toEqual(expect.arrayContaining(['source_token_rejected', 'outbox_already_delivered', 'package_altered', 'package_altered_many']));
  });

  it.each(reasons)('%s has a sentence in Vietnamese and English with the same parameters', (reason) => {
    const viSentence = (vi.reason as Record<string, string>)[reason];
    const enSentence = (en.reason as Record<string, string>)[reason];
    expect(viSentence, `vi reason.${reason}`).toBeTypeOf('string');
    expect(enSentence, `en reason.${reason}`).toBeTypeOf('string');
    expect(params(enSentence!)).toEqual(params(viSentence!));
  });

  it('reads as the service used to say it, with its parameters filled in', () => {
    const unreachable: ErrorPayload = {
      code: 'unreachable',
      message: 'https://nguon.example: ECONNREFUSED',
      details: { reason: 'source_unreachable_code', server: 'https://nguon.example', code: 'ECONNREFUSED' },
    };
    expect(describeError(unreachable, 'vi')).toBe(
      'Không kết nối được máy chủ: Không kết nối được máy chủ https://nguon.example (ECONNREFUSED). Bản tin vẫn trong hộp thư đi và sẽ tự gửi khi có mạng.',
    );
    const delivered: ErrorPayload = { code: 'conflict', message: 'x', details: { reason: 'outbox_already_delivered', title: 'Lịch tiêm chủng', dest: 'E:\\', outboxId: 7 } };
    expect(describeError(delivered, 'vi')).toMatch(/: Bản tin "Lịch tiêm chủng" đã được gửi tới E:\\ \(mục 7\)\.$/);
    expect(describeError(delivered, 'en')).toMatch(/: The bulletin "Lịch tiêm chủng" has already been sent to E:\\ \(item 7\)\.$/);
  });

  it('names a package problem by its words, and counts the others', () => {
    const altered = (problems: { file: string; problem: string }[]): ErrorPayload => ({
      code: 'package_rejected',
      message: 'x',
      details: { reason: problems.length === 1 ? 'package_altered' : 'package_altered_many', problems, ...problems[0], others: problems.length - 1 },
    });
    expect(describeError(altered([{ file: 'audio.wav', problem: 'size_mismatch' }]), 'vi')).toMatch(/không nhập gì: audio\.wav: sai kích thước$/);
    const two = altered([
      { file: 'audio.wav', problem: 'checksum_mismatch' },
      { file: 'extra.mp3', problem: 'unlisted' },
    ]);
    expect(describeError(two, 'vi')).toMatch(/audio\.wav: sai mã kiểm tra sha256 \(và 1 lỗi khác\)$/);
    expect(describeError(two, 'en')).toMatch(/audio\.wav: checksum differs \(and 1 more problems\)$/);
    for (const problem of ['missing', 'not_a_file', 'size_mismatch', 'checksum_mismatch', 'unlisted', 'outside_package']) {
      expect(describeError(altered([{ file: 'a', problem }]), 'vi')).not.toMatch(/package_problem|\$t\(/);
      expect(describeError(altered([{ file: 'a', problem }]), 'en')).not.toMatch(/package_problem|\$t\(/);
    }
  });
});
