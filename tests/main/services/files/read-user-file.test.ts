import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareDestinationFolder, readUserFile } from '../../../../src/main/services/files/index.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

const temp = makeTempDir('studio-files-');
afterAll(() => temp.remove());

const code = (promise: Promise<unknown>) => promise.then(() => 'ok', (error: { code?: string }) => error.code);

describe('item 11: reading a user-named file safely', () => {
  it('reads a regular file under the limit', async () => {
    const file = path.join(temp.dir, 'script.txt');
    fs.writeFileSync(file, 'Bản tin sáng.');
    expect((await readUserFile(file, { maxBytes: 1000 })).toString('utf8')).toBe('Bản tin sáng.');
  });

  it('refuses /dev/zero, a FIFO and a folder without reading or blocking', async () => {
    const fifo = path.join(temp.dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(await code(readUserFile('/dev/zero', { maxBytes: 1000 }))).toBe('not_a_file');
    expect(await code(readUserFile(fifo, { maxBytes: 1000 }))).toBe('not_a_file');
    expect(await code(readUserFile(temp.dir, { maxBytes: 1000 }))).toBe('not_a_file');
    expect(await code(readUserFile(path.join(temp.dir, 'missing'), { maxBytes: 1000 }))).toBe('not_found');
  });

  it('refuses a file over the limit, and one that lies about its size (/proc)', async () => {
    const big = path.join(temp.dir, 'big.txt');
    fs.writeFileSync(big, Buffer.alloc(5000, 97));
    expect(await code(readUserFile(big, { maxBytes: 4096 }))).toBe('too_large');
    // /proc files report 0 bytes; the read still stops at the limit.
    expect(fs.statSync('/proc/self/maps').size).toBe(0);
    expect(await code(readUserFile('/proc/self/maps', { maxBytes: 16 }))).toBe('too_large');
  });
});

describe('item 11: destination folders', () => {
  it('creates only the last missing part, and refuses a missing parent', () => {
    expect(prepareDestinationFolder(path.join(temp.dir, 'new'))).toBe(path.join(temp.dir, 'new'));
    expect(fs.statSync(path.join(temp.dir, 'new')).isDirectory()).toBe(true);
    expect(() => prepareDestinationFolder(path.join(temp.dir, 'a', 'b'))).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(fs.existsSync(path.join(temp.dir, 'a'))).toBe(false);
  });
});
