import { describe, expect, it } from 'vitest';
import { prepareForSpeech } from '../../../../src/main/services/reading/index.ts';

const spoken = (text: string) => prepareForSpeech(text).sentences.map((s) => s.spoken);

describe('sentences, paragraphs and pause markers', () => {
  it('splits at . ! ? followed by a space, not at dots inside numbers, dates or abbreviations', () => {
    expect(spoken('Giá 5.000 đồng. TP. Huế có mưa! Ngày 18.9.2024 ra sao? Ô. Hưng đến.')).toEqual([
      'Giá năm nghìn đồng.',
      'thành phố Huế có mưa!',
      'Ngày mười tám tháng chín năm hai nghìn không trăm hai mươi tư ra sao?',
      'ông Hưng đến.',
    ]);
  });

  it('numbers paragraphs by blank lines; a line break ends a sentence (headings, list items)', () => {
    const result = prepareForSpeech('I. MỤC TIÊU\n\n1. Mục tiêu chung\nPhát triển hệ thống.\n\n\nHết.');
    expect(result.sentences.map((s) => [s.paragraph, s.spoken])).toEqual([
      [0, 'một, mục tiêu'],
      [1, 'một, Mục tiêu chung'],
      [1, 'Phát triển hệ thống.'],
      [2, 'Hết.'],
    ]);
  });

  it('keeps each sentence\'s source text and offsets into the prepared text', () => {
    const result = prepareForSpeech('Xin chào.  UBND xã thông báo.');
    for (const s of result.sentences) expect(result.text.slice(s.start, s.end)).toBe(s.text);
    expect(result.sentences[1]!.text).toBe('UBND xã thông báo.');
    expect(result.spoken).toBe('Xin chào.\nủy ban nhân dân xã thông báo.');
  });

  it('reads pause markers: default 1 s, seconds, milliseconds, Vietnamese spelling, summed, leading', () => {
    const result = prepareForSpeech('[pause 500ms]Một. [pause] Hai [nghỉ 2 giây] Ba [pause 1,5s][pause 0.5s] Bốn');
    expect(result.leadingPauseMs).toBe(500);
    expect(result.sentences.map((s) => [s.spoken, s.pauseAfterMs])).toEqual([
      ['Một.', 1000],
      ['Hai', 2000],
      ['Ba', 2000],
      ['Bốn', undefined],
    ]);
    expect(result.spoken).not.toMatch(/pause|nghỉ|\[/);
  });

  it('caps a pause marker at 60 seconds', () => {
    expect(prepareForSpeech('A [pause 600s] B').sentences[0]!.pauseAfterMs).toBe(60_000);
  });

  it('ends a sentence at an ellipsis written as three dots, and drops dot leaders', () => {
    expect(spoken('Chờ đợi... Rồi đi. Mục lục........5')).toEqual(['Chờ đợi…', 'Rồi đi.', 'Mục lục năm']);
  });

  it('drops lines with nothing to say (separators, lone punctuation)', () => {
    expect(spoken('Tiêu đề\n-----------\n \u00a0\n…\nNội dung.')).toEqual(['Tiêu đề', 'Nội dung.']);
  });

  it('cuts a very long sentence at a comma so no voice input exceeds 400 characters', () => {
    const clause = 'người dân trong xã được thông báo kịp thời về lịch cắt điện';
    const long = Array.from({ length: 20 }, () => clause).join(', ') + '.';
    const result = prepareForSpeech(long);
    expect(result.sentences.length).toBeGreaterThan(1);
    for (const s of result.sentences) expect(s.spoken.length).toBeLessThanOrEqual(400);
    expect(result.sentences.map((s) => s.spoken).join(' ').replace(/,/g, '')).toBe(long.replace(/,/g, ''));
  });

  it('handles an empty script and a 10,000-character script', () => {
    expect(prepareForSpeech('').sentences).toEqual([]);
    const big = 'Ngày 18/9/2024, UBND xã thông báo giá 50.000đ/kg tăng 5,3%. '.repeat(170);
    expect(big.length).toBeGreaterThan(10_000);
    const result = prepareForSpeech(big);
    expect(result.sentences).toHaveLength(170);
    expect(result.spoken).not.toMatch(/\d/);
  });
});
