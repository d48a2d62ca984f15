/**
 * The LED boards service behind the face: board profiles and notices in SQLite, notices made from
 * bulletins, and the send/export jobs (each in its own process, with progress and cancel).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LedBoard, LedNotice, LedNoticeDraft } from '../../../shared/api/led.ts';
import type { Bulletin } from '../../../shared/api/library-types.ts';
import type { JobInfo } from '../../../shared/api/jobs.ts';
import { StudioError } from '../../../shared/errors.ts';
import { noticeFromBulletin, shortenForBoard, type BoardProfile } from '../../../shared/led/index.ts';
import { prepareDestinationFolder } from '../files/index.ts';
import { type JobManager, workerUrl } from '../jobs/index.ts';
import type { Db } from '../storage/index.ts';
import { BoardStore } from './board-store.ts';
import type { LedExportInput } from './led-export.worker.ts';
import type { LedSendInput } from './led-send.worker.ts';
import { NoticeStore, type NoticeFields } from './notice-store.ts';
import { checkSendable } from './send.ts';

export interface LedDeps {
  db: Db;
  /** The job runner (the jobs service's manager). */
  jobs: JobManager;
  /** The library's bulletins, read when a notice is made from one. */
  bulletins: { get(id: number): Bulletin };
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
  const boards = new BoardStore(deps.db);
  const notices = new NoticeStore(deps.db);

  return {
    board: {
      list: (): LedBoard[] => boards.list(),
      get: (id: number): LedBoard => boards.get(id),
      create: (profile: BoardProfile): LedBoard => boards.create(profile),
      update: (id: number, profile: BoardProfile): LedBoard => boards.update(id, profile),
      delete: (id: number): { deleted: true } => (boards.delete(id), { deleted: true }),
    },
    notice: {
      list: (filter: { boardId?: number; bulletinId?: number }): LedNotice[] => notices.list(filter),
      get: (id: number): LedNotice => notices.get(id),
      create: (fields: NoticeFields): LedNotice => notices.create(fields),
      update: (id: number, changes: Partial<NoticeFields>): LedNotice => notices.update(id, changes),
      delete: (id: number): { deleted: true } => (notices.delete(id), { deleted: true }),
      /** Title + short text (given, or the script's first sentences), sized for the board. */
      fromBulletin({ bulletinId, boardId, text }: { bulletinId: number; boardId: number; text?: string }): LedNoticeDraft {
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
        });
        return { notice, fits: draft.fits };
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
