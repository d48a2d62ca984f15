/**
 * The LED boards service behind the face: board profiles and notices in SQLite, notices made from
 * bulletins, and the send/export jobs (each in its own process, with progress and cancel).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LedBoard, LedNotice, LedNoticeDraft } from '../../../shared/api/led.ts';
import type { OutboxItem } from '../../../shared/api/delivery.ts';
import type { Bulletin } from '../../../shared/api/library-types.ts';
import type { JobInfo } from '../../../shared/api/jobs.ts';
import { StudioError } from '../../../shared/errors.ts';
import { noticeFromBulletin, programmeDurationMs, shortenForBoard, type BoardProfile, type ColourClass } from '../../../shared/led/index.ts';
import { prepareDestinationFolder } from '../files/index.ts';
import { type JobManager, workerUrl } from '../jobs/index.ts';
import type { Db } from '../storage/index.ts';
import { BoardStore, type Audit } from './board-store.ts';
import type { LedExportInput } from './led-export.worker.ts';
import type { LedSendInput } from './led-send.worker.ts';
import { NoticeStore, type NoticeFields } from './notice-store.ts';
import { writeNoticeZip } from './notice-package.ts';
import { checkSendable } from './send.ts';

export interface LedDeps {
  db: Db;
  /** Who changed which board or notice (the library's audit trail). */
  audit: Audit;
  /** The job runner (the jobs service's manager). */
  jobs: JobManager;
  /** The library's bulletins, read when a notice is made from one. */
  bulletins: { get(id: number): Bulletin };
  /** The data folder (notice packages are kept under led-packages/). */
  dataDir: string;
  /** The delivery outbox, which sends a notice package to the source system like audio. */
  delivery: { enqueueNoticePackage(input: NoticePackageInput): OutboxItem };
}

/** What the outbox needs to queue a notice package (the delivery service's enqueueNoticePackage). */
export interface NoticePackageInput {
  bulletinId: number;
  /** Absolute path of the zip inside the data folder. */
  file: string;
  sha256: string;
  bytes: number;
  notice: { width: number; height: number; colourClass: ColourClass; durationMs: number; frames: number };
  dest?: string;
}

export interface SendArg {
  noticeId: number;
  boardId: number;
  atMs: number;
  retries: number;
  timeoutMs: number;
}

export interface ExportArg {
  noticeId: number;
  boardId?: number;
  format: 'png' | 'gif';
  out: string;
  fps: number;
  fromMs?: number;
  toMs?: number;
}

const SEND_WORKER = workerUrl('led/led-send.worker.ts');
const EXPORT_WORKER = workerUrl('led/led-export.worker.ts');

/** A notice drawn for a larger board than this one would be cut off: refused with a code. */
function checkFits(notice: LedNotice, board: LedBoard): void {
  const { width, height } = notice.programme;
  if (width > board.width || height > board.height)
    throw new StudioError('invalid_argument', `notice ${width}x${height} is larger than board ${board.width}x${board.height}`, {
      reason: 'led_notice_larger_than_board',
      notice: { width, height },
      board: { width: board.width, height: board.height },
    });
}

/** A GIF goes to a file in an existing (or just created) folder, never onto a folder. */
function gifPath(out: string): string {
  const file = path.join(prepareDestinationFolder(path.dirname(path.resolve(out))), path.basename(out));
  if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw new StudioError('not_a_file', `${file}: a folder`, { path: file });
  return file;
}

export function createLed(deps: LedDeps) {
  const boards = new BoardStore(deps.db, deps.audit);
  const notices = new NoticeStore(deps.db, deps.audit);

  return {
    board: {
      list: (): LedBoard[] => boards.list(),
      get: (id: number): LedBoard => boards.get(id),
      create: (profile: BoardProfile, actor: string): LedBoard => boards.create(profile, actor),
      update: (id: number, profile: BoardProfile, actor: string): LedBoard => boards.update(id, profile, actor),
      delete: (id: number, actor: string): { deleted: true } => (boards.delete(id, actor), { deleted: true }),
    },
    notice: {
      list: (filter: { boardId?: number; bulletinId?: number }): LedNotice[] => notices.list(filter),
      get: (id: number): LedNotice => notices.get(id),
      create: (fields: NoticeFields, actor: string): LedNotice => notices.create(fields, actor),
      update: (id: number, changes: Partial<NoticeFields>, actor: string): LedNotice => notices.update(id, changes, actor),
      delete: (id: number, actor: string): { deleted: true } => (notices.delete(id, actor), { deleted: true }),
      /** Title + short text (given, or the script's first sentences), sized for the board. */
      fromBulletin({ bulletinId, boardId, text }: { bulletinId: number; boardId: number; text?: string }, actor: string): LedNoticeDraft {
        const board = boards.get(boardId);
        const bulletin = deps.bulletins.get(bulletinId);
        const draft = noticeFromBulletin(
          { title: bulletin.title, text: text ?? shortenForBoard(bulletin.script), priority: bulletin.priority },
          board,
        );
        const notice = notices.create({
          title: bulletin.title,
          programme: draft.programme,
          bulletinId,
          priority: bulletin.priority,
          areaIds: bulletin.targetAreaIds,
          boardId,
        }, actor);
        return { notice, fits: draft.fits };
      },
      /**
       * Queues the notice's package (notice.json + PNG frames, zipped) for the source system with
       * its bulletin's metadata: only a notice made from an approved bulletin goes.
       */
      async deliver({ id, dest }: { id: number; dest?: string }): Promise<OutboxItem> {
        const notice = notices.get(id);
        if (notice.bulletinId === null)
          throw new StudioError('invalid_argument', `notice ${id} has no bulletin`, { reason: 'led_notice_without_bulletin' });
        const colourClass = notice.boardId === null ? 'single' : boards.get(notice.boardId).colourClass;
        const { programme } = notice;
        const meta = { bulletinId: notice.bulletinId, priority: notice.priority, areaIds: notice.areaIds };
        const zip = await writeNoticeZip(deps.dataDir, notice.id, programme, meta, colourClass);
        try {
          return deps.delivery.enqueueNoticePackage({
            bulletinId: notice.bulletinId,
            file: zip.file,
            sha256: zip.sha256,
            bytes: zip.bytes,
            notice: { width: programme.width, height: programme.height, colourClass, durationMs: programmeDurationMs(programme), frames: zip.frames },
            dest,
          });
        } catch (error) {
          await fs.promises.rm(zip.file, { force: true }); // refused (not approved, no server): nothing left behind
          throw error;
        }
      },
    },

    /** Starts the upload of the notice's frame at `atMs` to the board; refused at once if it cannot be. */
    send(arg: SendArg): JobInfo<'led.send'> {
      const notice = notices.get(arg.noticeId);
      const board = boards.get(arg.boardId);
      checkSendable(board);
      checkFits(notice, board);
      const { id: _id, width: _w, height: _h, createdAt: _c, updatedAt: _u, ...profile } = board;
      return deps.jobs.start<'led.send', LedSendInput>({
        kind: 'led.send',
        subject: notice.title,
        worker: SEND_WORKER,
        input: { boardId: board.id, noticeId: notice.id, profile, programme: notice.programme, atMs: arg.atMs, retries: arg.retries, timeoutMs: arg.timeoutMs },
      });
    },

    /** Starts writing PNG frames (a folder) or a GIF (a file) in the board's colours. */
    export(arg: ExportArg): JobInfo<'led.export'> {
      const notice = notices.get(arg.noticeId);
      const boardId = arg.boardId ?? notice.boardId;
      const colourClass = boardId === null ? 'single' : boards.get(boardId).colourClass;
      if (arg.fromMs !== undefined && arg.toMs !== undefined && arg.toMs <= arg.fromMs)
        throw new StudioError('invalid_argument', 'toMs must be after fromMs', { reason: 'empty_time_range' });
      // Checked before a job starts: a mistyped or system folder is refused at once with a code.
      const out = arg.format === 'png' ? prepareDestinationFolder(arg.out) : gifPath(arg.out);
      return deps.jobs.start<'led.export', LedExportInput>({
        kind: 'led.export',
        subject: notice.title,
        worker: EXPORT_WORKER,
        input: {
          programme: notice.programme,
          colourClass,
          format: arg.format,
          out,
          fps: arg.fps,
          fromMs: arg.fromMs,
          toMs: arg.toMs,
        },
      });
    },
  };
}

export type LedService = ReturnType<typeof createLed>;
