/**
 * A board notice from a bulletin: the title in a band on top, the short text below, each at the
 * largest size that fits (else scrolling). Priority shows as the controller tools do it: an
 * emergency title blinks in red and goes first in the rotation; a priority one is yellow.
 */
import { autoFit, type FitResult } from './fit';
import { Programme, type Page } from './model';

export interface BulletinForBoard {
  title: string;
  /** The short text the editor kept for the board (may be empty). */
  text: string;
  priority: 'normal' | 'priority' | 'emergency';
}

export interface NoticeDraft {
  programme: Programme;
  /** Position in the board's rotation: 0 plays first (emergency), then 1, then 2. */
  rotationRank: number;
  /** Fit results per area (title, text), so the designer can show scroll warnings. */
  fits: FitResult[];
}

const RANK = { emergency: 0, priority: 1, normal: 2 } as const;
const TITLE_COLOUR = { emergency: 'red', priority: 'yellow', normal: 'green' } as const;
const SCROLL_SPEED = 32;
const STAY_MS = 8000;

/** A static (or blinking) page where the text fits; a continuous scroll where it does not. */
function pageFor(text: string, fit: FitResult, base: Partial<Page>): Record<string, unknown> {
  const common = { text, stayMs: STAY_MS, effect: 'static', ...base };
  if (fit.mode === 'fit') return { ...common, size: fit.size };
  const size = fit.mode === 'scroll' ? fit.size : fit.smallest;
  return { ...common, size, effect: 'scroll-left', speed: SCROLL_SPEED };
}

export function noticeFromBulletin(bulletin: BulletinForBoard, board: { width: number; height: number }): NoticeDraft {
  const title = bulletin.title.trim();
  const text = bulletin.text.trim();
  // The title band takes a third of the board (at least one 13-px line), all of it without text.
  const titleHeight = text ? Math.min(board.height, Math.max(13, Math.floor(board.height / 3))) : board.height;
  const titleFit = autoFit(title, { width: board.width, height: titleHeight, speed: SCROLL_SPEED, stayMs: STAY_MS });
  const emergency = bulletin.priority === 'emergency';
  const titleBase: Partial<Page> = { colour: TITLE_COLOUR[bulletin.priority], align: 'centre', ...(emergency ? { effect: 'blink' } : {}) };
  const areas: Record<string, unknown>[] = [
    { kind: 'text', x: 0, y: 0, width: board.width, height: titleHeight, pages: [pageFor(title, titleFit, titleBase)] },
  ];
  const fits: FitResult[] = [titleFit];
  if (text && board.height - titleHeight >= 13) {
    const height = board.height - titleHeight;
    const textFit = autoFit(text, { width: board.width, height, speed: SCROLL_SPEED, stayMs: STAY_MS });
    fits.push(textFit);
    areas.push({ kind: 'text', x: 0, y: titleHeight, width: board.width, height, pages: [pageFor(text, textFit, { colour: 'red', align: 'centre' })] });
  }
  return {
    programme: Programme.parse({ name: title.slice(0, 200) || '-', width: board.width, height: board.height, areas }),
    rotationRank: RANK[bulletin.priority],
    fits,
  };
}

/**
 * The short text a board shows for a bulletin script: whole sentences (else whole words) up to
 * `maxChars`, with an ellipsis when something was left out. The editor can shorten it further.
 */
export function shortenForBoard(script: string, maxChars = 160): string {
  const text = script.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (text.length <= maxChars) return text;
  const sentences = text.match(/[^.!?…]+[.!?…]*\s*/g) ?? [text];
  let kept = '';
  for (const sentence of sentences) {
    if ((kept + sentence).trimEnd().length > maxChars) break;
    kept += sentence;
  }
  if (kept.trim()) return kept.trim();
  const cut = text.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}
