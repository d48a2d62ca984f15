/**
 * Delivery, wired: the outbox store and runner, connection settings, and the two connectors.
 * openStudio creates it and calls start(); close() stops the runner cleanly.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ConnectionInfo, DeliverySettings, DeliveryTarget, OutboxItem } from '../../../shared/api/delivery.ts';
import { clearedForAir, type Asset, type Bulletin } from '../../../shared/api/library-types.ts';
import type { EventName, StudioEvents } from '../../../shared/events.ts';
import { StudioError } from '../../../shared/errors.ts';
import type { SecretStore } from '../../platform.ts';
import type { AudioService, DeliveredAudio, LoudnessPreset } from '../audio/index.ts';
import type { AuditTrail } from '../audit/index.ts';
import type { JobManager } from '../jobs/index.ts';
import type { Library } from '../library/index.ts';
import type { Db } from '../storage/index.ts';
import { backoffFromEnv, type BackoffOptions } from './backoff.ts';
import type { BulletinMetadata, Connector, LedNoticeInfo } from './connector.ts';
import { assertTokenOrigin, DeliverySettingsStore } from './delivery-settings.ts';
import { OutboxLease } from './outbox-lease.ts';
import { OutboxRunner, type ConnectorHooks } from './outbox-runner.ts';
import { OutboxStore } from './outbox-store.ts';
import { AssetMeasurer, HOLD_MS } from './measure-before-send.ts';
import { describeArea, describeBulletin, loudnessFields } from './package/describe-bulletin.ts';
import { PackageConnector } from './package/package-connector.ts';
import { packageImports } from './package/package-imports.ts';
import { SourceConnector, sourceLimitsFromEnv } from './source/source-connector.ts';
import { pollIntervalFromEnv, StatusPoller } from './status-poller.ts';
import { snapshotProgramme } from './programme-payload.ts';
import { pruneDeliveryFiles } from './prune-files.ts';
import { mediaType } from '../media/index.ts';

export interface DeliveryDeps {
  db: Db;
  dataDir: string;
  version: string;
  secrets: SecretStore;
  audit: AuditTrail;
  library: Library;
  audio: AudioService;
  jobs: JobManager;
  emit<N extends EventName>(name: N, payload: StudioEvents[N]): void;
  backoff?: BackoffOptions;
  /** How often delivered items' statuses are asked for (default: a minute, or STUDIO_STATUS_POLL_MS). */
  statusPollMs?: number;
  log?(line: string): void;
}

export interface NoticePackageInput {
  bulletinId: number;
  /** Absolute path of the package (zip) inside the data folder. */
  file: string;
  sha256: string;
  bytes: number;
  notice: LedNoticeInfo;
  /** A server URL other than the configured one (same origin only), else the configured one. */
  dest?: string;
}

type DescribedBulletin = Pick<BulletinMetadata, 'bulletinId' | 'title' | 'category' | 'language' | 'priority' | 'schedule' | 'repeat' | 'author' | 'approver'> & {
  targetAreas: BulletinMetadata['targetAreas'];
};

/** The bulletin's part of the metadata, whatever file goes with it. */
const bulletinMetadata = (b: DescribedBulletin) => ({
  bulletinId: b.bulletinId,
  title: b.title,
  category: b.category,
  language: b.language,
  priority: b.priority,
  schedule: b.schedule,
  repeat: b.repeat,
  targetAreas: b.targetAreas.map(({ id, kind, name, code }) => ({ id, kind, name, code })),
  author: b.author,
  approver: b.approver,
});

export class DeliveryService {
  readonly outbox: OutboxStore;
  readonly settings: DeliverySettingsStore;
  /** Packages read back into the library (preview, import job). */
  readonly packages: ReturnType<typeof packageImports>;
  private readonly runner: OutboxRunner;
  private readonly measurer: AssetMeasurer;
  private readonly poller: StatusPoller;
  /** Set on close: a measurement cut short by closing keeps its item held for the next start. */
  private closing = false;

  constructor(private readonly deps: DeliveryDeps) {
    this.outbox = new OutboxStore(deps.db);
    this.settings = new DeliverySettingsStore(deps.db, deps.secrets, deps.audit, deps.dataDir);
    this.packages = packageImports({ ...deps, trustedKeys: () => this.settings.trustedKeys() });
    this.measurer = new AssetMeasurer({ measureAsset: (asset) => deps.audio.measureAsset(asset), log: deps.log });
    this.runner = new OutboxRunner({
      store: this.outbox,
      lease: new OutboxLease(deps.db),
      dataDir: deps.dataDir,
      connectorFor: (item, hooks) => this.connectorFor(item.target, item.dest, hooks),
      emit: deps.emit,
      backoff: deps.backoff ?? backoffFromEnv(),
      log: deps.log,
      onDelivered: (item) => {
        this.pruneFiles();
        const { bulletins } = deps.library;
        try {
          // A bulletin is delivered when its audio is; its LED notice package does not count.
          const audio = this.outbox.contentType(item.id) === 'audio';
          if (audio && item.bulletinId !== null && bulletins.get(item.bulletinId).status === 'approved') bulletins.transition(item.bulletinId, 'delivered', 'outbox');
          if (audio && item.bulletinId !== null && item.target === 'source' && item.remoteStatus) bulletins.recordSourceVerdict(item.bulletinId, item.remoteStatus, item.remoteReason);
          // The programme screen shows its deliveries' states.
          if (item.programmeId !== null) deps.library.programmes.touched(item.programmeId);
        } catch {
          // The bulletin was edited or deleted since it was queued; the delivery itself stands.
        }
      },
    });
    this.poller = new StatusPoller({
      awaiting: () => this.outbox.awaitingVerdict(),
      refresh: (id) => this.refreshStatus(id),
      intervalMs: deps.statusPollMs ?? pollIntervalFromEnv(),
      log: deps.log,
    });
  }

  start(): void {
    this.closing = false;
    this.runner.start();
    this.poller.start();
    this.resumeHeldMeasurements();
    this.pruneFiles();
  }

  /**
   * Removes the files of deliveries finished longer ago than the setting (keepFilesDays) from
   * `deliveries/` and `outbox-files/`; a waiting delivery's files stay. Answers what went.
   */
  pruneFiles(now?: number): string[] {
    try {
      const removed = pruneDeliveryFiles({ dataDir: this.deps.dataDir, keepDays: this.settings.keepFilesDays(), references: this.outbox.fileReferences(), now });
      if (removed.length > 0) this.deps.log?.(`delivery: removed ${removed.length} file(s) of finished deliveries`);
      return removed;
    } catch (error) {
      // Housekeeping: a failure here must never stop a start-up or a delivery.
      this.deps.log?.(`delivery: could not remove old delivery files: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  }

  /**
   * Items queued by a process that closed before their loudness was measured would otherwise wait
   * out the whole hold: measure them again now (the asset by the file the item snapshotted).
   */
  private resumeHeldMeasurements(): void {
    const items = this.outbox.heldForLoudness();
    if (items.length === 0) return;
    const assets = this.deps.library.assets.list();
    for (const held of items) {
      const asset = assets.find((a) => a.file === held.audioFile && a.sha256 === held.sha256);
      if (asset?.loudness) {
        const changed = this.outbox.fillLoudness(held.item.id, loudnessFields(asset.loudness));
        if (changed) this.runner.wake(changed);
      } else if (asset) {
        void this.fillLoudnessLater(asset, held.item);
      } else {
        const changed = this.outbox.releaseHold(held.item.id);
        if (changed) this.runner.wake(changed);
      }
    }
  }

  /** Stops the runner (the studio is closing, or a test stops it). */
  async close(): Promise<void> {
    this.closing = true;
    await this.poller.close();
    await this.runner.close();
  }

  async connectorFor(target: DeliveryTarget, dest: string, hooks?: ConnectorHooks): Promise<Connector> {
    if (target === 'package') {
      const { dataDir, version } = this.deps;
      return new PackageConnector({ dataDir, version, library: this.deps.library }, dest);
    }
    // The item's own address (a `--dest` URL) may differ from the configured one only in its path:
    // the stored token goes nowhere but the configured server's origin (connection() refuses).
    const connection = await this.settings.connection({ serverUrl: dest });
    return new SourceConnector({ ...connection, serverUrl: dest, onWireBytes: hooks?.onWireBytes, ...sourceLimitsFromEnv() });
  }

  /** A bulletin or a programme into the outbox (the request names exactly one). */
  async enqueueItem(what: { bulletinId?: number; programmeId?: number }, target: DeliveryTarget, dest: string | undefined, loudness?: LoudnessPreset): Promise<OutboxItem> {
    return what.programmeId !== undefined ? this.enqueueProgramme(what.programmeId, target, dest) : this.enqueue(what.bulletinId!, target, dest, loudness);
  }

  /** Snapshots a programme's current render (every bulletin in it approved) into a queued outbox item. */
  enqueueProgramme(programmeId: number, target: DeliveryTarget, dest: string | undefined): OutboxItem {
    const programme = this.deps.audio.withRender(this.deps.library.programmes.get(programmeId));
    const resolvedDest = this.resolveDest(target, dest);
    const { audioFile, metadata } = snapshotProgramme(programme, this.deps.dataDir);
    const item = this.outbox.enqueue({ programmeId, title: programme.title, target, dest: resolvedDest, priority: 'normal', payload: { audioFile, metadata } });
    this.deps.emit('outbox.changed', item);
    this.runner.wake(item);
    return item;
  }

  /**
   * Snapshots the approved bulletin and its audio into a queued outbox item. The audio is the
   * bulletin's edit document (audio face `bulletinAudio`), rendered when it has edits and
   * normalised to `loudness` when asked: what the editor hears is what goes out.
   */
  async enqueue(bulletinId: number, target: DeliveryTarget, dest: string | undefined, loudness?: LoudnessPreset): Promise<OutboxItem> {
    const { dataDir } = this.deps;
    const { bulletins, assets, areas } = this.deps.library;
    const before = bulletins.get(bulletinId);
    this.destinationFor(before, target, dest);
    const rendered: DeliveredAudio | null = before.audioAssetId === null ? null : await this.deps.audio.renderBulletinAudio(bulletinId, loudness);
    // Checked again after the render: the bulletin may have been sent back or edited meanwhile.
    const bulletin = bulletins.get(bulletinId);
    const resolvedDest = this.destinationFor(bulletin, target, dest);
    if (bulletin.audioAssetId !== before.audioAssetId) {
      throw new StudioError('conflict', 'the bulletin’s audio changed while it was being prepared', { reason: 'bulletin_audio_changed', title: bulletin.title });
    }
    // The source file itself (unedited) is an asset whose loudness may still be missing.
    const asset = rendered && rendered.file === assets.get(bulletin.audioAssetId!).file ? assets.get(bulletin.audioAssetId!) : null;
    const described = describeBulletin(bulletin, rendered, areas.list(), dataDir);
    const b = described.bulletin;
    const audio = described.audio;
    // Unmeasured audio is measured now; only an emergency item is never held for it.
    const unmeasured = asset !== null && asset.loudness === null;
    const hold = unmeasured && bulletin.priority !== 'emergency';
    const item = this.outbox.enqueue({
      holdUntil: hold ? Date.now() + HOLD_MS : undefined,
      bulletinId,
      title: bulletin.title,
      target,
      dest: resolvedDest,
      priority: bulletin.priority,
      payload: {
        audioFile: path.relative(dataDir, audio.path),
        metadata: {
          ...bulletinMetadata(b),
          durationSec: b.durationSec,
          loudnessLufs: b.loudnessLufs,
          loudnessRangeLu: b.loudnessRangeLu ?? null,
          truePeakDbtp: b.truePeakDbtp ?? null,
          sha256: audio.sha256,
          bytes: audio.bytes,
          fileName: path.basename(audio.path),
          mimeType: mediaType(audio.path),
        },
      },
    });
    this.deps.emit('outbox.changed', item);
    this.runner.wake(item);
    if (unmeasured) void this.fillLoudnessLater(asset, item);
    return item;
  }

  /**
   * Queues an LED board notice package (a zip in the data folder) of an approved bulletin for the
   * source system: the same outbox, idempotency, resume and retries as its audio, with
   * `contentType: 'led-notice'` in the metadata.
   */
  enqueueNoticePackage(input: NoticePackageInput): OutboxItem {
    const { dataDir } = this.deps;
    const { bulletins, areas } = this.deps.library;
    const bulletin = bulletins.get(input.bulletinId);
    const resolvedDest = this.destinationFor(bulletin, 'source', input.dest);
    const byId = new Map(areas.list().map((area) => [area.id, area]));
    const b = { ...bulletin, targetAreas: bulletin.targetAreaIds.map((id) => describeArea(byId, id)) };
    const item = this.outbox.enqueue({
      bulletinId: bulletin.id,
      title: bulletin.title,
      target: 'source',
      dest: resolvedDest,
      priority: bulletin.priority,
      payload: {
        audioFile: path.relative(dataDir, input.file),
        metadata: {
          ...bulletinMetadata({ ...b, bulletinId: bulletin.id }),
          durationSec: null,
          loudnessLufs: null,
          sha256: input.sha256,
          bytes: input.bytes,
          fileName: path.basename(input.file),
          mimeType: 'application/zip',
          contentType: 'led-notice',
          notice: input.notice,
        },
      },
    });
    this.deps.emit('outbox.changed', item);
    this.runner.wake(item);
    return item;
  }

  /** Where an approved bulletin's item goes: the checked destination, or a coded refusal. */
  private destinationFor(bulletin: Bulletin, target: DeliveryTarget, dest: string | undefined): string {
    if (!clearedForAir(bulletin.status)) {
      throw new StudioError('invalid_transition', 'only an approved bulletin is sent', { reason: 'bulletin_not_approved', title: bulletin.title });
    }
    return this.resolveDest(target, dest);
  }

  /** The checked destination of an item: the server (same origin as the configured one) or a folder. */
  private resolveDest(target: DeliveryTarget, dest: string | undefined): string {
    const resolvedDest = target === 'source' ? (dest ?? this.settings.serverUrl()) : dest ? path.resolve(dest) : '';
    if (!resolvedDest) {
      throw new StudioError('invalid_argument', `no ${target} destination`, { reason: target === 'source' ? 'server_url_missing' : 'package_folder_missing' });
    }
    if (target === 'source' && !/^https?:\/\//.test(resolvedDest)) {
      throw new StudioError('invalid_argument', `not an http(s) address: ${resolvedDest}`, { reason: 'server_url_invalid', url: resolvedDest });
    }
    if (target === 'source') assertTokenOrigin(resolvedDest, this.settings.serverUrl());
    return resolvedDest;
  }

  /** Measures the asset in a job, then completes the item's metadata and lets a held item go. */
  private async fillLoudnessLater(asset: Asset, item: OutboxItem): Promise<void> {
    const measured = await this.measurer.measure(asset);
    if (this.closing && !measured) return;
    try {
      const changed = measured ? this.outbox.fillLoudness(item.id, loudnessFields(measured.loudness)) : this.outbox.releaseHold(item.id);
      if (!changed) return;
      this.deps.emit('outbox.changed', changed);
      this.runner.wake(changed);
    } catch (error) {
      // The studio closed meanwhile; a held item goes when its hold runs out.
      this.deps.log?.(`outbox item ${item.id}: loudness not added: ${(error as Error).message}`);
    }
  }

  retry(id: number): OutboxItem {
    const item = this.outbox.retry(id, (audioFile) => fs.existsSync(path.resolve(this.deps.dataDir, audioFile)));
    this.deps.emit('outbox.changed', item);
    this.runner.wake(item);
    return item;
  }

  cancel(id: number): OutboxItem {
    const item = this.outbox.cancel(id);
    this.runner.abortItem(id);
    this.deps.emit('outbox.changed', item);
    return item;
  }

  async refreshStatus(id: number): Promise<OutboxItem> {
    const item = this.outbox.get(id);
    if (!item.remoteId) throw new StudioError('invalid_transition', 'the item has not reached its destination yet', { reason: 'not_yet_received' });
    const remote = await (await this.connectorFor(item.target, item.dest)).status(item.remoteId);
    // The bulletin carries the verdict too, so the library and its screen show it (not merely "delivered").
    if (this.outbox.contentType(id) === 'audio' && item.bulletinId !== null) {
      try {
        this.deps.library.bulletins.recordSourceVerdict(item.bulletinId, remote.status, remote.reason);
      } catch {
        // The bulletin was deleted since; the outbox keeps the answer.
      }
    }
    // The background poll asks every minute: an unchanged answer is not news (no write, no event).
    if (remote.status === item.remoteStatus && remote.reason === item.remoteReason) return item;
    const updated = this.outbox.setRemoteStatus(id, remote.status, remote.reason);
    this.deps.emit('outbox.changed', updated);
    return updated;
  }

  /**
   * Saves the connection settings. Items waiting for the configured server follow a corrected
   * address (a typo fixed in Settings must not leave them stuck on the wrong one); items queued
   * for an explicitly different address keep it.
   */
  async updateSettings(changes: Parameters<DeliverySettingsStore['update']>[0], actor: string): Promise<DeliverySettings> {
    const before = this.settings.serverUrl();
    const after = await this.settings.update(changes, actor);
    if (changes.serverUrl && before && changes.serverUrl !== before) {
      const moved = this.outbox.redirect(before, changes.serverUrl);
      for (const item of moved) this.deps.emit('outbox.changed', item);
    }
    if (changes.serverUrl !== undefined || changes.token !== undefined || changes.caCertPath !== undefined) this.runner.wake();
    if (changes.keepFilesDays !== undefined) this.pruneFiles();
    return after;
  }

  async testConnection(overrides: { serverUrl?: string; token?: string }): Promise<ConnectionInfo> {
    const connection = await this.settings.connection(overrides);
    return new SourceConnector({ ...connection, ...sourceLimitsFromEnv() }).test();
  }
}
