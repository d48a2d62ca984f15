/** Where the choosers start, on the conventions of each system, from real folders made here. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultPlace, listPlaces } from '../../../../src/main/services/files/places.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

const temp = makeTempDir('studio-places-');
afterAll(() => temp.remove());
const home = path.join(temp.dir, 'home');
fs.mkdirSync(path.join(home, 'Documents'), { recursive: true });
fs.mkdirSync(path.join(home, 'Nhạc của tôi'), { recursive: true });
fs.mkdirSync(path.join(home, '.config'), { recursive: true });
fs.writeFileSync(path.join(home, '.config', 'user-dirs.dirs'), 'XDG_MUSIC_DIR="$HOME/Nhạc của tôi"\n');

describe('places', () => {
  it('Windows: removable drive letters first and fixed ones last, as the system reports them', async () => {
    const places = await listPlaces({ platform: 'win32', home, user: 'lan', mediaRoots: [], windowsDrives: async () => ({ removable: ['E:\\'], fixed: ['C:\\', 'D:\\'] }) });
    expect(places.map((p) => [p.kind, p.name])).toEqual([
      ['removable', 'E:'],
      ['documents', 'Documents'],
      ['home', 'home'],
      ['drive', 'C:'],
      ['drive', 'D:'],
    ]);
  });

  it("Linux: the desktop's own name for Music; without a stick audio starts there, and nothing starts in the data folder", async () => {
    const places = await listPlaces({ platform: 'linux', home, user: 'lan', mediaRoots: [path.join(temp.dir, 'none')] });
    expect(places.find((p) => p.kind === 'music')?.path).toBe(path.join(home, 'Nhạc của tôi'));
    expect(defaultPlace(places, 'audio', path.join(temp.dir, 'data'))).toBe(path.join(home, 'Nhạc của tôi'));
    // A data folder kept inside Documents: an export goes elsewhere.
    expect(defaultPlace(places, 'export', path.join(home, 'Documents'))).toBe(home);
  });
});
