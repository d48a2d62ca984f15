import type { Db } from '../../storage/index.ts';
import type { PackageManifest } from './manifest.ts';

/**
 * The bulletin of this studio a package was written from, or null. A package's id is the
 * idempotency key of the outbox item that wrote it, so a package this studio made (a USB stick
 * brought back, a copy in the export folder) is known by its outbox row: importing it would only
 * make a second copy of a bulletin that is already here.
 */
export function ownBulletinOf(db: Db, manifest: PackageManifest): number | null {
  const id = db
    .prepare('SELECT o.bulletin_id FROM outbox o JOIN bulletins b ON b.id = o.bulletin_id WHERE o.idempotency_key = ?')
    .pluck()
    .get(manifest.packageId) as number | undefined;
  return id ?? null;
}
