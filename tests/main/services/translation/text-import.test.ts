import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { convertLegacyText } from '../../../../src/main/services/reading/index.ts';
import { DATA, openService, type Opened } from './open-service.ts';

const UNICODE = 'Ủy ban nhân dân xã thông báo: ngày 18/9/2024, bà con chú ý phòng chống bão số 3.\nĐài phát thanh xã Hòa Bình';
/** The same two lines as a VNI-Windows document shows them when its bytes are read as Windows-1252. */
const VNI = 'UÛy ban nhaân daân xaõ thoâng baùo: ngaøy 18/9/2024, baø con chuù yù phoøng choáng baõo soá 3.\nÑaøi phaùt thanh xaõ Hoøa Bình';

const tcvn3Bytes = (text: string) => execFileSync('iconv', ['-f', 'UTF-8', '-t', 'TCVN5712-1'], { input: text });

/** A minimal .docx (what Word writes, less styles): one paragraph per line, runs in a legacy font. */
function docx(lines: string[], font: string): Uint8Array {
  const body = lines
    .map((l) => `<w:p><w:r><w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}"/></w:rPr><w:t xml:space="preserve">${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`)
    .join('');
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`),
  });
}

describe('legacy text import', () => {
  let opened: Opened;
  const write = (name: string, bytes: Uint8Array) => {
    const file = path.join(opened.dir, name);
    fs.writeFileSync(file, bytes);
    return fs.readFileSync(file);
  };
  beforeEach(() => {
    opened = openService();
  });
  afterEach(() => opened.close());

  it('imports a TCVN3 .txt file and reports each converted line for undo', () => {
    const bytes = write('ban-tin-tcvn3.txt', tcvn3Bytes(UNICODE));
    const result = opened.service.importTextFile(bytes, 'ban-tin-tcvn3.txt');
    expect(result).toMatchObject({ text: UNICODE, encoding: 'tcvn3' });
    expect(result.changes.map((c) => [c.line, c.reason, c.after])).toEqual([[1, 'tcvn3', UNICODE.split('\n')[0]], [2, 'tcvn3', UNICODE.split('\n')[1]]]);
    expect(result.original).toBe(new TextDecoder('windows-1252').decode(bytes));
  });

  it('imports a VNI .txt file', () => {
    const bytes = write('ban-tin-vni.txt', Buffer.from(VNI.replace(/\n/g, '\r\n'), 'latin1'));
    const result = opened.service.importTextFile(bytes, 'ban-tin-vni.txt');
    expect(result).toMatchObject({ text: UNICODE, encoding: 'vni' });
    expect(result.changes).toHaveLength(2);
  });

  it('imports TCVN3 and VNI .docx files (text in legacy fonts)', () => {
    const tcvnLines = new TextDecoder('windows-1252').decode(tcvn3Bytes(UNICODE)).split('\n');
    const tcvn = opened.service.importTextFile(write('tcvn3.docx', docx(tcvnLines, '.VnTime')), 'tcvn3.docx');
    expect(tcvn).toMatchObject({ text: UNICODE, encoding: 'tcvn3' });
    const vni = opened.service.importTextFile(write('vni.docx', docx(VNI.split('\n'), 'VNI-Times')), 'vni.docx');
    expect(vni).toMatchObject({ text: UNICODE, encoding: 'vni' });
    const unicode = opened.service.importTextFile(write('unicode.docx', docx(UNICODE.split('\n'), 'Times New Roman')), 'unicode.docx');
    expect(unicode).toMatchObject({ text: UNICODE, encoding: 'unicode', changes: [] });
  });

  it('repairs the leftovers of real minority-language data, each change named', () => {
    const result = opened.service.importText('Ðài phát thanh xã\nỦy ban nhaân daân xã\nBơ̆ ă kĕ\u02d8\nbô\u0306 a\u0306n');
    expect(result.encoding).toBe('unicode');
    expect(result.text).toBe('Đài phát thanh xã\nỦy ban nhân dân xã\nBơ̆ ă kĕ\u0306\nbô̆ ăn');
    expect(result.changes.map((c) => [c.line, c.reason])).toEqual([[1, 'eth-for-d-stroke'], [2, 'vni-residue'], [3, 'decomposed-marks'], [4, 'decomposed-marks']]);
    // ô + breve has no precomposed letter: the breve stays a combining mark.
    expect(result.text.split('\n')[3]).toContain('\u0306');
  });

  it('repairs the "âê" residue of the Bahnar dictionary (châêt = chất) and leaves real Bahnar words alone', () => {
    const result = opened.service.importText('châêt\ntâên, huâên\nNGÂÊM vâÊn\nêê̆ kưu');
    expect(result.text).toBe('chất\ntấn, huấn\nNGẤM vấn\nêê̆ kưu');
    expect(result.changes.map((c) => [c.line, c.reason])).toEqual([[1, 'vni-residue'], [2, 'vni-residue'], [3, 'vni-residue']]);
  });

  it('refuses files it cannot read, with a coded error', () => {
    expect(() => opened.service.importTextFile(new Uint8Array([1, 2, 3]), 'scan.pdf')).toThrow(expect.objectContaining({ code: 'unsupported_format' }));
    expect(() => opened.service.importTextFile(new Uint8Array([1, 2, 3]), 'broken.docx')).toThrow(expect.objectContaining({ code: 'unsupported_format' }));
  });

  it('never converts short correct Unicode lines', () => {
    for (const line of ['Hôm nay', 'Giá: 5.000', 'Giá: 5.000 – 7.000', '• Hôm nay: 1', 'Café, résumé', 'Tôi là ông']) {
      expect(opened.service.importText(line)).toEqual({ text: line, original: line, encoding: 'unicode', changes: [] });
    }
  });
});

describe('legacy detection never converts correct Unicode (property over vi-text)', () => {
  const dir = path.join(DATA, 'vi-text');
  const lines = fs.readdirSync(dir).filter((f) => f.endsWith('.txt'))
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n'))
    .map((l) => l.trim())
    .filter(Boolean);

  it('leaves every line, and every run of one to three words of it, as it is', () => {
    let samples = 0;
    for (const line of lines) {
      const words = line.split(/\s+/);
      const pieces = [line];
      for (let i = 0; i < words.length; i++) for (let k = 1; k <= 3 && i + k <= words.length; k++) pieces.push(words.slice(i, i + k).join(' '));
      for (const piece of pieces) {
        samples += 1;
        const result = convertLegacyText(piece);
        if (result.encoding !== 'unicode' || result.text !== piece) expect({ piece, result }).toEqual({ piece, result: { text: piece, encoding: 'unicode' } });
      }
    }
    expect(samples).toBeGreaterThan(10_000);
  });

  it('still recognises the same lines written in TCVN3', () => {
    // Lines iconv can write in TCVN 5712 (no curly quotes or dashes) with at least three words.
    const encodable = lines.filter((l) => /^[\p{L}\p{N} .,;:()/%-]+$/u.test(l) && l.split(' ').length >= 3 && /[^\x00-\x7f]/.test(l)).slice(0, 200);
    expect(encodable.length).toBeGreaterThan(100);
    // One iconv run for all lines (line breaks are ASCII, so the split is safe).
    const legacyLines = new TextDecoder('windows-1252').decode(tcvn3Bytes(encodable.join('\n'))).split('\n');
    let converted = 0;
    for (const [i, line] of encodable.entries()) {
      const result = convertLegacyText(legacyLines[i]!);
      if (result.text === line.normalize('NFC') && result.encoding === 'tcvn3') converted += 1;
    }
    expect(converted / encodable.length).toBeGreaterThan(0.95);
  });
});
