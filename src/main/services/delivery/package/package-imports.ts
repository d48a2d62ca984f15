/**
 * Reading packages back into the library: the preview from the manifest alone, and the import as a
 * job (copy and verify in a worker, then one transaction on the main thread; see commit-import.ts).
 */
import path from 'node:path';
import type { JobInfo } from '../../../../shared/api/jobs.ts';
import type { PackageSummary } from '../../../../shared/api/package.ts';
import { workerUrl, type JobManager } from '../../jobs/index.ts';
import { commitImport, type ImportStores } from './commit-import.ts';
import type { ImportPackageInput } from './import-package.worker.ts';
import type { PackageManifest } from './manifest.ts';
import { ownBulletinOf } from './own-package.ts';
import { judgeSignature, keyId, type SignatureState } from './package-signing.ts';
import type { StagedImport } from './stage-import.ts';
import { packageDirOf, readManifest } from './verify-package.ts';

/** For the preview: whether the approval would be kept, and by whose key. */
function signatureSummary(manifest: PackageManifest, trusted: readonly string[]): { signature: SignatureState | 'invalid'; signerKeyId: string | null } {
  const signerKeyId = manifest.signature ? keyId(manifest.signature.publicKey) : null;
  try {
    return { signature: judgeSignature(manifest.seal, manifest.signature, trusted), signerKeyId };
  } catch {
    return { signature: 'invalid', signerKeyId };
  }
}

export interface PackageImportDeps extends ImportStores {
  jobs: JobManager;
  trustedKeys: () => readonly string[];
}

export function packageImports(deps: PackageImportDeps) {
  return {
    /** What the user sees before importing: read from manifest.json only, nothing verified yet. */
    inspect(picked: string): PackageSummary {
      const dir = packageDirOf(picked);
      const manifest = readManifest(dir);
      const b = manifest.bulletin;
      const imported = deps.db.prepare('SELECT bulletin_id FROM package_imports WHERE package_id = ?').pluck().get(manifest.packageId) as number | null | undefined;
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
        ownBulletinId: ownBulletinOf(deps.db, manifest),
        ...signatureSummary(manifest, deps.trustedKeys()),
      };
    },

    /** Copies and verifies the package in a job, then records its bulletin and audio. */
    import(picked: string, actor: string): JobInfo<'package.import'> {
      const dir = packageDirOf(picked);
      return deps.jobs.start<'package.import', ImportPackageInput, StagedImport>({
        kind: 'package.import',
        subject: path.basename(dir),
        worker: workerUrl('delivery/package/import-package.worker.ts'),
        input: { path: dir, dataDir: deps.dataDir },
        finish: (staged) => commitImport(deps, staged, actor, deps.trustedKeys()),
      });
    },
  };
}
