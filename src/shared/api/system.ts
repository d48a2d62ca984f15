import { z } from 'zod';
import { label, userPath } from '../text.ts';
import { Settings, type Asset, type JobInfo } from '../domain.ts';
import { request } from './define.ts';

export interface AppInfo {
  version: string;
  dataDir: string;
  transport: 'electron' | 'bridge' | 'cli' | 'test';
}

export const systemRequests = {
  'app.info': request<AppInfo>()(z.strictObject({})),
  'settings.get': request<Settings>()(z.strictObject({})),
  'settings.update': request<Settings>()(Settings.partial()),

  'job.list': request<JobInfo[]>()(z.strictObject({})),
  'job.cancel': request<JobInfo>()(z.strictObject({ id: z.string().min(1).max(100) })),

  /** Copies a copy of the whole library (database and files list) to a folder, as a job. */
  'library.backup': request<JobInfo>()(z.strictObject({ destDir: userPath() })),
  /** Copies an audio file into the data directory, hashing and probing it, as a job. */
  'asset.import': request<JobInfo>()(
    z.strictObject({ path: userPath(), name: label(300).optional() }),
  ),
  'asset.list': request<Asset[]>()(z.strictObject({})),
  'asset.get': request<Asset>()(z.strictObject({ id: z.number().int().positive() })),
} as const;
