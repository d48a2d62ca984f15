/**
 * manifest.json of a bulletin package: the self-describing record a USB stick carries from a
 * commune to the centre (or from the studio to the provincial system's offline intake).
 * The schema is the validation of every package read, so a hand-edited or damaged manifest is
 * refused before anything touches the library.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AreaKind, Category, Priority, Repeat, Schedule, Status } from '../../../../shared/api/library-types.ts';
import { LanguageCode } from '../../../../shared/api/define.ts';

export const PACKAGE_FORMAT = 'studio.bulletin-package';
export const PACKAGE_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

/**
 * A file name inside the package: one plain name, no folders, no `..`, no drive letters or
 * separators of any platform (the stick is written on Windows and read anywhere).
 */
export const PackageFileName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a plain file name inside the package (letters, digits, . _ -)')
  .refine((name) => name !== MANIFEST_FILE && !name.includes('..'), 'not a package file name');

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 in lower-case hex');
const Iso = z.iso.datetime({ offset: true });

const AreaRef = z.strictObject({ kind: AreaKind, name: z.string().trim().min(1).max(200), code: z.string().max(50) });
/**
 * A target area as in the delivery metadata (id, kind, name, code) plus its ancestors, province
 * first: ids mean nothing in another library, so an import finds (or creates) areas by the chain.
 */
export const PackageArea = AreaRef.extend({ id: z.number().int().positive(), ancestors: z.array(AreaRef).max(5) });
export type PackageArea = z.infer<typeof PackageArea>;

/**
 * The bulletin: the fields of the delivery metadata (src/main/services/delivery/connector.ts,
 * BulletinMetadata, same names) less the audio file's own facts, which live in `files`, plus what
 * another studio needs to import it whole: the script, its status and the approval time.
 */
export const PackageBulletin = z.strictObject({
  /** The bulletin's id in the studio that wrote the package (for the record only). */
  bulletinId: z.number().int().positive(),
  title: z.string().trim().min(1).max(300),
  script: z.string().max(200_000),
  category: Category,
  language: LanguageCode,
  priority: Priority,
  status: Status,
  schedule: Schedule,
  repeat: Repeat,
  targetAreas: z.array(PackageArea).max(5000),
  author: z.string().max(200),
  approver: z.string().max(200).nullable(),
  approvedAt: Iso.nullable(),
  durationSec: z.number().finite().nonnegative(),
  /** Integrated loudness (LUFS) when it was measured, else null. */
  loudnessLufs: z.number().finite().nullable(),
  /** Loudness range (LU) and true peak (dBTP) when measured; absent in packages from older studios. */
  loudnessRangeLu: z.number().finite().nonnegative().nullable().optional(),
  truePeakDbtp: z.number().finite().nullable().optional(),
});
export type PackageBulletin = z.infer<typeof PackageBulletin>;

export const PackageFile = z.strictObject({
  path: PackageFileName,
  role: z.literal('audio'),
  sha256: Sha256,
  bytes: z.number().int().nonnegative(),
  mimeType: z.string().max(100),
});
export type PackageFile = z.infer<typeof PackageFile>;

export const PackageAudio = z.strictObject({
  /** The asset's name in the library it came from. */
  name: z.string().max(300),
  sampleRate: z.number().int().positive(),
  channels: z.number().int().positive(),
  durationSec: z.number().finite().nonnegative(),
});

export const PackageManifest = z
  .strictObject({
    format: z.literal(PACKAGE_FORMAT),
    formatVersion: z.literal(PACKAGE_FORMAT_VERSION),
    /** Unique per package (the outbox item's idempotency key): importing it twice is refused. */
    packageId: z.string().regex(/^[A-Za-z0-9._:-]{8,200}$/, 'package id'),
    createdAt: Iso,
    generator: z.string().max(200),
    bulletin: PackageBulletin,
    audio: PackageAudio,
    files: z.array(PackageFile).min(1).max(100),
    /** sha256 of the rest of the manifest (see sealOf): a hand edit of the manifest is caught. */
    seal: Sha256,
    /** The writing studio's Ed25519 signature of the seal (package-signing.ts); absent from older studios. */
    signature: z
      .strictObject({
        algorithm: z.literal('ed25519'),
        publicKey: z.string().regex(/^[A-Za-z0-9+/=]{16,200}$/, 'base64 public key'),
        value: z.string().regex(/^[A-Za-z0-9+/=]{16,200}$/, 'base64 signature'),
      })
      .optional(),
  })
  .superRefine((manifest, ctx) => {
    const seen = new Set<string>();
    for (const file of manifest.files) {
      // Case-folded: the same stick is read on case-insensitive Windows file systems.
      const key = file.path.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['files'], message: `file ${file.path} is listed twice` });
      seen.add(key);
    }
    if (manifest.files.filter((file) => file.role === 'audio').length !== 1) {
      ctx.addIssue({ code: 'custom', path: ['files'], message: 'a package carries exactly one audio file' });
    }
  });
export type PackageManifest = z.infer<typeof PackageManifest>;

export const audioFileOf = (manifest: PackageManifest): PackageFile => manifest.files.find((file) => file.role === 'audio')!;

/**
 * sha256 of the manifest without its seal (and signature), over JSON with keys sorted at every
 * level, so the seal does not depend on how a writer orders or indents the keys. It is a
 * tamper-evidence check for edits by hand or by a careless tool; the signature of the seal
 * (package-signing.ts) is what says who wrote the package.
 */
export function sealOf(manifest: Record<string, unknown>): string {
  // The signature signs the seal, so neither is part of what the seal covers.
  const { seal: _seal, signature: _signature, ...rest } = manifest;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}
