/**
 * The one plan of a programme's timing: where each item starts and ends, which items overlap
 * (crossfades), where music beds play, and how long the whole is. The renderer mixes by exactly
 * this plan, and every length the studio shows (builder, list, CLI) is this plan's total, so the
 * length shown and the length rendered cannot disagree. Pure arithmetic on sample frames; shared
 * so the screen could plan too, and so nothing in it can depend on where it runs.
 */
import type { ItemKind } from '../api/library-types.ts';

/** The rate programmes are planned and rendered at. */
export const PROGRAMME_RATE = 48000;

export interface PlanEntry {
  kind: ItemKind;
  /** Length of the item's audio in frames at the plan's rate. */
  frames: number;
}

export interface PlanTiming {
  sampleRate: number;
  /** Silence between consecutive items (not under crossfades). */
  gapSec: number;
  /** Overlap of consecutive items; when set it replaces the gap. */
  crossfadeSec: number;
}

export interface PlacedEntry {
  start: number;
  end: number;
  /** Frames faded in at the start and out at the end. */
  fadeIn: number;
  fadeOut: number;
  bed: boolean;
}

export interface ProgrammePlan {
  /** Total length in frames. */
  frames: number;
  /** One per entry, in the entries' order; a bed that never sounds has start === end. */
  placed: PlacedEntry[];
  /** Where speech (bulletins) plays: beds are ducked there. */
  speech: [number, number][];
}

/**
 * Items play one after the other with `gapSec` of silence between them, or overlapping by
 * `crossfadeSec` (both faded over the overlap). A music bed does not take time of its own: it
 * starts with the next item and plays under what follows, until it ends or the programme does,
 * fading out over its last second.
 */
export function planProgramme(entries: readonly PlanEntry[], timing: PlanTiming): ProgrammePlan {
  const rate = timing.sampleRate;
  const gap = Math.round(timing.gapSec * rate);
  const xfade = Math.round(timing.crossfadeSec * rate);
  const placed: PlacedEntry[] = [];
  const speech: [number, number][] = [];
  const beds: PlacedEntry[] = [];
  let cursor = 0;
  let previous: PlacedEntry | null = null;
  for (const entry of entries) {
    const frames = Math.max(0, Math.round(entry.frames));
    if (entry.kind === 'music_bed') {
      const bed = { start: cursor, end: cursor + frames, fadeIn: 0, fadeOut: 0, bed: true };
      beds.push(bed);
      placed.push(bed);
      continue;
    }
    let start = cursor;
    let fadeIn = 0;
    if (previous && xfade > 0) {
      // Overlap with the previous item instead of the gap, both faded over the overlap.
      const overlap = Math.min(xfade, previous.end - previous.start, frames);
      start = previous.end - overlap;
      fadeIn = overlap;
      previous.fadeOut = overlap;
    }
    // A bed waiting for "the next item" starts with it (also when it crossfades in).
    for (const bed of beds) if (bed.start === cursor) bed.start = start;
    const item: PlacedEntry = { start, end: start + frames, fadeIn, fadeOut: 0, bed: false };
    placed.push(item);
    if (entry.kind === 'bulletin') speech.push([item.start, item.end]);
    previous = item;
    cursor = item.end + (xfade > 0 ? 0 : gap);
  }
  const end = previous ? previous.end : Math.max(0, ...beds.map((b) => b.end));
  placed.forEach((p, i) => {
    if (!p.bed) return;
    const frames = Math.max(0, Math.round(entries[i]!.frames));
    p.end = Math.max(p.start, Math.min(p.start + frames, end));
    p.fadeOut = Math.min(rate, p.end - p.start);
  });
  return { frames: end, placed, speech };
}

/** Seconds of a plan, to the millisecond (screens round further as they show it). */
export const planSeconds = (plan: Pick<ProgrammePlan, 'frames'>, sampleRate = PROGRAMME_RATE) => Math.round((plan.frames / sampleRate) * 1000) / 1000;
