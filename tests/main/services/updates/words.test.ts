import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, describeError } from '../../../../src/shared/errors.ts';
import { parseAppUpdateConfig, stringifyAppUpdateConfig, UPDATE_REFUSALS } from '../../../../src/main/services/updates/index.ts';

const read = (file: string) => JSON.parse(fs.readFileSync(new URL(file, import.meta.url), 'utf8'));
// The screen's words, and the refusals' (shared by the screen, the CLI and the app's start-up).
const locale = (lang: string) => ({
  ...(read(`../../../../src/renderer/features/updates/locales/${lang}.json`) as { status: Record<string, string> }),
  refusal: read(`../../../../src/shared/locales/update-refusals/${lang}.json`) as Record<string, string>,
});

describe('words for updates', () => {
  it('has a Vietnamese and an English text for every refusal reason, and nothing else', () => {
    for (const lang of ['vi', 'en']) {
      expect(Object.keys(locale(lang).refusal).sort(), lang).toEqual([...UPDATE_REFUSALS].sort());
      expect(Object.keys(locale(lang).status).sort(), lang).toEqual(['available', 'checking', 'downloading', 'error', 'idle', 'installing', 'ready', 'up-to-date']);
    }
    expect(locale('vi').refusal.sha512_mismatch).toMatch(/không khớp/);
  });

  it('gives each update error code a headline in both languages', () => {
    for (const code of ERROR_CODES.filter((c) => c.startsWith('update_'))) {
      expect(describeError({ code, message: '' }, 'vi')).not.toBe(describeError({ code: 'internal', message: '' }, 'vi'));
      expect(describeError({ code, message: '' }, 'en')).not.toBe(describeError({ code: 'internal', message: '' }, 'en'));
    }
  });
});

describe('app-update.yml', () => {
  it('reads the publisher names the signature check needs', () => {
    const text = stringifyAppUpdateConfig({ url: 'https://capnhat.tinh.gov.vn/studio/', publisherName: ['Trung tâm VH-TT-TT tỉnh'], updaterCacheDirName: 'studio-updater' });
    expect(parseAppUpdateConfig(text)).toEqual({ provider: 'generic', url: 'https://capnhat.tinh.gov.vn/studio/', publisherName: ['Trung tâm VH-TT-TT tỉnh'], updaterCacheDirName: 'studio-updater' });
    expect(parseAppUpdateConfig('provider: generic\nurl: x\npublisherName: Studio\n').publisherName).toEqual(['Studio']);
  });

  it('refuses a config without a publisher: electron-updater would skip the signature check', () => {
    for (const text of ['provider: generic\nurl: https://x/\nupdaterCacheDirName: s\n', 'provider: generic\npublisherName: []\n', "publisherName: ['  ']\n"]) {
      expect(() => parseAppUpdateConfig(text)).toThrow(expect.objectContaining({ code: 'update_invalid_manifest', message: 'updates.publisher_missing' }));
    }
  });
});
