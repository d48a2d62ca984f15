/**
 * The one interface every delivery route implements: the source-system connector (HTTP(S), tus)
 * and the package connector (a folder or USB stick). The outbox only talks to this interface.
 */
import type { Category, Priority, Repeat, Schedule } from '../../../shared/api/library-types.ts';
import type { ConnectionInfo, RemoteStatus } from '../../../shared/api/delivery.ts';

/** The bulletin's metadata as it travels (same fields in the JSON API and in manifest.json). */
export interface BulletinMetadata {
  /** The studio's own id, for the receiver's reference. */
  bulletinId: number;
  title: string;
  category: Category;
  language: string;
  priority: Priority;
  schedule: Schedule;
  repeat: Repeat;
  targetAreas: { id: number; kind: string; name: string; code: string }[];
  author: string;
  approver: string | null;
  durationSec: number | null;
  /** Integrated loudness in LUFS when it was measured, else null. */
  loudnessLufs: number | null;
  /** Loudness range (LU, EBU Tech 3342) when measured; absent from older senders. */
  loudnessRangeLu?: number | null;
  /** True peak (dBTP) when measured; null also for digital silence. */
  truePeakDbtp?: number | null;
  /** Of the audio file, lowercase hex. */
  sha256: string;
  bytes: number;
  fileName: string;
  mimeType: string;
  /** What the file is; absent = the bulletin's audio. 'led-notice': an LED board notice package (zip). */
  contentType?: 'audio' | 'led-notice';
  /** For an LED notice package: the board picture it carries. */
  notice?: LedNoticeInfo;
}

export interface LedNoticeInfo {
  width: number;
  height: number;
  colourClass: 'single' | 'dual' | 'full';
  /** One full run of the notice. */
  durationMs: number;
  /** PNG frames in the package. */
  frames: number;
}

/**
 * A finished programme's metadata as it travels (ProgrammeMetadata in the OpenAPI document): its
 * rendered audio, the preset it was normalised to, and its running order. It has no bulletin's
 * own fields (read as absent).
 */
export interface ProgrammeMetadata {
  contentType: 'programme';
  programmeId: number;
  title: string;
  language: string;
  priority: Priority;
  presetLufs: -23 | -16;
  durationSec: number;
  loudnessLufs: number | null;
  loudnessRangeLu: number | null;
  truePeakDbtp: number | null;
  items: { kind: 'bulletin' | 'jingle' | 'music_bed'; title: string; bulletinId: number | null; startSec: number; durationSec: number }[];
  sha256: string;
  bytes: number;
  fileName: string;
  mimeType: string;
  bulletinId?: undefined;
}

export type DeliveryMetadata = BulletinMetadata | ProgrammeMetadata;

export const isProgrammeMetadata = (m: DeliveryMetadata): m is ProgrammeMetadata => m.contentType === 'programme';

export interface DeliveryPayload {
  /** Stable for the life of the outbox item: the receiver keeps one copy per key. */
  idempotencyKey: string;
  /** Absolute path of the audio file. */
  audioPath: string;
  metadata: DeliveryMetadata;
}

export interface SendProgress {
  sentBytes: number;
  totalBytes: number;
}

/**
 * Opaque resume state a connector asks the outbox to persist (JSON), e.g. the remote id and
 * the tus upload URL. It is handed back on the next attempt, also after a restart.
 */
export type ResumeState = Record<string, unknown>;

export interface SendContext {
  signal: AbortSignal;
  onProgress(progress: SendProgress): void;
  /** What the last attempt saved, or {} the first time. */
  resume: ResumeState;
  /** Persist now (synchronously, before the next byte goes out). */
  saveResume(state: ResumeState): void;
}

export interface SendResult {
  remoteId: string;
  status: RemoteStatus;
  reason: string | null;
}

export interface RemoteStatusInfo {
  remoteId: string;
  status: RemoteStatus;
  reason: string | null;
  /** The receiver's sha256 of its copy, when it has the audio. */
  sha256: string | null;
}

export interface Connector {
  readonly kind: 'source' | 'package';
  /** Checks the destination is reachable and the credentials are accepted. */
  test(signal?: AbortSignal): Promise<ConnectionInfo>;
  /**
   * Delivers audio + metadata. Must be idempotent for one idempotency key and resumable from
   * `ctx.resume`. Rejects with a StudioError whose message is for the user (Vietnamese).
   */
  send(payload: DeliveryPayload, ctx: SendContext): Promise<SendResult>;
  status(remoteId: string, signal?: AbortSignal): Promise<RemoteStatusInfo>;
}
