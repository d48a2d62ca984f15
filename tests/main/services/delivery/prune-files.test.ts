/**
 * The files deliveries leave in the data folder (`deliveries/`, `outbox-files/`) are removed once
 * their deliveries are finished and older than the retention setting (30 days by default), at
 * start-up and when the setting changes; a waiting delivery's file never is. Real database (the
 * rows aged with SQL between two runs of the studio) and real files (aged with utimes).
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../../src/main/services/storage/database.ts';
import { openStudio } from '../../../../src/main/studio.ts';
import { asTestStudio } from '../../../helpers/studio.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

const temp = makeTempDir('studio-prune-deliveries-');
afterAll(() => temp.remove());

const DAY = 24 * 60 * 60 * 1000;

describe('delivery files clean-up', () => {
  it('removes finished deliveries’ files past the retention at start-up and on a shorter setting, never a waiting one’s', { timeout: 120_000 }, async () => {
    const dataDir = path.join(temp.dir, 'data');
    const write = (rel: string, daysOld: number) => {
      const file = path.join(dataDir, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, rel);
      const when = new Date(Date.now() - daysOld * DAY);
      fs.utimesSync(file, when, when);
    };
    const exists = (rel: string) => fs.existsSync(path.join(dataDir, rel));

    // The rows, queued and brought to their states by the outbox itself.
    const first = openStudio({ dataDir, transport: 'test' });
    const { outbox } = first.services.delivery;
    // No server is configured: a waiting item is tried and put back in the queue, never sent.
    const ids: Record<string, number> = {};
    let bulletinId = 100;
    const queue = (name: string, audioFile: string, state: 'delivered' | 'cancelled' | 'queued') => {
      const item = outbox.enqueue({
        bulletinId: ++bulletinId,
        title: name,
        target: 'source',
        dest: `http://127.0.0.1:9/${name}`,
        priority: 'normal',
        payload: { audioFile, metadata: { sha256: name, bytes: 1 } as never },
      });
      if (state === 'delivered') outbox.markDelivered(item.id, { remoteId: `r-${name}`, status: 'received', reason: null });
      if (state === 'cancelled') outbox.cancel(item.id);
      ids[name] = item.id;
    };
    queue('old-delivered', 'deliveries/bulletin-1-aaa.wav', 'delivered');
    queue('old-cancelled', 'outbox-files/programme-2-bbb.wav', 'cancelled');
    queue('old-waiting', 'outbox-files/programme-3-ccc.wav', 'queued');
    queue('recent-delivered', 'deliveries/bulletin-4-ddd.wav', 'delivered');
    // One render sent twice: once long ago, and again now (still waiting).
    queue('shared-then', 'deliveries/bulletin-5-eee.wav', 'delivered');
    queue('shared-now', 'deliveries/bulletin-5-eee.wav', 'queued');
    // An unedited bulletin goes as its own asset: outside the two folders, never touched.
    queue('asset', 'assets/voice-6.wav', 'delivered');
    await first.close();

    const db = new Database(path.join(dataDir, DATABASE_FILE));
    const age = (name: string, days: number) => db.prepare('UPDATE outbox SET updated_at = ? WHERE id = ?').run(new Date(Date.now() - days * DAY).toISOString(), ids[name]);
    for (const name of ['old-delivered', 'old-cancelled', 'old-waiting', 'shared-then', 'shared-now', 'asset']) age(name, 40);
    age('recent-delivered', 5);
    db.close();

    write('deliveries/bulletin-1-aaa.wav', 40);
    write('deliveries/bulletin-1-aaa.wav.json', 40);
    write('outbox-files/programme-2-bbb.wav', 40);
    write('outbox-files/programme-3-ccc.wav', 40);
    write('deliveries/bulletin-4-ddd.wav', 5);
    write('deliveries/bulletin-5-eee.wav', 40);
    write('assets/voice-6.wav', 40);
    // A render nobody queued: old ones go with their sidecar and leftovers; one made just now stays (about to be queued).
    write('deliveries/bulletin-7-fff.wav', 40);
    write('deliveries/bulletin-7-fff.wav.json.tmp', 40);
    write('deliveries/bulletin-8-ggg.wav', 0);

    // Start-up: the default 30 days.
    const second = asTestStudio(openStudio({ dataDir, transport: 'test' }), dataDir);
    try {
      expect(second.services.delivery.settings.get().keepFilesDays).toBe(30);
      expect(exists('deliveries/bulletin-1-aaa.wav')).toBe(false);
      expect(exists('deliveries/bulletin-1-aaa.wav.json')).toBe(false);
      expect(exists('outbox-files/programme-2-bbb.wav')).toBe(false);
      expect(exists('deliveries/bulletin-7-fff.wav')).toBe(false);
      expect(exists('deliveries/bulletin-7-fff.wav.json.tmp')).toBe(false);
      expect(exists('outbox-files/programme-3-ccc.wav')).toBe(true);
      expect(exists('deliveries/bulletin-4-ddd.wav')).toBe(true);
      expect(exists('deliveries/bulletin-5-eee.wav')).toBe(true);
      expect(exists('deliveries/bulletin-8-ggg.wav')).toBe(true);
      expect(exists('assets/voice-6.wav')).toBe(true);
      // The rows stay: the outbox still lists what was delivered.
      expect(second.services.delivery.outbox.get(ids['old-delivered']!).state).toBe('delivered');
      // A cancelled delivery whose file went cannot be sent again as it was: it says so, in words.
      await expect(second.call('outbox.retry', { id: ids['old-cancelled']! })).rejects.toMatchObject({ code: 'not_found', details: { reason: 'outbox_file_removed' } });
      expect(second.services.delivery.outbox.get(ids['old-cancelled']!).state).toBe('cancelled');

      // A shorter retention takes the recent delivery's file too; the waiting ones stay.
      const settings = await second.call('delivery.settings.update', { keepFilesDays: 3 });
      expect(settings.keepFilesDays).toBe(3);
      expect(exists('deliveries/bulletin-4-ddd.wav')).toBe(false);
      expect(exists('outbox-files/programme-3-ccc.wav')).toBe(true);
      expect(exists('deliveries/bulletin-5-eee.wav')).toBe(true);
      expect(exists('deliveries/bulletin-8-ggg.wav')).toBe(true);
      await expect(second.call('delivery.settings.update', { keepFilesDays: 0 })).rejects.toMatchObject({ code: 'invalid_argument' });
    } finally {
      await second.close();
    }
  });
});
