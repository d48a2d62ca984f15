import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ConnectionInfo } from '../../../../shared/api/delivery.ts';
import { StudioError } from '../../../../shared/errors.ts';
import type { Library } from '../../library/index.ts';
import { isProgrammeMetadata, type BulletinMetadata, type Connector, type DeliveryPayload, type RemoteStatusInfo, type SendContext, type SendResult } from '../connector.ts';
import { describeBulletin, loudnessFields, type PackageSource } from './describe-bulletin.ts';
import { audioFileOf, type PackageArea } from './manifest.ts';
import { loadOrCreateSigningKey } from './package-signing.ts';
import { PROGRAMME_PACKAGE_FORMAT } from './programme-manifest.ts';
import { programmeFolderName, readProgrammeManifest, writeProgrammePackage } from './programme-package.ts';
import { readManifest, readManifestJson } from './verify-package.ts';
import { packageFolderName, writePackage } from './write-package.ts';

export interface PackageConnectorDeps {
  dataDir: string;
  version: string;
  library: Library;
}

/** What the outbox persists between attempts: the folder a finished write produced. */
interface PackageResume {
  folder?: string;
}

/**
 * Delivery to a folder or a USB stick: each bulletin becomes a self-describing package folder
 * (audio + manifest.json). The remote id is the package folder's path; "received" means the
 * package was written, read back and verified.
 */
export class PackageConnector implements Connector {
  readonly kind = 'package' as const;

  constructor(
    private readonly deps: PackageConnectorDeps,
    private readonly destDir: string,
  ) {}

  async test(): Promise<ConnectionInfo> {
    const dir = path.resolve(this.destDir);
    const probe = path.join(dir, `.studio-write-test-${randomUUID().slice(0, 8)}`);
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(probe, 'ok');
      fs.rmSync(probe);
    } catch (error) {
      throw new StudioError('io_error', `cannot write to ${dir}`, {
        reason: 'package_folder_not_writable',
        destDir: dir,
        cause: (error as NodeJS.ErrnoException).code,
      });
    }
    return { ok: true, account: '', server: dir, tokenExpiresAt: null };
  }

  async send(payload: DeliveryPayload, ctx: SendContext): Promise<SendResult> {
    const checkCancelled = () => {
      if (ctx.signal.aborted) throw new StudioError('cancelled', 'cancelled', { reason: 'package_write_cancelled' });
    };
    checkCancelled();
    // A retry after a crash between "written" and "recorded as delivered" finds its own package
    // and reports it, instead of writing a second copy of the same delivery.
    const previous = this.finishedPackage(ctx.resume as PackageResume, payload);
    if (previous) return { remoteId: previous, status: 'received', reason: null };
    const m = payload.metadata;
    if (isProgrammeMetadata(m)) {
      const written = await writeProgrammePackage(
        { metadata: m, audioPath: payload.audioPath, destDir: path.resolve(this.destDir), generator: `Studio ${this.deps.version}`, packageId: payload.idempotencyKey, signer: loadOrCreateSigningKey(this.deps.dataDir) },
        { checkCancelled, onBytes: (done) => ctx.onProgress({ sentBytes: Math.min(m.bytes, Math.round(done)), totalBytes: m.bytes }) },
      );
      ctx.saveResume({ folder: written.folder } satisfies PackageResume);
      ctx.onProgress({ sentBytes: m.bytes, totalBytes: m.bytes });
      return { remoteId: written.folder, status: 'received', reason: null };
    }

    const source = this.describe({ ...payload, metadata: m });
    const total = payload.metadata.bytes;
    const written = await writePackage(
      {
        source,
        destDir: path.resolve(this.destDir),
        generator: `Studio ${this.deps.version}`,
        packageId: payload.idempotencyKey,
        signer: loadOrCreateSigningKey(this.deps.dataDir),
      },
      {
        checkCancelled,
        onBytes: (done) => ctx.onProgress({ sentBytes: Math.min(total, Math.round(done)), totalBytes: total }),
      },
    );
    ctx.saveResume({ folder: written.folder } satisfies PackageResume);
    ctx.onProgress({ sentBytes: total, totalBytes: total });
    return { remoteId: written.folder, status: 'received', reason: null };
  }

  async status(remoteId: string): Promise<RemoteStatusInfo> {
    try {
      const json = readManifestJson(remoteId) as { format?: unknown };
      const sha256 = json.format === PROGRAMME_PACKAGE_FORMAT ? readProgrammeManifest(remoteId).files[0]!.sha256 : audioFileOf(readManifest(remoteId)).sha256;
      return { remoteId, status: 'received', reason: null, sha256 };
    } catch {
      // The stick has gone to the centre with the package: it was delivered, there is nothing to ask.
      return { remoteId, status: 'received', reason: null, sha256: null };
    }
  }

  /**
   * The package's record: what the outbox snapshotted when the item was queued (title, schedule,
   * targets, the exact audio file) wins over the library's current state, so a later edit does
   * not change what this delivery carries; the library adds what the snapshot lacks (the script,
   * the approval time, the areas' ancestors).
   */
  private describe(payload: DeliveryPayload & { metadata: BulletinMetadata }): PackageSource {
    const m = payload.metadata;
    const bulletin = this.deps.library.bulletins.get(m.bulletinId);
    const asset = bulletin.audioAssetId === null ? null : this.deps.library.assets.get(bulletin.audioAssetId);
    // The snapshot's loudness; if it went out unmeasured (an emergency item is never held for the
    // meter) and the same file has been measured since, the later figures fill the gap.
    const measured = asset?.sha256 === m.sha256 ? loudnessFields(asset.loudness) : null;
    const loudness =
      m.loudnessLufs === null && m.loudnessRangeLu == null && measured
        ? measured
        : { loudnessLufs: m.loudnessLufs, loudnessRangeLu: m.loudnessRangeLu ?? null, truePeakDbtp: m.truePeakDbtp ?? null };
    const current = describeBulletin(bulletin, asset, this.deps.library.areas.list(), this.deps.dataDir, loudness);
    const known = new Map(current.bulletin.targetAreas.map((area) => [area.id, area]));
    return {
      bulletin: {
        ...current.bulletin,
        title: m.title,
        category: m.category,
        language: m.language,
        priority: m.priority,
        schedule: m.schedule,
        repeat: m.repeat,
        author: m.author,
        approver: m.approver,
        durationSec: m.durationSec ?? current.bulletin.durationSec,
        targetAreas: m.targetAreas.map((area) => known.get(area.id) ?? { ...area, kind: area.kind as PackageArea['kind'], ancestors: [] }),
      },
      audio: { ...current.audio, path: payload.audioPath, sha256: m.sha256, bytes: m.bytes, durationSec: m.durationSec ?? current.audio.durationSec },
    };
  }

  private finishedPackage(resume: PackageResume, payload: DeliveryPayload): string | null {
    const dir = path.resolve(this.destDir);
    // The saved folder first; then the folders named for this bulletin, in case the studio stopped
    // after the rename but before the outbox saved it.
    const m = payload.metadata;
    const prefix = (isProgrammeMetadata(m) ? programmeFolderName(m.title, m.programmeId) : packageFolderName(m.title, m.bulletinId)).replace(/\d{8}$/, '');
    const candidates = typeof resume.folder === 'string' ? [resume.folder] : [];
    try {
      for (const name of fs.readdirSync(dir)) if (name.startsWith(prefix)) candidates.push(path.join(dir, name));
    } catch {
      // The destination does not exist yet: nothing was written there.
    }
    for (const folder of candidates) {
      try {
        const id = (readManifestJson(folder) as { packageId?: unknown }).packageId;
        if (id === payload.idempotencyKey && (isProgrammeMetadata(m) ? readProgrammeManifest(folder) : readManifest(folder))) return folder;
      } catch {
        // Not a package, or not ours.
      }
    }
    return null;
  }
}
