import yaml from 'js-yaml';
import semver from 'semver';
import { z } from 'zod';
import { updateError } from './update-error.ts';

/** The name electron-updater's generic provider asks for on the default channel (Windows). */
export const MANIFEST_FILE = 'latest.yml';

/**
 * electron-builder's update metadata (`latest.yml`, generic provider), as electron-builder 24–26
 * writes it: `files` is the list electron-updater reads; `path`/`sha512` at the top level are the
 * deprecated single-file form, still written and still read by older updaters.
 */
const FileEntry = z.object({
  url: z.string().min(1),
  sha512: z.string().min(1),
  size: z.number().int().nonnegative().optional(),
  /** Present when the block map is embedded in the file itself (AppImage, web-installer package). */
  blockMapSize: z.number().int().nonnegative().optional(),
  isAdminRightsRequired: z.boolean().optional(),
});

const ReleaseNote = z.object({ version: z.string(), note: z.string().nullable() });

const Manifest = z.object({
  // YAML reads `version: 1.10` as a number; electron-builder always quotes nothing, so accept both.
  version: z.union([z.string(), z.number()]).transform(String),
  files: z.array(FileEntry).min(1).optional(),
  path: z.string().min(1).optional(),
  sha512: z.string().min(1).optional(),
  releaseDate: z.union([z.string(), z.date()]).transform((d) => (d instanceof Date ? d.toISOString() : d)).optional(),
  releaseName: z.string().nullable().optional(),
  releaseNotes: z.union([z.string(), z.array(ReleaseNote)]).nullable().optional(),
  stagingPercentage: z.number().optional(),
  minimumSystemVersion: z.string().optional(),
});

export type UpdateFile = z.infer<typeof FileEntry>;

export interface UpdateManifest {
  /** Normalised semver (a leading "v" dropped); build metadata kept. */
  version: string;
  files: UpdateFile[];
  releaseDate: string | null;
  releaseName: string | null;
  /** Notes as plain text; a list of per-version notes is joined newest first. */
  releaseNotes: string | null;
}

/** Parses the text of a `latest.yml`; any defect is a coded `update_invalid_manifest` error. */
export function parseLatestYml(text: string): UpdateManifest {
  let raw: unknown;
  try {
    raw = yaml.load(text);
  } catch (error) {
    throw updateError('update_invalid_manifest', 'manifest_unreadable', { cause: (error as Error).message });
  }
  const parsed = Manifest.safeParse(raw);
  if (!parsed.success) {
    throw updateError('update_invalid_manifest', 'manifest_shape', { issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
  }
  const data = parsed.data;
  // Build metadata is kept as written (semver.clean would drop it); only a leading "v" goes.
  const version = data.version.trim().replace(/^[=v]+/, '');
  if (!semver.valid(version)) throw updateError('update_invalid_manifest', 'version_invalid', { version: data.version });
  // The deprecated top-level form stands in when `files` is absent (metadata from electron-builder < 20).
  const files = data.files ?? (data.path && data.sha512 ? [{ url: data.path, sha512: data.sha512 }] : null);
  if (!files) throw updateError('update_invalid_manifest', 'manifest_shape', { issues: ['files: missing'] });
  return {
    version,
    files,
    releaseDate: data.releaseDate ?? null,
    releaseName: data.releaseName ?? null,
    releaseNotes: notesText(data.releaseNotes),
  };
}

function notesText(notes: z.infer<typeof Manifest>['releaseNotes']): string | null {
  if (notes == null) return null;
  if (typeof notes === 'string') return notes;
  return notes.map((n) => `${n.version}\n${n.note ?? ''}`.trim()).join('\n\n');
}

/** Writes a `latest.yml` in electron-builder's own layout (files, then the deprecated path/sha512). */
export function stringifyLatestYml(manifest: UpdateManifest): string {
  const [main] = manifest.files;
  const doc: Record<string, unknown> = {
    version: manifest.version,
    files: manifest.files.map((f) => ({ ...f })),
    path: main?.url,
    sha512: main?.sha512,
    releaseDate: manifest.releaseDate ?? new Date().toISOString(),
  };
  if (manifest.releaseName) doc.releaseName = manifest.releaseName;
  if (manifest.releaseNotes) doc.releaseNotes = manifest.releaseNotes;
  return yaml.dump(doc, { lineWidth: -1, quotingType: "'" });
}
