/**
 * What the outbox snapshots for a programme: a copy of its current render (a later render must not
 * change or break a queued delivery) and the programme's metadata as it travels.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { clearedForAir, type Programme } from '../../../shared/api/library-types.ts';
import { StudioError } from '../../../shared/errors.ts';
import { mediaType } from '../media/index.ts';
import type { ProgrammeMetadata } from './connector.ts';

/** The programme's current render, copied under `outbox-files/`, and its metadata. */
export function snapshotProgramme(programme: Programme, dataDir: string): { audioFile: string; metadata: ProgrammeMetadata } {
  const drafts = programme.items.filter((item) => !clearedForAir(item.bulletinStatus));
  if (drafts.length > 0) {
    throw new StudioError('conflict', `${drafts.length} bulletin(s) not approved`, {
      reason: 'programme_has_unapproved',
      count: drafts.length,
      titles: drafts.map((item) => item.label).join(', '),
    });
  }
  const rendered = programme.rendered;
  if (!rendered) throw new StudioError('conflict', 'the programme has no current render', { reason: 'programme_not_rendered', programmeId: programme.id });
  const source = path.join(dataDir, rendered.media);
  const bytes = fs.readFileSync(source);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const ext = path.extname(source).toLowerCase();
  const audioFile = path.join('outbox-files', `programme-${programme.id}-${sha256.slice(0, 12)}${ext}`);
  fs.mkdirSync(path.join(dataDir, 'outbox-files'), { recursive: true });
  if (!fs.existsSync(path.join(dataDir, audioFile))) fs.writeFileSync(path.join(dataDir, audioFile), bytes);
  return {
    audioFile,
    metadata: {
      contentType: 'programme',
      programmeId: programme.id,
      title: programme.title,
      language: 'vi',
      priority: 'normal',
      presetLufs: programme.mix.presetLufs,
      durationSec: rendered.durationSec,
      loudnessLufs: rendered.loudness.integrated,
      loudnessRangeLu: null,
      truePeakDbtp: rendered.loudness.truePeak,
      items: programme.items.map((item) => ({ kind: item.kind, title: item.label, bulletinId: item.bulletinId, startSec: item.startSec, durationSec: item.durationSec })),
      sha256,
      bytes: bytes.length,
      fileName: `${path.basename(audioFile)}`,
      mimeType: mediaType(audioFile),
    },
  };
}
