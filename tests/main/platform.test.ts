import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeDefaultDataDir, nodePlatform, resolveDataDir } from '../../src/main/platform.ts';

describe('data directory', () => {
  it('uses STUDIO_DATA_DIR when set', () => {
    expect(resolveDataDir(nodePlatform, { STUDIO_DATA_DIR: 'rel/dir' })).toBe(path.resolve('rel/dir'));
  });

  it('falls back to the platform default', () => {
    expect(nodeDefaultDataDir({ APPDATA: 'C:\\Users\\lan\\AppData\\Roaming' }, 'win32')).toBe(path.join('C:\\Users\\lan\\AppData\\Roaming', 'Studio'));
    expect(nodeDefaultDataDir({ XDG_DATA_HOME: '/data' }, 'linux')).toBe('/data/studio');
    expect(nodeDefaultDataDir({}, 'darwin')).toMatch(/Library\/Application Support\/Studio$/);
    expect(resolveDataDir(nodePlatform, {})).toBe(nodePlatform.defaultDataDir());
  });
});
