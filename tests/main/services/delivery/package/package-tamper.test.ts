import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sealOf } from '../../../../../src/main/services/delivery/package/manifest.ts';
import { describeError } from '../../../../../src/shared/errors.ts';
import { useSentPackage } from './fixtures.ts';

type Tamper = (dir: string) => void;

const readManifest = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
const writeManifest = (dir: string, manifest: Record<string, unknown>) =>
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
/** A crafted manifest: edited and re-sealed, as a tool that knows the format would do (it cannot sign it). */
const reseal = (dir: string, edit: (manifest: Record<string, any>) => void) => {
  const { signature: _signature, ...manifest } = readManifest(dir);
  edit(manifest);
  writeManifest(dir, { ...manifest, seal: sealOf(manifest) });
};

const CASES: [name: string, tamper: Tamper, expected: RegExp][] = [
  [
    'one byte of the audio altered',
    (dir) => {
      const file = path.join(dir, 'audio.wav');
      const bytes = fs.readFileSync(file);
      bytes[bytes.length - 100]! ^= 0x01;
      fs.writeFileSync(file, bytes);
    },
    /audio\.wav: .*checksum/,
  ],
  ['the audio file missing', (dir) => fs.rmSync(path.join(dir, 'audio.wav')), /audio\.wav: .*missing/],
  ['the audio file cut short', (dir) => fs.truncateSync(path.join(dir, 'audio.wav'), 1000), /audio\.wav: .*size/],
  ['an extra file the manifest does not list', (dir) => fs.writeFileSync(path.join(dir, 'extra.mp3'), 'ID3'), /extra\.mp3: .*not listed/],
  [
    'the manifest edited by hand (title changed)',
    (dir) => writeManifest(dir, { ...readManifest(dir), bulletin: { ...readManifest(dir).bulletin, title: 'Tin giả' } }),
    /edited after the package was written/,
  ],
  [
    'the manifest listing a checksum that is not the file’s (re-sealed)',
    (dir) => reseal(dir, (m) => (m.files[0].sha256 = 'a'.repeat(64))),
    /audio\.wav: .*checksum/,
  ],
  [
    'a ../ path in the manifest (re-sealed)',
    (dir) => {
      fs.renameSync(path.join(dir, 'audio.wav'), path.join(dir, '..', 'audio.wav'));
      reseal(dir, (m) => (m.files[0].path = '../audio.wav'));
    },
    /plain file name inside the package/,
  ],
  [
    'an absolute path in the manifest (re-sealed)',
    (dir) => reseal(dir, (m) => (m.files[0].path = path.join(dir, 'audio.wav'))),
    /plain file name inside the package/,
  ],
  [
    'the audio replaced by a link to a file with the same content',
    (dir) => {
      const outside = path.join(dir, '..', 'outside.wav');
      fs.renameSync(path.join(dir, 'audio.wav'), outside);
      fs.symlinkSync(outside, path.join(dir, 'audio.wav'));
    },
    /audio\.wav: .*not a plain file/,
  ],
  ['manifest.json that is not JSON', (dir) => fs.writeFileSync(path.join(dir, 'manifest.json'), '{"format": "studio.bulletin-'), /not valid JSON/],
  ['no manifest.json at all', (dir) => fs.rmSync(path.join(dir, 'manifest.json')), /no manifest\.json/],
  [
    'an unknown format version (re-sealed)',
    (dir) => reseal(dir, (m) => (m.formatVersion = 99)),
    /formatVersion/,
  ],
  [
    'an invalid priority (re-sealed)',
    (dir) => reseal(dir, (m) => (m.bulletin.priority = 'urgent')),
    /priority/,
  ],
];

describe('a tampered package is refused whole', () => {
  const sent = useSentPackage('outbox-item-0042');
  const { receiver, usb } = sent;

  it.each(CASES)('%s', async (_name, tamper, expected) => {
    // Each case on its own copy, in its own parent folder (the ../ case writes next to it).
    const parent = fs.mkdtempSync(path.join(usb.dir, 'case-'));
    const copy = path.join(parent, path.basename(sent.original));
    fs.cpSync(sent.original, copy, { recursive: true });
    tamper(copy);

    const job = await receiver.call('package.import', { path: copy }).catch((error) => error);
    // A package without a readable folder fails at once; the others fail inside the job.
    const outcome = 'id' in job ? await receiver.services.jobs.wait(job.id) : { state: 'failed', error: job };
    expect(outcome.state).toBe('failed');
    expect(outcome.error?.code).toBe('package_rejected');
    // What the user reads (the English words: the cases name the problems in English).
    expect(describeError(outcome.error!, 'en')).toMatch(expected);

    // Nothing half-imported: no bulletin, no asset row, no audio file, no area.
    expect((await receiver.call('bulletin.list', {})).total).toBe(0);
    expect(await receiver.call('asset.list', {})).toEqual([]);
    expect(await receiver.call('area.list', {})).toEqual([]);
    const assetsDir = path.join(receiver.dataDir, 'assets');
    expect(fs.existsSync(assetsDir) ? fs.readdirSync(assetsDir) : []).toEqual([]);
  });

  it('leaves nothing behind when the library refuses the contents (a loudspeaker cluster without its commune)', async () => {
    const parent = fs.mkdtempSync(path.join(usb.dir, 'case-'));
    const copy = path.join(parent, path.basename(sent.original));
    fs.cpSync(sent.original, copy, { recursive: true });
    // Well-formed and sealed, but the library's rules refuse a cluster at the top level: the
    // failure comes after the audio was copied in, inside the transaction.
    reseal(copy, (m) => {
      const cluster = m.bulletin.targetAreas.find((a: { kind: string }) => a.kind === 'cluster');
      cluster.ancestors = [];
    });
    const job = await receiver.call('package.import', { path: copy });
    const outcome = await receiver.services.jobs.wait(job.id);
    expect(outcome.state).toBe('failed');
    expect(outcome.error?.message).toMatch(/cluster cannot be placed under the top level/);
    expect((await receiver.call('bulletin.list', {})).total).toBe(0);
    expect(await receiver.call('asset.list', {})).toEqual([]);
    expect(await receiver.call('area.list', {})).toEqual([]);
    expect(fs.readdirSync(path.join(receiver.dataDir, 'assets'))).toEqual([]);
  });

  it('still imports the untouched original', async () => {
    const job = await receiver.call('package.import', { path: sent.original });
    const done = await receiver.services.jobs.wait(job.id);
    expect(done.error).toBeUndefined();
    expect((await receiver.call('bulletin.list', {})).total).toBe(1);
  });
});
