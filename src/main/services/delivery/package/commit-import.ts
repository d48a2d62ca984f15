import fs from 'node:fs';
import path from 'node:path';
import type { ImportedPackage } from '../../../../shared/api/package.ts';
import type { Area, Asset } from '../../../../shared/api/library-types.ts';

export type { ImportedPackage };
import { StudioError } from '../../../../shared/errors.ts';
import type { AuditTrail } from '../../audit/index.ts';
import type { Library } from '../../library/index.ts';
import type { Db } from '../../storage/index.ts';
import type { PackageArea } from './manifest.ts';
import { ownBulletinOf } from './own-package.ts';
import { judgeSignature } from './package-signing.ts';
import type { StagedImport } from './stage-import.ts';

export interface ImportStores {
  db: Db;
  dataDir: string;
  audit: AuditTrail;
  library: Library;
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
        throw new StudioError('conflict', 'this package was already imported', {
          reason: 'package_already_imported',
          packageId: manifest.packageId,
          bulletinId: already.bulletin_id,
        });
      }
      const own = ownBulletinOf(stores.db, manifest);
      if (own !== null) {
        throw new StudioError('conflict', 'this package was written by this studio from a bulletin it still has', {
          reason: 'package_from_this_studio',
          packageId: manifest.packageId,
          bulletinId: own,
          title: stores.library.bulletins.get(own).title,
        });
      }
      const b = manifest.bulletin;
      // The manifest carries the sender's measurement; a package from an older studio (no
      // range) leaves the asset unmeasured, to be measured when it is next sent.
      const loudness = typeof b.loudnessRangeLu === 'number' ? { integrated: b.loudnessLufs, range: b.loudnessRangeLu, truePeak: b.truePeakDbtp ?? null } : null;
      const found = findAsset(stores, staged.assetFile);
      const asset = found ? (found.loudness || !loudness ? found : stores.library.assets.setLoudness(found.id, loudness)) : stores.library.assets.add(
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
      const created = stores.library.bulletins.create(
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
      // Past the workflow (which stamps approval with the current time): a trusted package keeps its own.
      stores.library.bulletins.acceptImported(created.id, status, { approver: b.approver, approvedAt: b.approvedAt });
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
      return { packageId: manifest.packageId, signature, bulletin: stores.library.bulletins.get(created.id), asset, createdAreaIds };
    })();
  } catch (error) {
    if (staged.createdFile && !findAsset(stores, staged.assetFile)) {
      fs.rmSync(path.join(stores.dataDir, staged.assetFile), { force: true });
    }
    throw error;
  }
}

function findAsset(stores: ImportStores, file: string): Asset | null {
  return stores.library.assets.findByFile(file);
}

/**
 * Finds the package's area here by its chain from the province down (by code where the sender
 * had one, else by kind and name), creating the missing links: a commune's package names areas the
 * centre may not have entered yet, and losing the target would send the bulletin nowhere.
 */
function resolveArea(stores: ImportStores, area: PackageArea, actor: string, created: number[]): number {
  let parentId: number | null = null;
  for (const link of [...area.ancestors, area]) {
    const existing = stores.library.areas.findChild(parentId, link);
    if (existing) {
      parentId = existing.id;
      continue;
    }
    const made: Area = stores.library.areas.create({ parentId, kind: link.kind, name: link.name, code: link.code }, actor);
    created.push(made.id);
    parentId = made.id;
  }
  return parentId!;
}

