/**
 * The non-destructive edit model: a timeline of segments over one immutable source. Every edit
 * (in sample frames) maps a timeline to a new one, so the state of a document is its source
 * replayed through its active edits, and rendering reads only the source. Pure functions: no I/O.
 */

/** gain(i) = g0 + (g1 - g0) · i / length for sample i of the segment; ramps multiply. */
export type Ramp = [number, number];

export type Segment =
  | { kind: 'source'; start: number; length: number; ramps: Ramp[] }
  | { kind: 'silence'; length: number };

export interface TimelineMarker {
  name: string;
  at: number;
}

export interface Timeline {
  segments: Segment[];
  markers: TimelineMarker[];
  /** Make-up gain and true-peak ceiling applied to the whole render (set by normalise). */
  master: { gainDb: number; ceilingDb: number } | null;
}

/** An edit resolved to frames; `paste` carries its own clipboard so replay needs nothing else. */
export type FrameOp =
  | { type: 'delete' | 'cut' | 'trim' | 'fadeIn' | 'fadeOut'; start: number; end: number }
  | { type: 'gain'; start: number; end: number; db: number }
  | { type: 'insertSilence'; at: number; length: number }
  | { type: 'paste'; at: number; segments: Segment[] }
  | { type: 'marker'; at: number; name: string }
  | { type: 'removeMarker'; name: string }
  | { type: 'normalize'; gainDb: number; ceilingDb: number };

export const initialTimeline = (frames: number): Timeline => ({
  segments: frames > 0 ? [{ kind: 'source', start: 0, length: frames, ramps: [] }] : [],
  markers: [],
  master: null,
});

export const timelineLength = (t: Timeline) => t.segments.reduce((n, s) => n + s.length, 0);

const rampAt = ([g0, g1]: Ramp, i: number, length: number) => g0 + ((g1 - g0) * i) / length;

/** Splits a segment at offset k (0 < k < length). */
function splitSegment(s: Segment, k: number): [Segment, Segment] {
  if (s.kind === 'silence') return [{ kind: 'silence', length: k }, { kind: 'silence', length: s.length - k }];
  const left = s.ramps.map((r): Ramp => [r[0], rampAt(r, k, s.length)]);
  const right = s.ramps.map((r): Ramp => [rampAt(r, k, s.length), r[1]]);
  return [
    { kind: 'source', start: s.start, length: k, ramps: left },
    { kind: 'source', start: s.start + k, length: s.length - k, ramps: right },
  ];
}

/** The segments with a boundary at each given frame; returns new arrays, never mutates. */
function cutAt(segments: Segment[], ...points: number[]): Segment[] {
  let out = segments;
  for (const p of points) {
    const next: Segment[] = [];
    let pos = 0;
    for (const s of out) {
      if (p > pos && p < pos + s.length) next.push(...splitSegment(s, p - pos));
      else next.push(s);
      pos += s.length;
    }
    out = next;
  }
  return out;
}

/** Splits the timeline into [before a, a..b, after b]. */
function partition(segments: Segment[], a: number, b: number): [Segment[], Segment[], Segment[]] {
  const split = cutAt(segments, a, b);
  const parts: [Segment[], Segment[], Segment[]] = [[], [], []];
  let pos = 0;
  for (const s of split) {
    parts[pos < a ? 0 : pos < b ? 1 : 2].push(s);
    pos += s.length;
  }
  return parts;
}

/** The segments of [a, b), for copy and cut. */
export function sliceTimeline(t: Timeline, a: number, b: number): Segment[] {
  return partition(t.segments, a, b)[1];
}

function withRamp(segments: Segment[], ramp: (offset: number, length: number) => Ramp): Segment[] {
  let offset = 0;
  return segments.map((s) => {
    const r = ramp(offset, s.length);
    offset += s.length;
    return s.kind === 'silence' ? s : { ...s, ramps: [...s.ramps, r] };
  });
}

const shiftMarkers = (markers: TimelineMarker[], from: number, by: number) =>
  markers.map((m) => (m.at >= from ? { ...m, at: m.at + by } : m));

export function applyOp(t: Timeline, op: FrameOp): Timeline {
  const length = timelineLength(t);
  const clamp = (v: number) => Math.max(0, Math.min(length, v));
  switch (op.type) {
    case 'delete':
    case 'cut': {
      const [a, b] = [clamp(op.start), clamp(op.end)];
      const [before, , after] = partition(t.segments, a, b);
      const markers = t.markers.filter((m) => m.at < a || m.at >= b);
      return { ...t, segments: [...before, ...after], markers: shiftMarkers(markers, b, a - b) };
    }
    case 'trim': {
      const [a, b] = [clamp(op.start), clamp(op.end)];
      const markers = t.markers.filter((m) => m.at >= a && m.at < b).map((m) => ({ ...m, at: m.at - a }));
      return { ...t, segments: partition(t.segments, a, b)[1], markers };
    }
    case 'insertSilence':
    case 'paste': {
      const at = clamp(op.at);
      const inserted: Segment[] = op.type === 'paste' ? op.segments : [{ kind: 'silence', length: op.length }];
      const added = inserted.reduce((n, s) => n + s.length, 0);
      const [before, , after] = partition(t.segments, at, at);
      return { ...t, segments: [...before, ...inserted, ...after], markers: shiftMarkers(t.markers, at, added) };
    }
    case 'fadeIn':
    case 'fadeOut':
    case 'gain': {
      const [a, b] = [clamp(op.start), clamp(op.end)];
      if (b <= a) return t;
      const n = b - a;
      const [before, inside, after] = partition(t.segments, a, b);
      const ramp =
        op.type === 'gain'
          ? () => [10 ** (op.db / 20), 10 ** (op.db / 20)] as Ramp
          : op.type === 'fadeIn'
            ? (o: number, l: number): Ramp => [o / n, (o + l) / n]
            : (o: number, l: number): Ramp => [1 - o / n, 1 - (o + l) / n];
      return { ...t, segments: [...before, ...withRamp(inside, ramp), ...after] };
    }
    case 'marker':
      return { ...t, markers: [...t.markers.filter((m) => m.name !== op.name), { name: op.name, at: clamp(op.at) }].sort((x, y) => x.at - y.at) };
    case 'removeMarker':
      return { ...t, markers: t.markers.filter((m) => m.name !== op.name) };
    case 'normalize':
      return { ...t, master: { gainDb: op.gainDb, ceilingDb: op.ceilingDb } };
  }
}

export const replay = (frames: number, ops: FrameOp[]) => ops.reduce(applyOp, initialTimeline(frames));

/** Gain of sample i of a segment (product of its ramps). */
export function segmentGain(s: Extract<Segment, { kind: 'source' }>, i: number): number {
  let g = 1;
  for (const r of s.ramps) g *= rampAt(r, i, s.length);
  return g;
}
