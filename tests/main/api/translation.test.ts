/**
 * The translation requests through the real dispatch, on a real studio (database, jobs in child
 * processes): a Vietnamese bulletin translated into Tày as a linked bulletin, segments edited and
 * approved into the TM, TM/glossary exchange, and the engines trained and measured as jobs.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFixturePack } from '../../fixtures/mt-packs/generate.ts';
import { useTestStudio } from '../../helpers/studio.ts';
import type { JobInfo } from '../../../src/shared/api/jobs.ts';
import { StudioError } from '../../../src/shared/errors.ts';

const studio = useTestStudio();

const PAIRS = [
  ['Hôm nay bà con đi chợ.', 'Vằn nẩy pi noọng pây háng.'],
  ['Trời mưa to.', 'Phạ tốc phân lụ.'],
  ['bà con', 'pi noọng'],
  ['đi chợ', 'pây háng'],
  ['trời mưa', 'phạ tốc phân'],
  ['hôm nay', 'vằn nẩy'],
  ['ngày mai', 'vằn phục'],
  ['ngày mai bà con đi chợ', 'vằn phục pi noọng pây háng'],
];

function writePairs(name: string, pairs: string[][]): string {
  const file = path.join(studio.dataDir, name);
  fs.writeFileSync(file, pairs.map((p) => p.join('\t')).join('\n') + '\n');
  return file;
}

async function waitJob(job: JobInfo): Promise<JobInfo> {
  const done = await studio.services.jobs.wait(job.id);
  if (done.state !== 'done') throw new Error(`job ${job.kind} ended ${done.state}: ${done.error?.message}`);
  return done;
}

async function failure(promise: Promise<unknown>): Promise<StudioError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(StudioError);
  return error as StudioError;
}

describe('translation requests', () => {
  it('translates a bulletin into a linked Tày bulletin; approved segments enter the TM and the target script', async () => {
    const languages = await studio.call('translation.language.list', {});
    expect(languages.map((l) => l.code)).toEqual(expect.arrayContaining(['vie', 'tyz', 'bdq', 'hnj']));
    expect(await studio.call('translation.tm.import', { path: writePairs('tm.tsv', PAIRS), from: 'vi', to: 'tyz' })).toEqual({ added: PAIRS.length, duplicates: 0, skipped: 0 });

    const area = studio.services.library.areas.create({ name: 'Tỉnh Lạng Sơn', kind: 'province', parentId: null, code: '20' }, 'tester');
    const source = await studio.call('bulletin.create', {
      title: 'Thông báo', script: 'Thông báo\n\nHôm nay bà con đi chợ. Ngày mai có 3 cuộc họp.',
      category: 'agriculture', priority: 'priority', targetAreaIds: [area.id], schedule: { kind: 'daily', time: '06:30' },
    });
    const work = await studio.call('translation.start', { bulletinId: source.id, to: 'tyz' });
    expect(work).toMatchObject({ from: 'vie', to: 'tyz', sourceOutdated: false, link: { sourceBulletinId: source.id, sourceTitle: 'Thông báo' } });
    expect(work.segments.map((s) => [s.kind, s.source, s.state])).toEqual([
      ['heading', 'Thông báo', 'pre-translated'],
      ['sentence', 'Hôm nay bà con đi chợ.', 'pre-translated'],
      ['sentence', 'Ngày mai có 3 cuộc họp.', 'pre-translated'],
    ]);
    expect(work.segments[1]).toMatchObject({ origin: 'exact', score: 100, target: 'Vằn nẩy pi noọng pây háng.' });
    expect(work.segments.every((s) => s.state !== 'approved')).toBe(true);

    const target = await studio.call('bulletin.get', { id: work.link.targetBulletinId! });
    expect(target).toMatchObject({
      language: 'tyz', category: 'agriculture', priority: 'priority', targetAreaIds: [area.id], schedule: { kind: 'daily', time: '06:30' }, status: 'draft',
    });
    expect(target.title).toBe('Thông báo (Tày)');
    // Linked both ways.
    const fromSource = await studio.call('translation.links', { bulletinId: source.id });
    expect(fromSource.translationOf).toBeNull();
    expect(fromSource.translations).toEqual([expect.objectContaining({ translationId: work.id, to: 'tyz', targetBulletinId: target.id })]);
    const fromTarget = await studio.call('translation.links', { bulletinId: target.id });
    expect(fromTarget.translationOf).toMatchObject({ translationId: work.id, sourceBulletinId: source.id, sourceTitle: 'Thông báo' });
    // Asking again opens the same translation.
    expect((await studio.call('translation.start', { bulletinId: source.id, to: 'tyz' })).id).toBe(work.id);

    // QA: the number 3 is missing from the draft of segment 2.
    await studio.call('translation.segment.update', { id: work.id, index: 2, target: 'Vằn phục mì họp.' });
    const checked = await studio.call('translation.get', { id: work.id });
    expect(checked.qa).toContainEqual(expect.objectContaining({ code: 'qa_number_missing', segment: 2 }));
    const edited = await studio.call('translation.segment.update', { id: work.id, index: 2, target: 'Vằn phục mì 3 pày họp.' });
    expect(edited).toMatchObject({ state: 'edited', author: 'tester' });
    await studio.call('translation.segment.update', { id: work.id, index: 0, target: 'Thông báo' });
    const approved = await studio.call('translation.segment.approve', { id: work.id, index: 2 });
    expect(approved.state).toBe('approved');
    expect(await studio.call('translation.tm.search', { from: 'vi', to: 'tyz', text: 'cuộc họp' })).toEqual([
      expect.objectContaining({ source: 'Ngày mai có 3 cuộc họp.', target: 'Vằn phục mì 3 pày họp.', author: 'tester', origin: `bulletin:${source.id}` }),
    ]);
    const after = await studio.call('bulletin.get', { id: target.id });
    expect(after.script).toBe('Thông báo\n\nVằn nẩy pi noọng pây háng. Vằn phục mì 3 pày họp.');
    expect((await studio.call('translation.get', { id: work.id })).progress).toEqual({ approved: 1, total: 3 });

    // The source changes: only the changed segment is marked for review.
    await studio.call('bulletin.update', { id: source.id, changes: { script: 'Thông báo\n\nHôm nay bà con đi chợ. Ngày mai có 4 cuộc họp.' } });
    expect((await studio.call('translation.get', { id: work.id })).sourceOutdated).toBe(true);
    const refreshed = await studio.call('translation.refresh', { id: work.id });
    expect(refreshed.sourceOutdated).toBe(false);
    expect(refreshed.segments.map((s) => s.sourceChanged)).toEqual([false, false, true]);

    // Deleting the source keeps the translation and the Tày bulletin, unlinked from it.
    await studio.call('bulletin.delete', { id: source.id });
    expect((await studio.call('translation.links', { bulletinId: target.id })).translationOf).toMatchObject({ translationId: work.id, sourceBulletinId: null });
    expect((await studio.call('translation.get', { id: work.id })).segments).toHaveLength(3);
    expect((await failure(studio.call('translation.refresh', { id: work.id }))).code).toBe('not_found');
  });

  it('refuses what it cannot do with coded errors, and loses nothing', async () => {
    const source = await studio.call('bulletin.create', { title: 'Tin', script: 'Trời mưa to.' });
    expect((await failure(studio.call('translation.start', { bulletinId: source.id, to: 'xyz' }))).code).toBe('not_found');
    expect((await failure(studio.call('translation.start', { bulletinId: source.id, to: 'vi' }))).details).toMatchObject({ reason: 'same_language' });
    expect((await failure(studio.call('translation.start', { bulletinId: 999, to: 'tyz' }))).code).toBe('not_found');
    const empty = await studio.call('bulletin.create', { title: 'Rỗng', script: '' });
    expect((await failure(studio.call('translation.start', { bulletinId: empty.id, to: 'tyz' }))).code).toBe('invalid_argument');

    const work = await studio.call('translation.start', { bulletinId: source.id, to: 'tyz' });
    // Nothing in the TM: the segment stays in Vietnamese, uncovered; an empty segment cannot be approved.
    await studio.call('translation.segment.update', { id: work.id, index: 0, target: '' });
    expect((await failure(studio.call('translation.segment.approve', { id: work.id, index: 0 }))).code).toBe('invalid_transition');
    expect((await failure(studio.call('translation.segment.approve', { id: work.id, index: 7 }))).code).toBe('not_found');
    expect((await failure(studio.call('translation.tm.import', { path: path.join(studio.dataDir, 'nope.tsv'), from: 'vi', to: 'tyz' }))).code).toBe('not_found');
    // A FIFO or a device named as a file is refused without reading it (a read would never end).
    const fifo = path.join(studio.dataDir, 'fifo.tsv');
    execFileSync('mkfifo', [fifo]);
    expect((await failure(studio.call('translation.tm.import', { path: fifo, from: 'vi', to: 'tyz' }))).code).toBe('not_a_file');
    expect((await failure(studio.call('translation.glossary.import', { path: '/dev/zero', from: 'vi', to: 'tyz' }))).code).toBe('not_a_file');
    expect((await failure(studio.call('translation.tm.export', { path: fifo, from: 'vi', to: 'tyz' }))).code).toBe('not_a_file');
    expect((await failure(studio.call('translation.tm.export', { path: '/proc/out.tmx', from: 'vi', to: 'tyz' }))).code).toBe('invalid_argument');
    expect((await failure(studio.call('translation.engine.train', { from: 'vi', to: 'tyz', pairsPath: fifo }))).code).toBe('not_a_file');
    expect((await failure(studio.call('translation.engine.evaluate', { from: 'vi', to: 'tyz', engine: 'copy', testPath: fifo }))).code).toBe('not_a_file');
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
    expect((await studio.call('translation.engine.status', { from: 'vi', to: 'tyz' })).memoryPairs).toBe(0);
  });

  it('imports a legacy TCVN3 text file with each converted line listed, and leaves correct Unicode alone', async () => {
    const legacy = path.join(studio.dataDir, 'tcvn3.txt');
    // "Thông báo của xã" in TCVN3 bytes, then a line already in Unicode.
    fs.writeFileSync(legacy, Buffer.concat([Buffer.from([0x54, 0x68, 0xab, 0x6e, 0x67, 0x20, 0x62, 0xb8, 0x6f, 0x20, 0x63, 0xf1, 0x61, 0x20, 0x78, 0xb7]), Buffer.from('\n')]));
    const imported = await studio.call('translation.text.import', { path: legacy });
    expect(imported).toMatchObject({ encoding: 'tcvn3', text: 'Thông báo của xã\n', changes: [expect.objectContaining({ line: 1, after: 'Thông báo của xã', reason: 'tcvn3' })] });
    const unicode = path.join(studio.dataDir, 'unicode.txt');
    fs.writeFileSync(unicode, 'Hôm nay\nGiá: 5.000\n');
    expect(await studio.call('translation.text.import', { path: unicode })).toMatchObject({ encoding: 'unicode', text: 'Hôm nay\nGiá: 5.000\n', changes: [] });
    expect((await failure(studio.call('translation.text.import', { path: '/dev/zero' }))).code).toBe('not_a_file');
  });

  it('moves the TM and glossary in and out (TMX, TSV) and lists the glossary', async () => {
    await studio.call('translation.tm.import', { path: writePairs('tm.tsv', PAIRS), from: 'vi', to: 'tyz' });
    const tmx = path.join(studio.dataDir, 'out.tmx');
    expect(await studio.call('translation.tm.export', { path: tmx, from: 'vi', to: 'tyz' })).toEqual({ count: PAIRS.length });
    expect(fs.readFileSync(tmx, 'utf8')).toContain('<tmx version="1.4"');
    expect(await studio.call('translation.tm.import', { path: tmx, from: 'vi', to: 'tyz' })).toMatchObject({ added: 0, duplicates: PAIRS.length });

    const glossary = writePairs('glossary.tsv', [['Ủy ban nhân dân', 'Ủy ban nhân dân'], ['lúa', 'khẩu']]);
    expect(await studio.call('translation.glossary.import', { path: glossary, from: 'vi', to: 'tyz' })).toMatchObject({ added: 2 });
    expect((await studio.call('translation.glossary.list', { from: 'vi', to: 'tyz' })).map((e) => e.term)).toEqual(expect.arrayContaining(['lúa', 'Ủy ban nhân dân']));
    const out = path.join(studio.dataDir, 'glossary-out.tsv');
    expect(await studio.call('translation.glossary.export', { path: out, from: 'vi', to: 'tyz' })).toEqual({ count: 2 });
  });

  it('trains the learned engine from the TM as a job, offers its output as machine suggestions, and records evaluations', async () => {
    await studio.call('translation.tm.import', { path: writePairs('tm.tsv', PAIRS), from: 'vi', to: 'tyz' });
    const train = await studio.call('translation.engine.train', { from: 'vi', to: 'tyz' });
    expect(train.kind).toBe('translation.train');
    await waitJob(train);
    const status = await studio.call('translation.engine.status', { from: 'vi', to: 'tyz' });
    expect(status.learned).toMatchObject({ pairCount: PAIRS.length });

    const source = await studio.call('bulletin.create', { title: 'Tin', script: 'Ngày mai trời mưa.' });
    const work = await studio.call('translation.start', { bulletinId: source.id, to: 'tyz' });
    const suggestions = await studio.call('translation.segment.suggest', { id: work.id, index: 0 });
    expect(suggestions.machine.length).toBeGreaterThan(0);
    expect(suggestions.machine[0]!.engine).toMatch(/^learned/);
    expect(suggestions.machine[0]!.text.toLowerCase()).toContain('vằn phục');
    // A suggestion is never an approval.
    expect((await studio.call('translation.get', { id: work.id })).segments[0]!.state).toBe('pre-translated');

    const test = writePairs('test.tsv', [['Ngày mai bà con đi chợ.', 'Vằn phục pi noọng pây háng.'], ['Hôm nay trời mưa.', 'Vằn nẩy phạ tốc phân.']]);
    const out = path.join(studio.dataDir, 'hyp.txt');
    const learned = await waitJob(await studio.call('translation.engine.evaluate', { from: 'vi', to: 'tyz', engine: 'learned', testPath: test, outPath: out }));
    expect(learned.kind).toBe('translation.evaluate');
    expect(learned.result).toMatchObject({ engine: 'learned', segments: 2 });
    expect(fs.readFileSync(out, 'utf8').split('\n')).toHaveLength(3);
    await waitJob(await studio.call('translation.engine.evaluate', { from: 'vi', to: 'tyz', engine: 'copy', testPath: test }));
    const evaluations = await studio.call('translation.engine.evaluations', { from: 'vi', to: 'tyz' });
    expect(evaluations.map((e) => e.engine)).toEqual(['copy', 'learned']);
    expect(evaluations[1]!.chrF).toBeGreaterThan(evaluations[0]!.chrF);
    expect(evaluations[1]).toMatchObject({ from: 'vie', to: 'tyz', segments: 2, testFile: test });
  });

  it('installs a neural pack as a job and offers its output as machine suggestions for its pair', async () => {
    const source = writeFixturePack('marian', path.join(studio.dataDir, 'sources', 'opus-mt-vi-tyz'));
    const job = await studio.call('translation.engine.pack.install', { path: source });
    expect(job.kind).toBe('translation.pack.install');
    const installed = await waitJob(job);
    expect(installed.result).toMatchObject({ layout: 'marian', languages: expect.arrayContaining(['vi', 'tyz']) });
    expect((await studio.call('translation.engine.status', { from: 'vi', to: 'tyz' })).packs).toHaveLength(1);

    // The generated model translates word by word from its small dictionary (xin → khảm, bà → mẻ, con → lục).
    const bulletin = await studio.call('bulletin.create', { title: 'Tin', script: 'xin bà con' });
    const work = await studio.call('translation.start', { bulletinId: bulletin.id, to: 'tyz' });
    const { machine } = await studio.call('translation.segment.suggest', { id: work.id, index: 0 });
    expect(machine).toEqual([expect.objectContaining({ index: 0, engine: expect.stringMatching(/^pack:/) })]);
    expect(machine[0]!.text).toContain('mẻ lục');
    // Not offered for a pair the pack does not know.
    const khmer = await studio.call('translation.start', { bulletinId: bulletin.id, to: 'khm' });
    expect((await studio.call('translation.segment.suggest', { id: khmer.id, index: 0 })).machine).toEqual([]);

    const { id } = (await studio.call('translation.engine.status', { from: 'vi', to: 'tyz' })).packs[0]!;
    expect(await studio.call('translation.engine.pack.remove', { id })).toEqual({ removed: true });
    expect((await failure(studio.call('translation.engine.pack.remove', { id }))).code).toBe('not_found');
  }, 120_000);
});
