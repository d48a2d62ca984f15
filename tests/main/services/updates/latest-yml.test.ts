import { describe, expect, it } from 'vitest';
import { assertInstallable, parseLatestYml, relateVersions, stringifyLatestYml } from '../../../../src/main/services/updates/index.ts';

// Shapes electron-builder 24–26 writes for an NSIS target (generic provider), as published.
const NSIS_LATEST = `version: 1.4.2
files:
  - url: Studio-Setup-1.4.2.exe
    sha512: 3Mx4tYpGv0Q8k5pU7B1qR2nA9fC0dE6hL3sJ8mW4zX2yV7bN5cK1oI0uT9rS6eD2fG5hJ8kL1zX4cV7bN0mQ==
    size: 98213456
path: Studio-Setup-1.4.2.exe
sha512: 3Mx4tYpGv0Q8k5pU7B1qR2nA9fC0dE6hL3sJ8mW4zX2yV7bN5cK1oI0uT9rS6eD2fG5hJ8kL1zX4cV7bN0mQ==
releaseDate: '2026-10-03T02:14:55.012Z'
`;

// A pre-release with multi-line notes and the web-installer package form (blockMapSize embedded).
const BETA_WITH_NOTES = `version: 2.0.0-beta.3
files:
  - url: Studio-Web-Setup-2.0.0-beta.3.exe
    sha512: Zm9v
    size: 1456789
  - url: studio-2.0.0-beta.3-x64.nsis.7z
    sha512: YmFy
    size: 88123456
    blockMapSize: 91234
path: Studio-Web-Setup-2.0.0-beta.3.exe
sha512: Zm9v
releaseDate: '2026-11-01T09:00:00.000Z'
releaseName: Bản thử nghiệm 2.0
releaseNotes: |-
  - Đọc số điện thoại theo từng cặp
  - Sửa lỗi xuất MP3
`;

// fullChangelog: notes per version; build metadata in the version; a leading "v".
const CHANGELOG = `version: v1.5.0+win.27
files:
  - url: Studio-Setup-1.5.0.exe
    sha512: cXV4
    size: 100
path: Studio-Setup-1.5.0.exe
sha512: cXV4
releaseDate: '2026-11-15T00:00:00.000Z'
releaseNotes:
  - version: 1.5.0
    note: Cập nhật từ ổ USB
  - version: 1.4.9
    note: null
`;

// Very old electron-builder (< 20): only the top-level path/sha512.
const LEGACY = `version: 0.9.1
path: Studio Setup 0.9.1.exe
sha512: aGV4
releaseDate: '2019-05-01T00:00:00.000Z'
`;

describe('latest.yml', () => {
  it('reads an NSIS release as electron-builder writes it', () => {
    expect(parseLatestYml(NSIS_LATEST)).toEqual({
      version: '1.4.2',
      files: [{ url: 'Studio-Setup-1.4.2.exe', sha512: expect.stringMatching(/==$/), size: 98213456 }],
      releaseDate: '2026-10-03T02:14:55.012Z',
      releaseName: null,
      releaseNotes: null,
    });
  });

  it('reads a pre-release with notes and an embedded block map entry', () => {
    const manifest = parseLatestYml(BETA_WITH_NOTES);
    expect(manifest.version).toBe('2.0.0-beta.3');
    expect(manifest.files[1]).toMatchObject({ url: 'studio-2.0.0-beta.3-x64.nsis.7z', blockMapSize: 91234 });
    expect(manifest.releaseName).toBe('Bản thử nghiệm 2.0');
    expect(manifest.releaseNotes).toBe('- Đọc số điện thoại theo từng cặp\n- Sửa lỗi xuất MP3');
  });

  it('keeps build metadata, drops a leading v and joins per-version notes', () => {
    const manifest = parseLatestYml(CHANGELOG);
    expect(manifest.version).toBe('1.5.0+win.27');
    expect(manifest.releaseNotes).toBe('1.5.0\nCập nhật từ ổ USB\n\n1.4.9');
  });

  it('falls back to the deprecated path/sha512 form', () => {
    expect(parseLatestYml(LEGACY).files).toEqual([{ url: 'Studio Setup 0.9.1.exe', sha512: 'aGV4' }]);
  });

  it('refuses broken YAML, missing fields and a version that is not semver, each with its reason', () => {
    expect(() => parseLatestYml('version: [1.0\nfiles: ')).toThrow(expect.objectContaining({ code: 'update_invalid_manifest', message: 'updates.manifest_unreadable' }));
    expect(() => parseLatestYml('version: 1.0.0\nreleaseDate: x\n')).toThrow(expect.objectContaining({ message: 'updates.manifest_shape' }));
    expect(() => parseLatestYml(NSIS_LATEST.replace(/sha512: .+\n    size/, 'size'))).toThrow(expect.objectContaining({ message: 'updates.manifest_shape' }));
    // YAML reads 1.10 as the number 1.1: not a version electron-updater could use.
    expect(() => parseLatestYml(NSIS_LATEST.replace('version: 1.4.2', 'version: 1.10'))).toThrow(
      expect.objectContaining({ message: 'updates.version_invalid', details: expect.objectContaining({ version: '1.1' }) }),
    );
    expect(() => parseLatestYml('')).toThrow(expect.objectContaining({ message: 'updates.manifest_shape' }));
  });

  it('writes what it reads', () => {
    const manifest = parseLatestYml(BETA_WITH_NOTES);
    expect(parseLatestYml(stringifyLatestYml(manifest))).toEqual(manifest);
  });
});

describe('version comparison', () => {
  it.each([
    ['0.1.0', '0.2.0', 'newer'],
    ['0.9.9', '0.10.0', 'newer'],
    ['1.2.0-beta.2', '1.2.0-beta.10', 'newer'],
    ['1.2.0-beta.10', '1.2.0-rc.1', 'newer'],
    ['1.2.0-rc.1', '1.2.0', 'newer'],
    ['1.2.0', '1.2.1-alpha.1', 'newer'],
    ['1.2.0', '1.2.0-rc.1', 'older'],
    ['1.2.0+win.5', '1.2.0+win.6', 'same'],
    ['1.2.0', '1.2.0+build.77', 'same'],
    ['2.0.0', '1.99.99', 'older'],
  ] as const)('%s → %s is %s', (current, candidate, relation) => {
    expect(relateVersions(current, candidate)).toBe(relation);
  });

  it('refuses a downgrade or the same version unless a technician forces it', () => {
    expect(() => assertInstallable('1.2.0', '1.1.9')).toThrow(expect.objectContaining({ code: 'update_not_newer', message: 'updates.downgrade', details: expect.objectContaining({ current: '1.2.0', candidate: '1.1.9' }) }));
    expect(() => assertInstallable('1.2.0', '1.2.0+rebuild')).toThrow(expect.objectContaining({ code: 'update_not_newer', message: 'updates.same_version' }));
    expect(assertInstallable('1.2.0', '1.1.9', { allowDowngrade: true })).toBe('older');
    expect(assertInstallable('1.2.0', '1.3.0-beta.1')).toBe('newer');
  });
});
