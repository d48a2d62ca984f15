/**
 * manifest.json of a programme package: a finished programme's rendered audio and its running
 * order, on a USB stick or in a shared folder (docs/package-format.md). Its own format name, so a
 * studio that reads bulletin packages refuses it by name instead of misreading it.
 */
import { z } from 'zod';
import { ItemKind, Priority } from '../../../../shared/api/library-types.ts';
import { LanguageCode } from '../../../../shared/api/define.ts';
import { PackageFile } from './manifest.ts';

export const PROGRAMME_PACKAGE_FORMAT = 'studio.programme-package';
export const PROGRAMME_PACKAGE_VERSION = 1;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 in lower-case hex');

export const PackageProgramme = z.strictObject({
  /** The programme's id in the studio that wrote the package (for the record only). */
  programmeId: z.number().int().positive(),
  title: z.string().trim().min(1).max(300),
  language: LanguageCode,
  priority: Priority,
  presetLufs: z.union([z.literal(-23), z.literal(-16)]),
  durationSec: z.number().finite().nonnegative(),
  loudnessLufs: z.number().finite().nullable(),
  loudnessRangeLu: z.number().finite().nonnegative().nullable(),
  truePeakDbtp: z.number().finite().nullable(),
  items: z
    .array(
      z.strictObject({
        kind: ItemKind,
        title: z.string().max(300),
        bulletinId: z.number().int().positive().nullable(),
        startSec: z.number().finite().nonnegative(),
        durationSec: z.number().finite().nonnegative(),
      }),
    )
    .min(1)
    .max(500),
});

export const ProgrammeManifest = z.strictObject({
  format: z.literal(PROGRAMME_PACKAGE_FORMAT),
  formatVersion: z.literal(PROGRAMME_PACKAGE_VERSION),
  packageId: z.string().regex(/^[A-Za-z0-9._:-]{8,200}$/, 'package id'),
  createdAt: z.iso.datetime({ offset: true }),
  generator: z.string().max(200),
  programme: PackageProgramme,
  /** Exactly one file: the rendered programme. */
  files: z.array(PackageFile).length(1),
  seal: Sha256,
  signature: z
    .strictObject({
      algorithm: z.literal('ed25519'),
      publicKey: z.string().regex(/^[A-Za-z0-9+/=]{16,200}$/),
      value: z.string().regex(/^[A-Za-z0-9+/=]{16,200}$/),
    })
    .optional(),
});
export type ProgrammeManifest = z.infer<typeof ProgrammeManifest>;
