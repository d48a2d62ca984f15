import fs from 'node:fs';
import path from 'node:path';
import type { Area, Asset, Bulletin } from '../../../../shared/domain.ts';
import { StudioError } from '../../../../shared/errors.ts';
import type { AreaStore } from '../../library/areas.ts';
import type { AssetStore } from '../../library/assets.ts';
import type { AuditTrail } from '../../library/audit.ts';
import type { BulletinStore } from '../../library/bulletins.ts';
import type { Db } from '../../storage/database.ts';
import type { PackageArea } from './manifest.ts';
import { judgeSignature, type SignatureState } from './package-signing.ts';
import type { StagedImport } from './stage-import.ts';

export interface ImportStores {
  db: Db;
  dataDir: string;
  audit: AuditTrail;
  areas: AreaStore;
  assets: AssetStore;
  bulletins: BulletinStore;
}

export interface ImportedPackage {
  packageId: string;
  /** How the package's signature was judged: only 'trusted' kept the approval it arrived with. */
  signature: SignatureState;
  bulletin: Bulletin;
  asset: Asset;
  /** Areas that did not exist here and were created from the package's names and codes. */
  createdAreaIds: number[];
}

/**
 * The database half of an import: the asset, any missing areas, the bulletin and its approval,
 * and the record of the package id, all in one transaction. If anything fails, none of it stays,
 * and an audio file the import copied in is removed again.
 */
export function commitImport(stores: ImportStores, staged: StagedImport, actor: string, trustedKeys: readonly string[]): ImportedPackage {
  const { manifest } = staged;
  try {
    const signature = judgeSignature(manifest.seal, manifest.signature, trustedKeys);
    return stores.db.transaction(() => {
      const already = stores.db.prepare('SELECT bulletin_id FROM package_imports WHERE package_id = ?').get(manifest.packageId) as
        | { bulletin_id: number | null }
        | undefined;
      if (already) {
        throw new StudioError('conflict', `gói này đã được nhập (bản tin ${already.bulletin_id ?? 'đã xóa'}) / this package was already imported`, {
          packageId: manifest.packageId,
          bulletinId: already.bulletin_id,
        });
      }
      const b = manifest.bulletin;
      // The manifest carries the sender's measurement; a package from an older studio (no
      // range) leaves the asset unmeasured, to be measured when it is next sent.
      const loudness = typeof b.loudnessRangeLu === 'number' ? { integrated: b.loudnessLufs, range: b.loudnessRangeLu, truePeak: b.truePeakDbtp ?? null } : null;
      const found = findAsset(stores, staged.assetFile);
      const asset = found ? (found.loudness || !loudness ? found : stores.assets.setLoudness(found.id, loudness)) : stores.assets.add(
        {
          name: manifest.audio.name || path.basename(staged.assetFile),
          file: staged.assetFile,
          sha256: manifest.files.find((file) => file.role === 'audio')!.sha256,
          bytes: fs.statSync(path.join(stores.dataDir, staged.assetFile)).size,
          durationSec: staged.durationSec,
          sampleRate: staged.sampleRate,
          channels: staged.channels,
          loudness,
        },
        actor,
      );
      const createdAreaIds: number[] = [];
      const targetAreaIds = manifest.bulletin.targetAreas.map((area) => resolveArea(stores, area, actor, createdAreaIds));
      const created = stores.bulletins.create(
        {
          title: b.title,
          script: b.script,
          category: b.category,
          language: b.language,
          author: b.author,
          priority: b.priority,
          targetAreaIds: [...new Set(targetAreaIds)],
          schedule: b.schedule,
          repeat: b.repeat,
          audioAssetId: asset.id,
        },
        actor,
      );
      // The seal is tamper evidence, not a signature: anyone can write a package saying "approved
      // by X" and seal it. So a package keeps its approval only when a studio this one trusts signed
      // it; any other that arrives approved (or delivered) lands as submitted, for an editor here to
      // approve; a draft stays a draft. What the package claimed is kept in the audit.
      const trusted = signature === 'trusted';
      const claimed = b.status === 'delivered' ? 'approved' : b.status;
      const status = trusted || claimed === 'draft' || claimed === 'submitted' ? claimed : 'submitted';
      if (status === 'approved') {
        // The workflow store stamps approval with the current time; a trusted package keeps its own.
        stores.db.prepare('UPDATE bulletins SET status = ?, approver = ?, approved_at = ? WHERE id = ?').run(status, b.approver, b.approvedAt, created.id);
      } else if (status !== 'draft') {
        stores.db.prepare('UPDATE bulletins SET status = ?, approver = NULL, approved_at = NULL WHERE id = ?').run(status, created.id);
      }
      stores.db
        .prepare('INSERT INTO package_imports (package_id, bulletin_id, source_dir, imported_at, manifest, signature, signer_key) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(manifest.packageId, created.id, staged.packageDir, new Date().toISOString(), JSON.stringify(manifest), signature, manifest.signature?.publicKey ?? null);
      stores.audit.record({
        actor,
        entity: 'bulletin',
        entityId: created.id,
        action: 'package.import',
        changes: { packageId: manifest.packageId, from: staged.packageDir, status, signature, claimedStatus: b.status, claimedApprover: b.approver, claimedApprovedAt: b.approvedAt },
      });
      return { packageId: manifest.packageId, signature, bulletin: stores.bulletins.get(created.id), asset, createdAreaIds };
    })();
  } catch (error) {
    if (staged.createdFile && !findAsset(stores, staged.assetFile)) {
      fs.rmSync(path.join(stores.dataDir, staged.assetFile), { force: true });
    }
    throw error;
  }
}

function findAsset(stores: ImportStores, file: string): Asset | null {
  const id = stores.db.prepare('SELECT id FROM assets WHERE file = ?').pluck().get(file) as number | undefined;
  return id === undefined ? null : stores.assets.get(id);
}

/**
 * Finds the package's area here by its chain from the province down (by code where the sender
 * had one, else by kind and name), creating the missing links: a commune's package names areas the
 * centre may not have entered yet, and losing the target would send the bulletin nowhere.
 */
function resolveArea(stores: ImportStores, area: PackageArea, actor: string, created: number[]): number {
  let parentId: number | null = null;
  for (const link of [...area.ancestors, area]) {
    const existing = findChild(stores.db, parentId, link);
    if (existing) {
      parentId = existing.id;
      continue;
    }
    const made: Area = stores.areas.create({ parentId, kind: link.kind, name: link.name, code: link.code }, actor);
    created.push(made.id);
    parentId = made.id;
  }
  return parentId!;
}

function findChild(db: Db, parentId: number | null, link: { kind: string; name: string; code: string }): { id: number } | undefined {
  const byCode = link.code
    ? (db
        .prepare('SELECT id FROM areas WHERE parent_id IS ? AND kind = ? AND code = ? ORDER BY id LIMIT 1')
        .get(parentId, link.kind, link.code) as { id: number } | undefined)
    : undefined;
  return (
    byCode ??
    (db
      .prepare('SELECT id FROM areas WHERE parent_id IS ? AND kind = ? AND name = ? ORDER BY id LIMIT 1')
      .get(parentId, link.kind, link.name) as { id: number } | undefined)
  );
}
