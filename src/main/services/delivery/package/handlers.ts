import path from 'node:path';
import type { Handlers } from '../../../dispatch.ts';
import type { StudioServices } from '../../../studio.ts';
import { commitImport, type ImportedPackage } from './commit-import.ts';
import type { ImportPackageInput } from './import-package.worker.ts';
import type { StagedImport } from './stage-import.ts';
import type { PackageManifest } from './manifest.ts';
import { judgeSignature, keyId, type SignatureState } from './package-signing.ts';
import { packageDirOf, readManifest } from './verify-package.ts';
import { workerUrl } from '../../jobs/worker-files.ts';

/** For the preview: whether the approval would be kept, and by whose key. */
function signatureSummary(manifest: PackageManifest, trusted: readonly string[]): { signature: SignatureState | 'invalid'; signerKeyId: string | null } {
  const signerKeyId = manifest.signature ? keyId(manifest.signature.publicKey) : null;
  try {
    return { signature: judgeSignature(manifest.seal, manifest.signature, trusted), signerKeyId };
  } catch {
    return { signature: 'invalid', signerKeyId };
  }
}

export const packageHandlers = (s: StudioServices) =>
  ({
    'package.inspect': ({ path: picked }) => {
      const dir = packageDirOf(picked);
      const manifest = readManifest(dir);
      const b = manifest.bulletin;
      const imported = s.db.prepare('SELECT bulletin_id FROM package_imports WHERE package_id = ?').pluck().get(manifest.packageId) as
        | number
        | null
        | undefined;
      return {
        dir,
        packageId: manifest.packageId,
        createdAt: manifest.createdAt,
        generator: manifest.generator,
        title: b.title,
        category: b.category,
        language: b.language,
        priority: b.priority,
        status: b.status,
        author: b.author,
        approver: b.approver,
        durationSec: b.durationSec,
        files: manifest.files.map((file) => ({ path: file.path, bytes: file.bytes })),
        importedBulletinId: imported ?? null,
        ...signatureSummary(manifest, s.delivery.settings.trustedKeys()),
      };
    },
    'package.import': ({ path: picked }, ctx) => {
      const dir = packageDirOf(picked);
      return s.jobs.start<ImportPackageInput, StagedImport>({
        kind: 'package.import',
        title: `Nhập gói ${path.basename(dir)}`,
        worker: workerUrl('delivery/package/import-package.worker.ts'),
        input: { path: dir, dataDir: s.dataDir },
        finish: (staged): ImportedPackage => {
          const imported = commitImport(s, staged, ctx.actor, s.delivery.settings.trustedKeys());
          s.events.emit('library.changed', { entity: 'asset', id: imported.asset.id });
          s.events.emit('library.changed', { entity: 'bulletin', id: imported.bulletin.id });
          if (imported.createdAreaIds.length > 0) s.events.emit('library.changed', { entity: 'area', id: null });
          return imported;
        },
      });
    },
  }) satisfies Partial<Handlers>;
