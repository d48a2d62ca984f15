/**
 * A notice package delivered end to end: the studio zips notice.json and the PNG frames, the
 * outbox uploads it (tus) to the reference source server as content type `led-notice`, and the
 * server's copy holds frames equal to the rasteriser's. The bulletin itself stays approved.
 */
import fs from 'node:fs';
import path from 'node:path';
import { decode } from 'fast-png';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { boardFrame, boardPalette } from '../../../../src/shared/led/index.ts';
import { StudioError } from '../../../../src/shared/errors.ts';
import { useTestStudio } from '../../../helpers/studio.ts';
import { approvedBulletin, useReferenceServer, waitFor } from '../delivery/source/fixtures.ts';

const studio = useTestStudio();
const reference = useReferenceServer(studio);

const board = () =>
  studio.call('led.board.create', { name: 'Bảng xã', moduleType: 'P10-32x16', modulesAcross: 4, modulesDown: 2, colourClass: 'dual', controller: { kind: 'image-only' } });

describe('led.notice.deliver', () => {
  it('delivers the notice package to the source system like audio, as led-notice', async () => {
    await reference.connect();
    const bulletin = await approvedBulletin(studio, { bytes: 20_000, priority: 'emergency', title: 'Khẩn cấp: sạt lở đất' });
    const { notice } = await studio.call('led.notice.fromBulletin', { bulletinId: bulletin.id, boardId: (await board()).id, text: 'Dân bản di dời ngay' });
    const item = await studio.call('led.notice.deliver', { id: notice.id });
    expect(item).toMatchObject({ bulletinId: bulletin.id, target: 'source', priority: 'emergency' });

    const delivered = await waitFor(() => studio.services.delivery.outbox.get(item.id).state === 'delivered' && studio.services.delivery.outbox.get(item.id), 'delivery');
    expect(delivered.remoteStatus).toBe('received');
    const [record] = reference.server.records.list(null, 10);
    expect(record!.metadata).toMatchObject({
      bulletinId: bulletin.id,
      title: 'Khẩn cấp: sạt lở đất',
      priority: 'emergency',
      contentType: 'led-notice',
      mimeType: 'application/zip',
      notice: { width: 128, height: 32, colourClass: 'dual' },
    });

    // The server's copy: notice.json and frames equal to the rasteriser's at their times.
    const row = reference.server.db.prepare('SELECT audio_file FROM bulletins WHERE id = ?').get(Number(record!.id)) as { audio_file: string };
    const files = unzipSync(fs.readFileSync(path.join(reference.dataDir, row.audio_file)));
    const manifest = JSON.parse(Buffer.from(files['notice.json']!).toString('utf8'));
    expect(manifest).toMatchObject({ format: 'studio-led-notice', bulletinId: bulletin.id, priority: 'emergency', board: { width: 128, height: 32 } });
    expect(manifest.frames.length).toBe(record!.metadata.notice!.frames);
    const palette = boardPalette('dual');
    for (const { file, atMs } of manifest.frames.slice(0, 4)) {
      const png = decode(files[file]!);
      const frame = boardFrame(notice.programme, atMs);
      const expected = Buffer.concat([...frame.data].map((i) => Buffer.from(palette[i]!)));
      expect(Buffer.from(png.data as Uint8Array).equals(expected), file).toBe(true);
    }
    // The bulletin is delivered when its audio is, not its board notice.
    expect((await studio.call('bulletin.get', { id: bulletin.id })).status).toBe('approved');
  });

  it('refuses a notice without a bulletin, or of a bulletin not approved, leaving no package behind', async () => {
    await reference.connect();
    const boardId = (await board()).id;
    const handmade = await studio.call('led.notice.create', {
      title: 'Họp dân',
      programme: { name: 'Họp', width: 128, height: 32, areas: [{ kind: 'text', x: 0, y: 0, width: 128, height: 32, pages: [{ text: 'Họp dân 19 giờ', size: 16 }] }] },
      boardId,
    });
    const noBulletin = (await studio.call('led.notice.deliver', { id: handmade.id }).catch((e: unknown) => e)) as StudioError;
    expect(noBulletin).toMatchObject({ code: 'invalid_argument', details: { reason: 'led_notice_without_bulletin' } });

    const draft = await studio.call('bulletin.create', { title: 'Bản nháp', script: 'Chưa duyệt.' });
    const { notice } = await studio.call('led.notice.fromBulletin', { bulletinId: draft.id, boardId });
    const notApproved = (await studio.call('led.notice.deliver', { id: notice.id }).catch((e: unknown) => e)) as StudioError;
    expect(notApproved.code).toBe('invalid_transition');
    expect(fs.readdirSync(path.join(studio.dataDir, 'led-packages'))).toEqual([]);
  });
});
