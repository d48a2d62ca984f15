import path from 'node:path';
import type { Area, Asset, AssetLoudness, Bulletin } from '../../../../shared/api/library-types.ts';
import { StudioError } from '../../../../shared/errors.ts';
import type { PackageArea, PackageBulletin } from './manifest.ts';

/** What the package writer needs from the library, read on the main thread and passed to the worker. */
export interface PackageSource {
  bulletin: PackageBulletin;
  /** `path` is absolute. */
  audio: { path: string; name: string; sha256: string; bytes: number; sampleRate: number; channels: number; durationSec: number };
}

/** An area with its ancestors (province first), by name and code: ids mean nothing in another library. */
export function describeArea(areas: Map<number, Area>, id: number): PackageArea {
  const area = areas.get(id);
  if (!area) throw new StudioError('not_found', `area ${id}`);
  const ancestors: PackageArea['ancestors'] = [];
  for (let parentId = area.parentId; parentId !== null; ) {
    const parent = areas.get(parentId);
    if (!parent || ancestors.length >= 5) break;
    ancestors.unshift({ kind: parent.kind, name: parent.name, code: parent.code });
    parentId = parent.parentId;
  }
  return { id: area.id, kind: area.kind, name: area.name, code: area.code, ancestors };
}

export interface LoudnessFields {
  loudnessLufs: number | null;
  loudnessRangeLu: number | null;
  truePeakDbtp: number | null;
}

/** The asset's measured loudness under the delivery metadata's names (all null if not measured). */
export function loudnessFields(loudness: AssetLoudness | null): LoudnessFields {
  return { loudnessLufs: loudness?.integratedLufs ?? null, loudnessRangeLu: loudness?.rangeLu ?? null, truePeakDbtp: loudness?.truePeakDbtp ?? null };
}

/** The audio file a bulletin goes out with: its asset, or its edit rendered (audio's DeliveredAudio). */
export type AudioFile = Pick<Asset, 'file' | 'name' | 'sha256' | 'bytes' | 'sampleRate' | 'channels' | 'durationSec' | 'loudness'>;

/**
 * The package's record of a bulletin. A bulletin goes out with its audio; one without audio is
 * refused here with a message the editor can act on.
 */
export function describeBulletin(
  bulletin: Bulletin,
  asset: AudioFile | null,
  areas: Area[],
  dataDir: string,
  loudness?: LoudnessFields,
): PackageSource {
  if (!asset) {
    throw new StudioError('invalid_argument', `bulletin ${bulletin.id} has no audio yet`, {
      reason: 'package_bulletin_without_audio',
      bulletinId: bulletin.id,
      title: bulletin.title,
    });
  }
  const byId = new Map(areas.map((area) => [area.id, area]));
  return {
    bulletin: {
      bulletinId: bulletin.id,
      title: bulletin.title,
      script: bulletin.script,
      category: bulletin.category,
      language: bulletin.language,
      priority: bulletin.priority,
      status: bulletin.status,
      schedule: bulletin.schedule,
      repeat: bulletin.repeat,
      targetAreas: bulletin.targetAreaIds.map((id) => describeArea(byId, id)),
      author: bulletin.author,
      approver: bulletin.approver,
      approvedAt: bulletin.approvedAt,
      durationSec: asset.durationSec,
      ...(loudness ?? loudnessFields(asset.loudness)),
    },
    audio: {
      path: path.join(dataDir, asset.file),
      name: asset.name,
      sha256: asset.sha256,
      bytes: asset.bytes,
      sampleRate: asset.sampleRate,
      channels: asset.channels,
      durationSec: asset.durationSec,
    },
  };
}
