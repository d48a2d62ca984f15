/**
 * Updates (issue 16): where updates come from, checking a source, downloading and installing as
 * jobs. Refusals are coded errors (`update_*`, with `details.reason`) worded by the screen and the CLI.
 */
import { z } from 'zod';
import type { JobInfo } from '../domain.ts';
import { userPath } from '../text.ts';
import { request } from './define.ts';
import type { UpdateCheck, UpdateDownloadResult, UpdateInstallResult, UpdateSettings, UpdateStatus } from './updates-types.ts';

export type * from './updates-types.ts';

/** Only https for a server: an update is code, never fetched in the clear (a folder is served on 127.0.0.1). */
const ServerUrl = z.url({ protocol: /^https$/ }).max(2000);

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
} as const;

export interface UpdatesJobResults {
  'updates.download': UpdateDownloadResult;
  'updates.install': UpdateInstallResult;
}
