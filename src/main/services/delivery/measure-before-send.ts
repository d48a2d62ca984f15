/**
 * Loudness for assets that came in without it (older libraries, the WAV-only `asset.import`):
 * measured in a job worker when their bulletin is queued for delivery. A normal or priority item
 * is held (at most HOLD_MS, so a lost measurement never blocks a delivery) until the figures are
 * in its metadata; an emergency item goes at once with null, and the asset is filled in behind it.
 */
import type { Asset } from '../../../shared/api/library-types.ts';

/** Longer than measuring an hour of audio takes; after it the item goes without the figures. */
export const HOLD_MS = 5 * 60_000;

export class AssetMeasurer {
  /** One measurement per asset at a time, however many items wait for it. */
  private readonly inFlight = new Map<number, Promise<Asset | null>>();

  constructor(
    private readonly deps: {
      /** The audio service's measurement of an asset's file, a job; it stores the figures with the asset. */
      measureAsset(asset: Asset): Promise<Asset>;
      log?(line: string): void;
    },
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
      return await this.deps.measureAsset(asset);
    } catch (error) {
      // A failed measurement, a closing studio, a deleted asset: the item still goes, with null figures.
      this.deps.log?.(`loudness of asset ${asset.id} not measured: ${(error as Error).message}`);
      return null;
    }
  }
}
