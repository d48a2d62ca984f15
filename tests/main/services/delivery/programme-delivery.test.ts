/**
 * A programme through the outbox (issue 11 item 3): to the real reference source server over HTTP
 * as the `programme` content type, and as a USB package in the programme package format, read back
 * and verified; a bulletin-package import of it is refused by name. Unrendered or stale programmes
 * are refused with codes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyProgrammePackage } from '../../../../src/main/services/delivery/package/programme-package.ts';
import { useTestStudio, type TestStudio } from '../../../helpers/studio.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { finished, importFile, speechWav } from '../audio/fixtures.ts';
import { useReferenceServer, waitFor } from './source/fixtures.ts';

const temp = makeTempDir('studio-programme-delivery-');
afterAll(() => temp.remove());

async function renderedProgramme(studio: TestStudio) {
  const jingle = await importFile(studio, speechWav(temp.dir, 'jingle.wav', 2, 48000, 2));
  const p = await studio.call('programme.create', { title: 'Thời sự sáng', presetLufs: -16 });
  await studio.call('programme.addItem', { programmeId: p.id, kind: 'jingle', assetId: jingle.id });
  await studio.call('programme.addItem', { programmeId: p.id, kind: 'jingle', assetId: jingle.id });
  await expect(studio.call('delivery.enqueue', { programmeId: p.id, to: 'package', dest: temp.dir })).rejects.toMatchObject({
    code: 'conflict',
    details: { reason: 'programme_not_rendered' },
  });
  const job = await finished(studio, await studio.call('programme.render', { programmeId: p.id }));
  expect(job.state, JSON.stringify(job.error)).toBe('done');
  return studio.call('programme.get', { id: p.id });
}

const delivered = (studio: TestStudio, id: number) =>
  waitFor(() => {
    const item = studio.services.delivery.outbox.get(id);
    return item.state === 'delivered' ? item : null;
  }, 'delivery', 60_000, 50, () => JSON.stringify(studio.services.delivery.outbox.get(id)));

describe('programme delivery', () => {
  const studio = useTestStudio();
  const reference = useReferenceServer(studio);

  it('delivers the rendered programme to the reference server and as a USB package', { timeout: 180_000 }, async () => {
    await reference.connect();
    const programme = await renderedProgramme(studio);
    const render = fs.readFileSync(path.join(studio.dataDir, programme.rendered!.media));

    const queued = await studio.call('delivery.enqueue', { programmeId: programme.id, to: 'source' });
    expect(queued).toMatchObject({ programmeId: programme.id, bulletinId: null, title: 'Thời sự sáng' });
    const done = await delivered(studio, queued.id);
    expect(done.remoteStatus).toBe('received');
    const [record] = reference.server.records.list(null);
    expect(record!.metadata).toMatchObject({ contentType: 'programme', programmeId: programme.id, title: 'Thời sự sáng', presetLufs: -16, mimeType: 'audio/wav' });
    expect(record!.metadata).toMatchObject({ items: [{ kind: 'jingle', startSec: 0 }, { kind: 'jingle', startSec: 3 }] });
    expect(record!.receivedSha256).toBe(record!.sha256);
    const uploads = path.join(reference.dataDir, 'uploads');
    const stored = fs.readFileSync(path.join(uploads, fs.readdirSync(uploads).find((f) => !f.endsWith('.json'))!));
    expect(stored.equals(render)).toBe(true);
    // The programme screen asks for its deliveries.
    expect((await studio.call('outbox.list', { programmeId: programme.id })).map((i) => i.id)).toEqual([queued.id]);

    const stick = path.join(temp.dir, 'usb');
    const packaged = await delivered(studio, (await studio.call('delivery.enqueue', { programmeId: programme.id, to: 'package', dest: stick })).id);
    const manifest = await verifyProgrammePackage(packaged.remoteId!);
    expect(manifest).toMatchObject({ format: 'studio.programme-package', programme: { title: 'Thời sự sáng', presetLufs: -16, programmeId: programme.id } });
    expect(fs.readFileSync(path.join(packaged.remoteId!, manifest.files[0]!.path)).equals(render)).toBe(true);
    // Read as a bulletin package elsewhere: refused by name, nothing imported.
    await expect(studio.call('package.inspect', { path: packaged.remoteId! })).rejects.toMatchObject({
      code: 'package_rejected',
      details: { reason: 'programme_package_not_importable', title: 'Thời sự sáng' },
    });
    // The same render again to the same stick is the same delivery.
    await expect(studio.call('delivery.enqueue', { programmeId: programme.id, to: 'package', dest: stick })).rejects.toMatchObject({
      details: { reason: 'outbox_already_delivered' },
    });
  });
});
