/**
 * Loudness for assets that came in without it (older libraries, the WAV-only `asset.import`):
 * measured in a job worker when their bulletin is queued for delivery. A normal or priority item
 * is held (at most HOLD_MS, so a lost measurement never blocks a delivery) until the figures are
 * in its metadata; an emergency item goes at once with null, and the asset is filled in behind it.
 */
import path from 'node:path';
import type { LoudnessResult } from '../../../shared/api/audio.ts';
import type { Asset } from '../../../shared/domain.ts';
import type { JobManager } from '../jobs/job-manager.ts';
import type { AssetStore } from '../library/assets.ts';
import { workerUrl } from '../jobs/worker-files.ts';

/** Longer than measuring an hour of audio takes; after it the item goes without the figures. */
export const HOLD_MS = 5 * 60_000;

const FILE_TOOLS_WORKER = workerUrl('audio/file-tools.worker.ts');

export class AssetMeasurer {
  /** One measurement per asset at a time, however many items wait for it. */
  private readonly inFlight = new Map<number, Promise<Asset | null>>();

  constructor(
    private readonly deps: { dataDir: string; jobs: () => JobManager; assets: () => AssetStore; log?(line: string): void },
  ) {}

  /**
   * Measures the asset (any format the importer decodes) and stores the figures. Resolves with the
   * updated asset, or null when it could not be measured; never rejects: delivery goes on anyway.
   */
  measure(asset: Asset): Promise<Asset | null> {
    const running = this.inFlight.get(asset.id);
    if (running) return running;
    const promise = this.run(asset).finally(() => this.inFlight.delete(asset.id));
    this.inFlight.set(asset.id, promise);
    return promise;
  }

  private async run(asset: Asset): Promise<Asset | null> {
    try {
      const jobs = this.deps.jobs();
      const job = jobs.start<{ tool: 'loudness'; path: string }, LoudnessResult>({
        kind: 'audio.loudness',
        title: `Đo độ to trước khi gửi: ${asset.name}`,
        worker: FILE_TOOLS_WORKER,
        input: { tool: 'loudness', path: path.join(this.deps.dataDir, asset.file) },
      });
      const done = await jobs.wait(job.id);
      if (done.state !== 'done') {
        this.deps.log?.(`loudness of asset ${asset.id} not measured: ${done.error?.message ?? done.state}`);
        return null;
      }
      return this.deps.assets().setLoudness(asset.id, done.result as LoudnessResult);
    } catch (error) {
      // Closing studio, deleted asset: the item still goes, with null figures.
      this.deps.log?.(`loudness of asset ${asset.id} not measured: ${(error as Error).message}`);
      return null;
    }
  }
}
