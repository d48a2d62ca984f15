/**
 * LED bulletin boards (issue 14): board profiles, board notices (programmes made by hand or from a
 * bulletin), and the jobs that send a notice to a board or export it as PNG frames / a GIF.
 */
import { z } from 'zod';
import type { OutboxItem } from './delivery.ts';
import { Id } from './define.ts';
import { Priority } from './library-types.ts';
import { type JobInfo } from './jobs.ts';
// The model alone, not the LED index: that would load every font's glyph table with the contract.
import type { FitResult } from '../led/fit.ts';
import { BoardProfile, Programme } from '../led/model.ts';
import { userPath } from '../text.ts';
import { request } from './define.ts';

export interface LedBoard extends BoardProfile {
  id: number;
  /** Pixel size of the whole board, from module size × modules across/down. */
  width: number;
  height: number;
  createdAt: string;
  updatedAt: string;
}

export interface LedNotice {
  id: number;
  title: string;
  programme: Programme;
  /** The bulletin it was made from; null for a notice typed by hand (or once the bulletin is gone). */
  bulletinId: number | null;
  priority: Priority;
  /** Place in the board's rotation: 0 plays first (emergency), 1 priority, 2 normal. */
  rotationRank: number;
  /** Target areas (from the bulletin, or chosen by hand). */
  areaIds: number[];
  /** The board it was designed for (its size and colours); null when none is chosen yet. */
  boardId: number | null;
  createdAt: string;
  updatedAt: string;
}

/** A new notice and the auto-fit results of its areas, so the designer can warn of long scrolls. */
export interface LedNoticeDraft {
  notice: LedNotice;
  fits: FitResult[];
}

export interface LedSendResult {
  boardId: number;
  noticeId: number;
  frames: number;
  retries: number;
  bytesOnWire: number;
}

export interface LedExportResult {
  format: 'png' | 'gif';
  /** The folder of PNG frames, or the GIF file. */
  path: string;
  frames: number;
  width: number;
  height: number;
}

/** Jobs this domain starts, by kind, with their typed results (folded into the one JobResults map). */
export interface LedJobResults {
  'led.send': LedSendResult;
  'led.export': LedExportResult;
}

const byId = z.strictObject({ id: Id });

const NoticeShape = {
  title: z.string().trim().min(1).max(300),
  programme: Programme,
  bulletinId: Id.nullable(),
  priority: Priority,
  areaIds: z.array(Id).max(5000),
  boardId: Id.nullable(),
};
const NewNotice = z.strictObject({
  ...NoticeShape,
  bulletinId: NoticeShape.bulletinId.default(null),
  priority: NoticeShape.priority.default('normal'),
  areaIds: NoticeShape.areaIds.default([]),
  boardId: NoticeShape.boardId.default(null),
});
/** Changes carry no defaults: a field left out keeps its stored value. */
const NoticeChanges = z.strictObject(NoticeShape).partial();

export const ledRequests = {
  'led.board.list': request<LedBoard[]>()(z.strictObject({})),
  'led.board.get': request<LedBoard>()(byId),
  'led.board.create': request<LedBoard>()(BoardProfile),
  /** The whole profile is replaced (the editor always holds all of it). */
  'led.board.update': request<LedBoard>()(z.strictObject({ id: Id, profile: BoardProfile })),
  'led.board.delete': request<{ deleted: true }>()(byId),

  /** In rotation order: emergency first, then priority, then normal; newest first within each. */
  'led.notice.list': request<LedNotice[]>()(z.strictObject({ boardId: Id.optional(), bulletinId: Id.optional() })),
  'led.notice.get': request<LedNotice>()(byId),
  'led.notice.create': request<LedNotice>()(NewNotice),
  'led.notice.update': request<LedNotice>()(z.strictObject({ id: Id, changes: NoticeChanges })),
  'led.notice.delete': request<{ deleted: true }>()(byId),
  /**
   * A notice from a bulletin: its title in a band on top and a short text below (given, or the
   * script's first sentences), each at the largest size that fits; keeps the link to the bulletin,
   * its priority (emergency: blinking, first in rotation) and its target areas.
   */
  'led.notice.fromBulletin': request<LedNoticeDraft>()(
    z.strictObject({ bulletinId: Id, boardId: Id, text: z.string().max(2000).optional() }),
  ),

  /**
   * Queues the notice package (notice.json + PNG frames, zipped; content type `led-notice`) for the
   * source system through the delivery outbox, with its bulletin's metadata. The bulletin must be approved.
   */
  'led.notice.deliver': request<OutboxItem>()(z.strictObject({ id: Id, dest: z.string().max(2000).optional() })),

  /** Sends the notice's frame at `atMs` to a BX board (serial or TCP): a job with progress and retries. */
  'led.send': request<JobInfo>()(
    z.strictObject({
      noticeId: Id,
      boardId: Id,
      atMs: z.number().int().min(0).max(86_400_000).default(0),
      retries: z.number().int().min(0).max(10).default(3),
      timeoutMs: z.number().int().min(100).max(60_000).default(3000),
    }),
  ),
  /** Writes PNG frames into a folder, or one animated GIF file: a job with progress. */
  'led.export': request<JobInfo>()(
    z.strictObject({
      noticeId: Id,
      /** The board whose colours to use; default the notice's own board (else single red). */
      boardId: Id.optional(),
      format: z.enum(['png', 'gif']),
      /** A folder for PNG frames, a .gif file for a GIF. */
      out: userPath(),
      fps: z.number().min(1).max(50).default(10),
      fromMs: z.number().int().min(0).max(86_400_000).optional(),
      toMs: z.number().int().min(1).max(86_400_000).optional(),
    }),
  ),
};
