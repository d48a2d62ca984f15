import fs from 'node:fs';
import path from 'node:path';
import type { Asset, Bulletin } from '../../../../../src/shared/api/library-types.ts';
import type { DeliveryPayload, SendContext } from '../../../../../src/main/services/delivery/connector.ts';
import { openStudio } from '../../../../../src/main/studio.ts';
import { asTestStudio, type TestStudio } from '../../../../helpers/studio.ts';
import { useSuiteStudio } from '../../../../helpers/studio.ts';
export { useSuiteStudio };
import { afterAll, beforeAll } from 'vitest';
import { PackageConnector } from '../../../../../src/main/services/delivery/package/package-connector.ts';
import { makeTempDir } from '../../../../helpers/temp-dir.ts';

/** A mono 16-bit PCM WAV of a tone with a little noise, so no two fixtures hash alike. */
export function writeToneWav(file: string, seconds: number, sampleRate = 16_000): void {
  const frames = Math.round(seconds * sampleRate);
  const data = Buffer.alloc(frames * 2);
  for (let i = 0; i < frames; i++) {
    const sample = 0.3 * Math.sin((2 * Math.PI * 440 * i) / sampleRate) + 0.01 * (Math.random() - 0.5);
    data.writeInt16LE(Math.round(sample * 32767), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  fs.writeFileSync(file, Buffer.concat([header, data]));
}

export async function importAudio(studio: TestStudio, seconds = 1.5): Promise<Asset> {
  const wav = path.join(studio.dataDir, `tone-${Date.now()}.wav`);
  writeToneWav(wav, seconds);
  const job = await studio.call('audio.import', { path: wav, name: 'Bản tin thời tiết.wav' });
  const done = await studio.services.jobs.wait(job.id);
  fs.rmSync(wav);
  if (done.state !== 'done') throw new Error(`asset import failed: ${JSON.stringify(done.error)}`);
  return done.result as Asset;
}

/** An approved emergency bulletin with audio, a schedule and targets three levels deep. */
export async function makeApprovedBulletin(studio: TestStudio): Promise<Bulletin> {
  const asset = await importAudio(studio);
  const province = await studio.call('area.create', { parentId: null, kind: 'province', name: 'Lào Cai', code: '10' });
  const commune = await studio.call('area.create', { parentId: province.id, kind: 'commune', name: 'Xã Bản Hồ', code: '02974' });
  const cluster = await studio.call('area.create', { parentId: commune.id, kind: 'cluster', name: 'Cụm loa thôn Tả Van', code: '' });
  const other = await studio.call('area.create', { parentId: province.id, kind: 'commune', name: 'Xã Tả Phìn', code: '' });
  const bulletin = await studio.call('bulletin.create', {
    title: 'Cảnh báo lũ quét — Bản Hồ',
    script: 'Bà con chú ý: mưa lớn kéo dài, nguy cơ lũ quét và sạt lở đất tại các thôn ven suối.',
    category: 'weather',
    language: 'vi',
    author: 'Nguyễn Thị Mai',
    priority: 'emergency',
    targetAreaIds: [cluster.id, other.id],
    schedule: { kind: 'weekly', weekdays: [1, 3, 5], time: '06:30' },
    repeat: { count: 3, gapMinutes: 10 },
    audioAssetId: asset.id,
  });
  await studio.call('bulletin.transition', { id: bulletin.id, to: 'submitted' });
  return studio.call('bulletin.transition', { id: bulletin.id, to: 'approved', approver: 'Trần Văn Hùng' });
}

/** What the outbox hands a connector for this bulletin. */
export function payloadFor(studio: TestStudio, bulletin: Bulletin, idempotencyKey: string): DeliveryPayload {
  const asset = studio.services.library.assets.get(bulletin.audioAssetId!);
  const areas = studio.services.library.areas.list();
  return {
    idempotencyKey,
    audioPath: path.join(studio.dataDir, asset.file),
    metadata: {
      bulletinId: bulletin.id,
      title: bulletin.title,
      category: bulletin.category,
      language: bulletin.language,
      priority: bulletin.priority,
      schedule: bulletin.schedule,
      repeat: bulletin.repeat,
      targetAreas: areas.filter((a) => bulletin.targetAreaIds.includes(a.id)).map(({ id, kind, name, code }) => ({ id, kind, name, code })),
      author: bulletin.author,
      approver: bulletin.approver,
      durationSec: asset.durationSec,
      loudnessLufs: -23.4,
      sha256: asset.sha256,
      bytes: asset.bytes,
      fileName: path.basename(asset.file),
      mimeType: 'audio/wav',
    },
  };
}

export function sendContext(resume: Record<string, unknown> = {}) {
  const progress: number[] = [];
  const saved: Record<string, unknown>[] = [];
  const controller = new AbortController();
  const ctx: SendContext = {
    signal: controller.signal,
    onProgress: ({ sentBytes }) => progress.push(sentBytes),
    resume,
    saveResume: (state) => saved.push(state),
  };
  return { ctx, progress, saved, controller };
}

/** Like useTestStudio, but one studio for a whole describe block (closed after its last test). */
/**
 * Opens the data directory, adds an approved bulletin with audio, and closes it again, so a host or
 * CLI process can then open the directory alone (two outbox runners must never share one).
 */
export async function seedApprovedBulletin(
  dataDir: string,
  prepare?: (studio: TestStudio) => Promise<void>,
): Promise<{ id: number; sha256: string }> {
  const studio = openStudio({ dataDir, transport: 'test' });
  try {
    const seeded = asTestStudio(studio, dataDir, 'seed');
    const bulletin = await makeApprovedBulletin(seeded);
    await prepare?.(seeded);
    return { id: bulletin.id, sha256: studio.services.library.assets.get(bulletin.audioAssetId!).sha256 };
  } finally {
    await studio.close();
  }
}

/**
 * Two suite studios and one package the sender wrote to a temporary USB folder before the suite:
 * `original` is its folder, to be copied and altered by each test.
 */
export function useSentPackage(idempotencyKey: string) {
  const sent = { sender: useSuiteStudio(), receiver: useSuiteStudio(), usb: makeTempDir('studio-usb-'), original: '' };
  beforeAll(async () => {
    const { sender, usb } = sent;
    const bulletin = await makeApprovedBulletin(sender);
    const { dataDir, version, library } = sender.services;
    const connector = new PackageConnector({ dataDir, version, library }, path.join(usb.dir, 'original'));
    sent.original = (await connector.send(payloadFor(sender, bulletin, idempotencyKey), sendContext().ctx)).remoteId;
  });
  afterAll(() => sent.usb.remove());
  return sent;
}
