/**
 * Delivery requests (issue 5): send finished bulletins to the provincial source system
 * ("Hệ thống thông tin nguồn") or to a USB/folder package, through a persistent outbox.
 */
import { z } from 'zod';
import type { ErrorPayload } from '../errors.ts';
import { userPath } from '../text.ts';
import { Id } from './define.ts';
import { type Priority } from './library-types.ts';
import { request } from './define.ts';

export const DELIVERY_TARGETS = ['source', 'package'] as const;
export type DeliveryTarget = (typeof DELIVERY_TARGETS)[number];

/**
 * queued: waiting for its turn or for the next retry (lastError says why it is waiting);
 * sending: the worker is uploading it now; delivered: the receiver confirmed the audio and its
 * sha256; cancelled: the user took it out of the queue (the row is kept).
 */
export const OUTBOX_STATES = ['queued', 'sending', 'delivered', 'cancelled'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** What the source system reports about a bulletin once it has it. */
export const REMOTE_STATUSES = ['awaiting_audio', 'received', 'approved', 'scheduled', 'aired', 'rejected'] as const;
export type RemoteStatus = (typeof REMOTE_STATUSES)[number];

/** The last failure of an outbox item: a coded error (worded by the screen) and when it happened. */
export type OutboxError = ErrorPayload & { at: string };

export interface OutboxItem {
  id: number;
  /** What the item delivers: a bulletin, or a finished programme (exactly one is set). */
  bulletinId: number | null;
  programmeId: number | null;
  title: string;
  target: DeliveryTarget;
  /** Server URL (source) or folder path (package). */
  dest: string;
  priority: Priority;
  state: OutboxState;
  /** Stable for the life of the item: the receiver keeps one copy per key. */
  idempotencyKey: string;
  sentBytes: number;
  totalBytes: number;
  /** Audio bytes put on the wire so far, re-sends included (totalBytes when nothing was re-sent). */
  wireBytes: number;
  attempts: number;
  lastError: OutboxError | null;
  /** When the worker will try again (ISO), null when not waiting on a retry. */
  nextAttemptAt: string | null;
  remoteId: string | null;
  remoteStatus: RemoteStatus | null;
  remoteReason: string | null;
  createdAt: string;
  updatedAt: string;
  deliveredAt: string | null;
}

export interface DeliverySettings {
  /** Base URL of the source system, e.g. https://nguon.example.gov.vn. Empty when not set. */
  serverUrl: string;
  /** Whether a token is stored (the token itself never leaves the main process). */
  hasToken: boolean;
  /** PEM file of an extra certificate authority to trust (self-signed provincial servers). */
  caCertPath: string;
  /** Upload chunk size in MiB: smaller chunks re-send less after a drop on a poor line. */
  chunkSizeMiB: number;
  /**
   * Days the files of a finished delivery (delivered or cancelled) are kept under `deliveries/` and
   * `outbox-files/` in the data folder before they are removed; a waiting delivery's never are.
   */
  keepFilesDays: number;
  /**
   * Public keys (Ed25519, base64 SPKI) of the studios whose packages keep their approval on import;
   * a package signed by any other key, or unsigned, is imported as submitted.
   */
  trustedPackageKeys: string[];
  /** This studio's own package-signing public key, to give to the centres that import its packages. */
  packageSigningKey: string;
}

export interface ConnectionInfo {
  ok: true;
  account: string;
  server: string;
  tokenExpiresAt: string | null;
}

const dest = userPath();
const byId = z.strictObject({ id: Id });

export const DeliverySettingsUpdate = z.strictObject({
  serverUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).optional(),
  /** A new token, or null to forget the stored one. */
  token: z.string().trim().min(8).max(4096).nullable().optional(),
  caCertPath: z.union([z.literal(''), userPath()]).optional(),
  chunkSizeMiB: z.number().int().min(1).max(64).optional(),
  keepFilesDays: z.number().int().min(1).max(3650).optional(),
  trustedPackageKeys: z.array(z.string().trim().min(16).max(1000)).max(200).optional(),
});

export const deliveryRequests = {
  /**
   * Puts an approved bulletin, or a rendered programme (its current render, every bulletin in it
   * approved), in the outbox. `dest` defaults to the configured server for 'source'. A bulletin's
   * audio goes as edited: an edited document is rendered first, and normalised to `loudness` when
   * given (broadcast −23 LUFS, outdoor −16 LUFS; else the edit's own normalise stays).
   */
  'delivery.enqueue': request<OutboxItem>()(
    z
      .strictObject({ bulletinId: Id.optional(), programmeId: Id.optional(), to: z.enum(DELIVERY_TARGETS), dest: dest.optional(), loudness: z.enum(['broadcast', 'outdoor']).optional() })
      .refine((a) => (a.bulletinId === undefined) !== (a.programmeId === undefined), 'name exactly one of bulletinId, programmeId'),
  ),
  'outbox.list': request<OutboxItem[]>()(
    z.strictObject({
      state: z.enum(OUTBOX_STATES).optional(),
      /** Only this programme's deliveries, newest first. */
      programmeId: Id.optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
  ),
  'outbox.get': request<OutboxItem>()(byId),
  /** Try again now (clears the backoff wait); a cancelled item goes back in the queue. */
  'outbox.retry': request<OutboxItem>()(byId),
  'outbox.cancel': request<OutboxItem>()(byId),
  /** Asks the receiver for the item's status (received, approved, scheduled, aired, rejected). */
  'outbox.refreshStatus': request<OutboxItem>()(byId),
  /** Checks the URL and token (the stored ones unless given) against the source system. */
  'delivery.testConnection': request<ConnectionInfo>()(
    z.strictObject({ serverUrl: z.url({ protocol: /^https?$/ }).optional(), token: z.string().trim().min(8).max(4096).optional() }),
  ),
  'delivery.settings.get': request<DeliverySettings>()(z.strictObject({})),
  'delivery.settings.update': request<DeliverySettings>()(DeliverySettingsUpdate),
} as const;
