/**
 * Bulletin packages (issue 5): the folder or USB-stick form of a delivery, read back into a library.
 * Writing one is a delivery like any other ('delivery.enqueue' with to: 'package').
 */
import { z } from 'zod';
import { userPath } from '../text.ts';
import type { Asset, Bulletin, Category, Priority, Status } from './library-types.ts';
import type { JobInfo } from './jobs.ts';
import { request } from './define.ts';

const packagePath = userPath();

/** What the user sees before importing: read from manifest.json only, nothing verified yet. */
export interface PackageSummary {
  dir: string;
  packageId: string;
  createdAt: string;
  generator: string;
  title: string;
  category: Category;
  language: string;
  priority: Priority;
  status: Status;
  author: string;
  approver: string | null;
  durationSec: number;
  files: { path: string; bytes: number }[];
  /** Set when the same package was imported before. */
  importedBulletinId: number | null;
  /** The bulletin of this studio the package was written from (importing it is refused), else null. */
  ownBulletinId: number | null;
  /**
   * Whether its approval will be kept: 'trusted' (signed by a trusted studio), 'untrusted' (signed
   * by a studio not in Settings' trusted keys) or 'unsigned' import as submitted; 'invalid' (a
   * signature that does not verify) is refused.
   */
  signature: 'trusted' | 'untrusted' | 'unsigned' | 'invalid';
  /** Fingerprint of the signing key (16 hex), when signed. */
  signerKeyId: string | null;
}

export const packageRequests = {
  /** Reads a package's manifest (the folder or its manifest.json) for a preview; verifies nothing. */
  'package.inspect': request<PackageSummary>()(z.strictObject({ path: packagePath })),
  /**
   * Verifies every checksum and imports the bulletin and its audio in one transaction, as a job;
   * the job's result is `{ packageId, bulletin, asset, createdAreaIds, signature }`. Only a package
   * signed by a trusted studio keeps its approval; any other lands as submitted. A package with a missing,
   * altered or unlisted file is refused whole (error `package_rejected`).
   */
  'package.import': request<JobInfo<'package.import'>>()(z.strictObject({ path: packagePath })),
} as const;

/** A package read into the library: the bulletin, its audio, and what its signature was judged. */
export interface ImportedPackage {
  packageId: string;
  /** Only 'trusted' kept the approval the bulletin arrived with. */
  signature: 'trusted' | 'untrusted' | 'unsigned';
  bulletin: Bulletin;
  asset: Asset;
  /** Areas that did not exist here and were created from the package's names and codes. */
  createdAreaIds: number[];
}
