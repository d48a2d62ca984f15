/**
 * Peaks of an edited timeline, composed from the source's stored multi-resolution peaks: each
 * pixel takes the min/max of the source ranges its segments cover, scaled by their gain. The
 * screen never decodes audio; an hour at 100 px/s is 360 000 numbers per channel.
 */
import { segmentGain, timelineLength, type Timeline } from './edit-list.ts';
import { peakRange, type Peaks } from './peaks.ts';
import { timelineBlocks, type FrameSource } from './render.ts';

/** Most pixels one answer carries; higher zooms are answered at a lower pixelsPerSecond. */
export const MAX_PIXELS = 1_000_000;

export function editedPeaks(
  timeline: Timeline,
  peaks: Peaks,
  requestedPps: number,
): { durationSec: number; pixelsPerSecond: number; peaks: number[][] } {
  const rate = peaks.sampleRate;
  const total = timelineLength(timeline);
  const durationSec = total / rate;
  const pps = Math.min(requestedPps, MAX_PIXELS / Math.max(durationSec, 1e-9), rate);
  const fpp = rate / pps;
  const pixels = Math.ceil(total / fpp);
  const lo = Array.from({ length: peaks.channels }, () => new Float32Array(pixels));
  const hi = Array.from({ length: peaks.channels }, () => new Float32Array(pixels));
  let pos = 0;
  for (const s of timeline.segments) {
    if (s.kind === 'source') {
      const first = Math.floor(pos / fpp);
      const last = Math.min(pixels - 1, Math.floor((pos + s.length - 1) / fpp));
      for (let p = first; p <= last; p++) {
        const a = Math.max(pos, Math.floor(p * fpp));
        const b = Math.min(pos + s.length, Math.floor((p + 1) * fpp));
        if (b <= a) continue;
        // ramps are linear, so the largest gain of the span is at one of its ends
        const g = s.ramps.length ? Math.max(Math.abs(segmentGain(s, a - pos)), Math.abs(segmentGain(s, b - 1 - pos))) : 1;
        for (let c = 0; c < peaks.channels; c++) {
          const [mn, mx] = peakRange(peaks, c, s.start + (a - pos), s.start + (b - pos), fpp);
          lo[c]![p] = Math.min(lo[c]![p]!, mn * g);
          hi[c]![p] = Math.max(hi[c]![p]!, mx * g);
        }
      }
    }
    pos += s.length;
  }
  return { durationSec, pixelsPerSecond: pps, peaks: toSigned(lo, hi, timeline) };
}

/**
 * Peaks read from the samples themselves, for zooms finer than the stored levels (under 256
 * frames a pixel) on short documents, where reading the audio costs less than a frame of UI.
 */
export function sampledPeaks(timeline: Timeline, source: FrameSource, pps: number) {
  const rate = source.sampleRate;
  const total = timelineLength(timeline);
  const fpp = rate / pps;
  const pixels = Math.ceil(total / fpp);
  const lo = Array.from({ length: source.channels }, () => new Float32Array(pixels));
  const hi = Array.from({ length: source.channels }, () => new Float32Array(pixels));
  let pos = 0;
  for (const block of timelineBlocks(timeline, source)) {
    block.forEach((x, c) => {
      const l = lo[c]!;
      const h = hi[c]!;
      for (let i = 0; i < x.length; i++) {
        const p = Math.floor((pos + i) / fpp);
        if (x[i]! < l[p]!) l[p] = x[i]!;
        if (x[i]! > h[p]!) h[p] = x[i]!;
      }
    });
    pos += block[0]!.length;
  }
  return { durationSec: total / rate, pixelsPerSecond: pps, peaks: toSigned(lo, hi, timeline) };
}

function toSigned(lo: Float32Array[], hi: Float32Array[], timeline: Timeline): number[][] {
  const master = timeline.master ? 10 ** (timeline.master.gainDb / 20) : 1;
  const ceiling = timeline.master ? 10 ** (timeline.master.ceilingDb / 20) : Infinity;
  // one signed value per pixel, the extreme of larger magnitude (wavesurfer's exportPeaks format)
  return lo.map((l, c) =>
    Array.from(l, (mn, p) => {
      const mx = hi[c]![p]!;
      const v = Math.abs(mn) > Math.abs(mx) ? mn : mx;
      const scaled = Math.max(-ceiling, Math.min(ceiling, v * master));
      return Math.round(scaled * 10000) / 10000;
    }),
  );
}
