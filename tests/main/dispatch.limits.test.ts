/**
 * Issue 8, items 10 and 11 (contract parts): limits in the contract, clean text, typed errors
 * for file-system and database failures, per-client caps, and user-named paths checked.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_RECORDINGS_PER_CLIENT } from '../../src/shared/api/recorder.ts';
import { MAX_DOCUMENT_SECONDS } from '../../src/shared/api/audio.ts';
import { MAX_PROGRAMME_ITEMS } from '../../src/shared/api/library-types.ts';
import { MAX_READING_CHOICES } from '../../src/shared/api/reading.ts';
import { StudioError, systemErrorToStudioError } from '../../src/shared/errors.ts';
import { textProblem } from '../../src/shared/text.ts';
import { useTestStudio } from '../helpers/studio.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { importFile, speechWav } from './services/audio/fixtures.ts';

const temp = makeTempDir('studio-limits-');
afterAll(() => temp.remove());

const rejection = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StudioError);
  return error as StudioError;
};

describe('item 10: unbounded inputs are refused by the contract before any work', () => {
  const studio = useTestStudio();

  it('reading.preview with 100,000 choices answers invalid_argument at once', async () => {
    const choices = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [String(i), 'thị trấn']));
    const started = performance.now();
    const error = await rejection(studio.call('reading.preview', { text: 'TT Hà Nội', choices }));
    expect(error.code).toBe('invalid_argument');
    expect(error.message).toContain(String(MAX_READING_CHOICES));
    // Not a timing assertion: a record of what the refusal cost, for the report.
    expect(performance.now() - started).toBeGreaterThan(0);
  });

  it('programme.reorder with 2 million ids answers invalid_argument', async () => {
    const programme = await studio.call('programme.create', { title: 'Bản tin sáng' });
    const itemIds = Array.from({ length: 2_000_000 }, (_, i) => i + 1);
    const error = await rejection(studio.call('programme.reorder', { programmeId: programme.id, itemIds }));
    expect(error.code).toBe('invalid_argument');
  });

  it('a programme holds at most MAX_PROGRAMME_ITEMS items', async () => {
    const programme = await studio.call('programme.create', { title: 'Dài' });
    const bulletin = await studio.call('bulletin.create', { title: 'Tin', script: 'Nội dung.' });
    const insert = studio.services.db.prepare('INSERT INTO programme_items (programme_id, position, kind, bulletin_id) VALUES (?, ?, ?, ?)');
    studio.services.db.transaction(() => {
      for (let i = 0; i < MAX_PROGRAMME_ITEMS; i++) insert.run(programme.id, i, 'bulletin', bulletin.id);
    })();
    const error = await rejection(studio.call('programme.addItem', { programmeId: programme.id, kind: 'bulletin', bulletinId: bulletin.id }));
    expect(error.code).toBe('too_large');
  });

  it('an edit document cannot grow past MAX_DOCUMENT_SECONDS (the 24-hour document)', async () => {
    const asset = await importFile(studio, speechWav(temp.dir, 'short.wav', 1, 8000, 1));
    const doc = await studio.call('edit.open', { assetId: asset.id });
    // The schema refuses positions past the longest document outright...
    expect((await rejection(studio.call('edit.apply', { documentId: doc.id, op: { type: 'marker', at: 24 * 3600, name: 'x' } }))).code).toBe('invalid_argument');
    // ...and an edit that would make the document longer than that is refused, the history unchanged.
    let grown = doc;
    for (;;) {
      const attempt = await studio
        .call('edit.apply', { documentId: doc.id, op: { type: 'insertSilence', at: 0, duration: 3600 } })
        .catch((error: StudioError) => error);
      if (attempt instanceof StudioError) {
        expect(attempt.code).toBe('too_large');
        break;
      }
      grown = attempt;
      expect(grown.durationSec).toBeLessThanOrEqual(MAX_DOCUMENT_SECONDS);
    }
    expect((await studio.call('edit.get', { documentId: doc.id })).ops).toHaveLength(grown.ops.length);
    expect(grown.durationSec).toBeGreaterThan(MAX_DOCUMENT_SECONDS - 3600);
  });
});

describe('item 11: NUL, lone surrogates and bidi overrides are refused in titles, names and terms', () => {
  const studio = useTestStudio();
  const hostile = ['Bản tin\u0000', 'Tin \uD800 lỗi', 'Tin \uDC00', '\u202Egnp.exe', 'A\u2066B', 'tab\tin title'];

  it('refuses them in every kind of label', async () => {
    const programme = await studio.call('programme.create', { title: 'Chương trình' });
    for (const bad of hostile) {
      const calls: Array<Promise<unknown>> = [
        studio.call('bulletin.create', { title: bad }),
        studio.call('bulletin.create', { title: 'ok', author: bad }),
        studio.call('programme.create', { title: bad }),
        studio.call('programme.update', { id: programme.id, title: bad }),
        studio.call('area.create', { parentId: null, kind: 'commune', name: bad }),
        studio.call('reading.dictionary.upsert', { term: bad, spoken: 'thị trấn' }),
        studio.call('reading.dictionary.upsert', { term: 'TT', spoken: bad }),
        studio.call('settings.update', { userName: bad }),
      ];
      for (const call of calls) expect((await rejection(call)).code).toBe('invalid_argument');
    }
    expect((await studio.call('bulletin.list', {})).total).toBe(0);
    expect(await studio.call('reading.dictionary.list', {})).toEqual([]);
  });

  it('keeps Vietnamese, emoji (valid surrogate pairs) and line breaks in scripts', async () => {
    const bulletin = await studio.call('bulletin.create', {
      title: 'Thông báo phòng chống bão số 3 📢',
      script: 'Dòng một.\nDòng hai\tcó tab.\r\nHết.',
      author: 'Nguyễn Thị Ánh',
    });
    expect(bulletin.title).toBe('Thông báo phòng chống bão số 3 📢');
    expect((await rejection(studio.call('bulletin.update', { id: bulletin.id, changes: { script: 'a\u0000b' } }))).code).toBe('invalid_argument');
    expect(textProblem('a\u202Bb', { multiLine: true })).not.toBeNull();
  });

  it('refuses control characters in paths and reserved keys in choice maps', async () => {
    expect((await rejection(studio.call('audio.loudnessFile', { path: '/tmp/a\u0000b.wav' }))).code).toBe('invalid_argument');
    const choices = JSON.parse('{"__proto__": "thị trấn"}');
    expect((await rejection(studio.call('reading.preview', { text: 'TT', choices }))).code).toBe('invalid_argument');
  });
});

describe('item 11: file-system and database failures answer typed codes, not internal', () => {
  const studio = useTestStudio();

  it('maps errno and SQLite codes in one place', () => {
    const errno = (code: string) => Object.assign(new Error(code), { code });
    expect(systemErrorToStudioError(errno('EISDIR'))?.code).toBe('not_a_file');
    expect(systemErrorToStudioError(errno('ENOSPC'))?.code).toBe('disk_full');
    expect(systemErrorToStudioError(errno('EROFS'))?.code).toBe('read_only');
    expect(systemErrorToStudioError(errno('SQLITE_READONLY_DBMOVED'))?.code).toBe('read_only');
    expect(systemErrorToStudioError(errno('SQLITE_CONSTRAINT_UNIQUE'))?.code).toBe('conflict');
    expect(systemErrorToStudioError(new TypeError('x is not a function'))).toBeNull();
  });

  it('EISDIR: audio.loudnessFile on a folder answers not_a_file', async () => {
    expect((await rejection(studio.call('audio.loudnessFile', { path: temp.dir }))).code).toBe('not_a_file');
  });

  it('"database or disk is full" answers disk_full and keeps what was saved', async () => {
    const kept = await studio.call('bulletin.create', { title: 'Đã lưu' });
    const db = studio.services.db;
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
    const error = await rejection(studio.call('bulletin.create', { title: 'Quá đầy', script: 'x'.repeat(50_000) }));
    expect(error.code).toBe('disk_full');
    expect((await studio.call('bulletin.get', { id: kept.id })).title).toBe('Đã lưu');
  });
});

describe('item 11: per-client caps', () => {
  const studio = useTestStudio();

  it('a client may hold only a few takes open at once; others are not affected', async () => {
    const start = (client: string) => studio.dispatch('recorder.start', { sampleRate: 48000, channels: 1 }, { actor: 't', client });
    const opened: string[] = [];
    for (let i = 0; i < MAX_RECORDINGS_PER_CLIENT; i++) {
      const response = await start('ws:1');
      expect(response.ok).toBe(true);
      if (response.ok) opened.push((response.result as { sessionId: string }).sessionId);
    }
    const refused = await start('ws:1');
    expect(refused.ok ? null : refused.error.code).toBe('busy');
    expect((await start('ws:2')).ok).toBe(true);
    await studio.call('recorder.discard', { sessionId: opened[0]! });
    expect((await start('ws:1')).ok).toBe(true);
  });
});

describe('item 11: backup destinations', () => {
  const studio = useTestStudio();

  it('refuses a destination whose parent does not exist, and creates nothing', async () => {
    const missing = path.join(temp.dir, 'nonexistent', 'deep', 'dir');
    expect((await rejection(studio.call('library.backup', { destDir: missing }))).code).toBe('not_found');
    expect(fs.existsSync(path.join(temp.dir, 'nonexistent'))).toBe(false);
  });

  it('refuses /proc, /sys and /dev, and a file', async () => {
    for (const destDir of ['/proc', '/proc/self', '/sys/kernel', '/dev']) {
      expect((await rejection(studio.call('library.backup', { destDir }))).code).toBe('invalid_argument');
    }
    const file = path.join(temp.dir, 'plain.txt');
    fs.writeFileSync(file, 'x');
    expect((await rejection(studio.call('library.backup', { destDir: file }))).code).toBe('not_a_file');
  });

  it('still backs up into a new folder whose parent exists', async () => {
    const dest = path.join(temp.dir, 'usb');
    const job = await studio.call('library.backup', { destDir: dest });
    const done = await studio.services.jobs.wait(job.id);
    expect(done.state).toBe('done');
    expect(fs.readdirSync(dest).some((name) => name.startsWith('studio-backup-'))).toBe(true);
  });
});
