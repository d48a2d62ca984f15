import { describe, expect, it } from 'vitest';
import { applyOp, replay, timelineLength, type FrameOp } from '../../../../src/main/services/audio/edit-list.ts';
import { renderToMemory, type FrameSource } from '../../../../src/main/services/audio/render.ts';

/** A source whose every sample is distinct, so any misplaced sample shows. */
function rampSource(frames: number, channels = 2, sampleRate = 1000): FrameSource & { data: Float32Array[] } {
  const data = Array.from({ length: channels }, (_, c) => Float32Array.from({ length: frames }, (_, i) => ((i + 1) / frames) * (c ? -1 : 1)));
  return {
    channels,
    sampleRate,
    data,
    read: (start, count) => data.map((d) => d.slice(start, Math.min(frames, start + count))),
  };
}

const N = 1000;
const render = (ops: FrameOp[], source = rampSource(N)) => renderToMemory(replay(N, ops), source);
const arr = (x: Float32Array) => Array.from(x);
const src = rampSource(N).data;
const cat = (...parts: Float32Array[]) => Float32Array.from(parts.flatMap(arr));

describe('edit list ops, rendered sample-exact', () => {
  it('starts as the source itself', () => {
    const out = render([]);
    expect(arr(out[0]!)).toEqual(arr(src[0]!));
    expect(arr(out[1]!)).toEqual(arr(src[1]!));
  });

  it('delete removes exactly [start, end)', () => {
    const out = render([{ type: 'delete', start: 100, end: 250 }]);
    expect(arr(out[0]!)).toEqual(arr(cat(src[0]!.subarray(0, 100), src[0]!.subarray(250))));
    expect(out[1]!.length).toBe(850);
  });

  it('cut is a delete on the timeline', () => {
    expect(arr(render([{ type: 'cut', start: 0, end: 10 }])[0]!)).toEqual(arr(src[0]!.subarray(10)));
  });

  it('paste inserts the clipboard segments at a point', () => {
    const ops: FrameOp[] = [{ type: 'paste', at: 500, segments: [{ kind: 'source', start: 10, length: 20, ramps: [] }] }];
    expect(arr(render(ops)[0]!)).toEqual(arr(cat(src[0]!.subarray(0, 500), src[0]!.subarray(10, 30), src[0]!.subarray(500))));
  });

  it('insertSilence inserts zeros', () => {
    const out = render([{ type: 'insertSilence', at: 300, length: 77 }]);
    expect(arr(out[1]!)).toEqual(arr(cat(src[1]!.subarray(0, 300), new Float32Array(77), src[1]!.subarray(300))));
  });

  it('trim keeps only [start, end)', () => {
    expect(arr(render([{ type: 'trim', start: 123, end: 456 }])[0]!)).toEqual(arr(src[0]!.subarray(123, 456)));
  });

  it('gain scales exactly the range', () => {
    const out = render([{ type: 'gain', start: 200, end: 400, db: -6 }]);
    const g = 10 ** (-6 / 20);
    out[0]!.forEach((v, i) => expect(v).toBeCloseTo(i >= 200 && i < 400 ? src[0]![i]! * g : src[0]![i]!, 6));
  });

  it('fadeIn ramps 0 → 1 across the range and fadeOut 1 → 0', () => {
    const fin = render([{ type: 'fadeIn', start: 0, end: 100 }])[0]!;
    fin.forEach((v, i) => expect(v).toBeCloseTo(i < 100 ? (src[0]![i]! * i) / 100 : src[0]![i]!, 6));
    const fout = render([{ type: 'fadeOut', start: 900, end: 1000 }])[0]!;
    fout.forEach((v, i) => expect(v).toBeCloseTo(i >= 900 ? src[0]![i]! * (1 - (i - 900) / 100) : src[0]![i]!, 6));
  });

  it('a fade across a cut boundary follows the audio it was applied to', () => {
    // fade 0..200, then delete 50..150: the kept samples keep their own fade gains
    const out = render([{ type: 'fadeIn', start: 0, end: 200 }, { type: 'delete', start: 50, end: 150 }])[0]!;
    for (let i = 0; i < 50; i++) expect(out[i]).toBeCloseTo((src[0]![i]! * i) / 200, 6);
    for (let i = 50; i < 100; i++) expect(out[i]).toBeCloseTo((src[0]![i + 100]! * (i + 100)) / 200, 6);
  });

  it('markers move with edits before them and vanish with deleted audio', () => {
    let t = replay(N, [{ type: 'marker', at: 600, name: 'B' }, { type: 'marker', at: 100, name: 'A' }]);
    expect(t.markers).toEqual([{ name: 'A', at: 100 }, { name: 'B', at: 600 }]);
    t = applyOp(t, { type: 'delete', start: 50, end: 150 });
    expect(t.markers).toEqual([{ name: 'B', at: 500 }]);
    t = applyOp(t, { type: 'insertSilence', at: 0, length: 10 });
    expect(t.markers).toEqual([{ name: 'B', at: 510 }]);
    t = applyOp(t, { type: 'removeMarker', name: 'B' });
    expect(t.markers).toEqual([]);
  });

  it('normalize sets the master stage without touching the segments', () => {
    const t = replay(N, [{ type: 'normalize', gainDb: 3, ceilingDb: -1 }]);
    expect(t.master).toEqual({ gainDb: 3, ceilingDb: -1 });
    expect(timelineLength(t)).toBe(N);
  });

  it('a long mixed edit list renders the same as the same edits done on arrays', () => {
    const ops: FrameOp[] = [
      { type: 'delete', start: 900, end: 1000 },
      { type: 'paste', at: 0, segments: [{ kind: 'source', start: 800, length: 50, ramps: [] }] },
      { type: 'insertSilence', at: 425, length: 25 },
      { type: 'trim', start: 25, end: 925 },
    ];
    let expected = arr(src[0]!);
    expected = [...expected.slice(0, 900)];
    expected = [...arr(src[0]!.subarray(800, 850)), ...expected];
    expected = [...expected.slice(0, 425), ...new Array<number>(25).fill(0), ...expected.slice(425)];
    expected = expected.slice(25, 925);
    expect(arr(render(ops)[0]!)).toEqual(expected);
  });
});
