import { describe, expect, it } from 'vitest';
import { LearnedEngine, parsePairsTsv, trainModel } from '../../../../src/main/services/translation-engines/index.ts';

// A small constructed Vietnamese → Tày corpus: words seen in several sentences, a phrase that does
// not translate word for word ("ngày mai" → "phục nọi"), alternatives ("uống" is "kin" like "ăn"),
// and a place name written the same on both sides, all in lower case as the real corpus is.
const CORPUS = `tôi đi chợ\tkhỏi pây hang
mẹ đi chợ\tme pây hang
tôi ăn cơm\tkhỏi kin khẩu
mẹ ăn cơm\tme kin khẩu
tôi về nhà\tkhỏi mà rườn
mẹ về nhà\tme mà rườn
tôi uống nước\tkhỏi kin nặm
con chó ăn cơm\ttua ma kin khẩu
con gà ăn cơm\ttua cáy kin khẩu
con chó đi chợ\ttua ma pây hang
tôi\tkhỏi
mẹ\tme
nhà\trườn
chợ\thang
nước\tnặm
cơm\tkhẩu
con chó\ttua ma
con gà\ttua cáy
ngày\tvằn
ngày tôi đi chợ\tvằn khỏi pây hang
ngày mẹ về nhà\tvằn me mà rườn
ngày mai\tphục nọi
ngày mai tôi đi chợ\tphục nọi khỏi pây hang
ngày mai mẹ ăn cơm\tphục nọi me kin khẩu
hôm nay\tngày nẩy
hôm nay mẹ về nhà\tngày nẩy me mà rườn
tôi về bắc kạn\tkhỏi mà bắc kạn
mẹ đi bắc kạn.\tme pây bắc kạn.`;

const model = trainModel(parsePairsTsv(CORPUS), { from: 'vi', to: 'tyz' });
const engine = new LearnedEngine(model);
const best = async (segment: string, glossary?: { source: string; target: string }[]) =>
  (await engine.translate([{ index: 0, text: segment }], 'vi', 'tyz', { glossary }))[0]!;

describe('learned engine on a constructed corpus', () => {
  it('translates new sentences from the words and phrases it learned', async () => {
    expect((await best('mẹ uống nước')).text).toBe('me kin nặm');
    expect((await best('con chó về nhà')).text).toBe('tua ma mà rườn');
    expect((await best('ngày mai mẹ về nhà')).text).toBe('phục nọi me mà rườn');
    expect((await best('hôm nay con gà đi chợ')).text).toBe('ngày nẩy tua cáy pây hang');
  });

  it('knows the phrase translation, not the word-for-word one', async () => {
    const phrase = model.phrases.find(([source]) => source === 'ngày mai')?.[1];
    expect(phrase?.[0]?.[0]).toBe('phục nọi');
    expect(model.phrases.find(([source]) => source === 'con chó')?.[1][0]?.[0]).toBe('tua ma');
  });

  it('forces glossary terms and marks them', async () => {
    const result = await best('tôi đi chợ', [{ source: 'chợ', target: 'chợ phiên' }]);
    expect(result.text).toBe('khỏi pây chợ phiên');
    expect(result.marks).toEqual([{ start: 9, end: 18, kind: 'glossary' }]);
    // A multi-word term covers its whole span, whatever the phrase table says.
    expect((await best('ngày mai tôi đi chợ', [{ source: 'Ngày mai', target: 'vằn mai' }])).text).toBe('vằn mai khỏi pây hang');
  });

  it('carries numbers and dates over exactly', async () => {
    const result = await best('ngày 18/12/2023 mẹ đi chợ 3 lần');
    expect(result.text).toContain('18/12/2023');
    expect(result.text).toMatch(/^vằn 18\/12\/2023 me pây hang 3 lần$/);
    expect(result.marks.filter((m) => m.kind === 'number').map((m) => result.text.slice(m.start, m.end))).toEqual(['18/12/2023', '3']);
  });

  it('copies unknown words through, marked, and lowers the confidence', async () => {
    const known = await best('mẹ về nhà');
    const result = await best('Mẹ đi xe đạp.');
    expect(result.text).toBe('Me pây xe đạp.');
    expect(result.marks).toEqual([{ start: 7, end: 13, kind: 'unknown' }]);
    expect(result.confidence).toBeLessThan(known.confidence);
    expect(known.confidence).toBeGreaterThan(0);
  });

  it('carries proper names (capitalised inside a sentence) over, marked', async () => {
    const result = await best('Mẹ đi Đà Lạt, tôi về nhà.');
    expect(result.text).toBe('Me pây Đà Lạt, khỏi mà rườn.');
    expect(result.marks).toEqual([{ start: 7, end: 13, kind: 'name' }]);
    // Not even a word the corpus knows is translated when it is capitalised as a name.
    expect((await best('tôi đi Chợ Mới')).text).toBe('khỏi pây Chợ Mới');
  });

  it('restores sentence case and proper names from the source', async () => {
    expect((await best('Mẹ về Bắc Kạn.')).text).toBe('Me mà Bắc Kạn.');
    expect((await best('Tôi đi chợ. Mẹ về nhà.')).text).toBe('Khỏi pây hang. Me mà rườn.');
    expect((await best('mẹ về bắc kạn')).text).toBe('me mà bắc kạn');
  });

  it('keeps NFC text and a combining breve where no precomposed letter exists', async () => {
    // "mẹ" decomposed (e + dot below + grave... here e + U+0323) is the same word once normalised.
    expect((await best('me\u0323 về nhà')).text).toBe('me mà rườn');
    const breve = 'kư\u0306n';
    const result = await best(`mẹ đi ${breve}`);
    expect(result.text).toBe(`me pây ${breve}`);
    expect(result.text.includes('\u0306')).toBe(true);
  });

  it('gives several distinct candidates, best first, and refuses the wrong pair', async () => {
    const candidates = await engine.translate([{ index: 7, text: 'ngày' }], 'vi', 'tyz', { maxCandidates: 3 });
    expect(candidates.every((c) => c.index === 7)).toBe(true);
    expect(candidates![0]!.text).toBe('vằn');
    expect(candidates!.length).toBeGreaterThan(1);
    expect(new Set(candidates!.map((c) => c.text)).size).toBe(candidates!.length);
    expect(candidates!.every((c) => c.engine === 'learned:vi-tyz')).toBe(true);
    // The workbench's ISO 639-3 codes name the same pair as the model's "vi".
    expect(engine.supports('vie', 'tyz')).toBe(true);
    expect(engine.supports('tyz', 'vie')).toBe(false);
    await expect(engine.translate([{ index: 0, text: 'tôi' }], 'tyz', 'vi')).rejects.toMatchObject({ code: 'invalid_argument' });
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(engine.translate([{ index: 0, text: 'tôi đi chợ' }], 'vi', 'tyz', { signal: controller.signal })).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('refuses a TSV line without two columns, naming the line', () => {
    expect(() => parsePairsTsv('tôi\tkhỏi\nmẹ me\n')).toThrow(expect.objectContaining({ code: 'invalid_argument', details: expect.objectContaining({ line: 2 }) }));
    expect(() => trainModel([], { from: 'vi', to: 'tyz' })).toThrow(expect.objectContaining({ code: 'invalid_argument' }));
  });
});
