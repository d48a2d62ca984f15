import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runStudio } from '../../helpers/cli.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

describe('studio read-as and studio dictionary', () => {
  const temp = makeTempDir();
  const dataDir = path.join(temp.dir, 'data');
  afterAll(() => temp.remove());

  it('prints the normalised reading, one sentence a line, ambiguities on stderr', () => {
    const out = runStudio(dataDir, ['read-as', 'UBND xã thông báo: 7h30 ngày 18/9/2024 cắt điện.', 'TT Phong Điền.']);
    expect(out.status).toBe(0);
    expect(out.stdout).toBe(
      'ủy ban nhân dân xã thông báo: bảy giờ ba mươi ngày mười tám tháng chín năm hai nghìn không trăm hai mươi tư cắt điện.\n' +
        'thị trấn Phong Điền.\n',
    );
    expect(out.stderr).toContain('"TT"');
    expect(out.stderr).toContain('thông tư');
  });

  it('--json gives the full structure; --choose and the dictionary change the reading', () => {
    const set = runStudio(dataDir, ['dictionary', 'set', 'Phong Điền', 'Phong Điền (Huế)', '--kind', 'place']);
    expect(set.status).toBe(0);
    const out = runStudio(dataDir, ['read-as', '--json', '--choose', 'TT=thông tư', 'TT Phong Điền có 107 hộ']);
    expect(out.status).toBe(0);
    const result = JSON.parse(out.stdout);
    expect(result.spoken).toBe('thông tư Phong Điền (Huế) có một trăm lẻ bảy hộ');
    expect(result.sentences[0]).toMatchObject({ paragraph: 0, text: 'TT Phong Điền có 107 hộ' });
    expect(result.ambiguities[0]).toMatchObject({ source: 'TT', chosen: 'thông tư', reason: 'choice' });
  });

  it('reads a TCVN3 file (bytes from iconv), and refuses an empty call clearly', () => {
    const file = path.join(temp.dir, 'tcvn3.txt');
    // "Thông báo của xã" in TCVN3 bytes.
    fs.writeFileSync(file, Buffer.from([0x54, 0x68, 0xab, 0x6e, 0x67, 0x20, 0x62, 0xb8, 0x6f, 0x20, 0x63, 0xf1, 0x61, 0x20, 0x78, 0xb7]));
    const out = runStudio(dataDir, ['read-as', '--file', file]);
    expect(out.stdout).toBe('Thông báo của xã\n');
    const empty = runStudio(dataDir, ['read-as']);
    expect(empty.status).not.toBe(0);
    expect(empty.stderr).toContain('Chưa có nội dung');
    const missing = runStudio(dataDir, ['read-as', '--file', path.join(temp.dir, 'nope.txt')]);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('Lỗi: Không tìm thấy');
    expect(missing.stderr).toContain('Error: Not found');
  });
});
