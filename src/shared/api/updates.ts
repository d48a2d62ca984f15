/**
 * Updates (issue 16): where updates come from, checking a source, downloading and installing as
 * jobs. Refusals are coded errors (`update_*`, with `details.reason`) worded by the screen and the CLI.
 */
import { z } from 'zod';
import type { JobInfo } from './jobs.ts';
import { userPath } from '../text.ts';
import { request } from './define.ts';
import type { UpdateCheck, UpdateDownloadResult, UpdateFolderPrepared, UpdateInstallResult, UpdateSettings, UpdateStatus } from './updates-types.ts';

export type * from './updates-types.ts';

/** Only https for a server: an update is code, never fetched in the clear (plain http only on this computer, 127.0.0.1). */
const ServerUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .refine((url) => url.startsWith('https:') || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(url), { message: 'https only (http only on 127.0.0.1)' });

export const UpdateSourceInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('server'), url: ServerUrl }),
  z.strictObject({ kind: z.literal('folder'), path: userPath() }),
]);

export const updatesRequests = {
  'updates.settings.get': request<UpdateSettings>()(z.strictObject({})),
  'updates.settings.update': request<UpdateSettings>()(
    z.strictObject({ source: UpdateSourceInput.nullable().optional(), publisherName: z.string().trim().min(1).max(200).nullable().optional() }),
  ),
  'updates.status': request<UpdateStatus>()(z.strictObject({})),
  /** Checks the configured source (or `from`, for the CLI's --from). `allowDowngrade` is the technician's explicit choice. */
  'updates.check': request<UpdateCheck>()(z.strictObject({ from: UpdateSourceInput.optional(), allowDowngrade: z.boolean().default(false) })),
  /** Downloads the update the last check found (electron-updater, sha512 and signature checked), as a job. */
  'updates.download': request<JobInfo>()(z.strictObject({})),
  /** Backs the library up (the library backup job), then installs now (restart) or when the studio quits, as a job. */
  'updates.install': request<JobInfo>()(z.strictObject({ when: z.enum(['now', 'quit']).default('quit') })),
  /** Copies a release (installer, block map, latest.yml) to a folder for a USB stick or a LAN share, verified on both sides, as a job. */
  'updates.folder.prepare': request<JobInfo>()(z.strictObject({ installer: userPath(), out: userPath() })),
} as const;

export interface UpdatesJobResults {
  'updates.folder.prepare': UpdateFolderPrepared;
  'updates.download': UpdateDownloadResult;
  'updates.install': UpdateInstallResult;
}
