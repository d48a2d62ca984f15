import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { boardClockTime, boardFrame, brightnessAt, createBitmap, ledDotImage, programmeDurationMs, type Bitmap, type ColourClass, type Programme } from '../../../shared/led/index.ts';
import { fmt } from '../../components/useFormat.ts';

export interface PreviewBoard {
  colourClass: ColourClass;
  brightness: { from: string; percent: number }[];
}

const ZOOMS = [1, 2, 3, 4, 5, 6, 8, 10];
const clockNow = () => boardClockTime(Date.now());

/** The largest integer zoom that keeps the board within `maxWidth` screen pixels (at least 1). */
export const fittingZoom = (width: number, maxWidth: number): number => Math.max(1, Math.min(8, Math.floor(maxWidth / width)));

/**
 * The board at its true pixel grid, as LED dots, drawn here with the shared rasteriser (the same
 * `boardFrame` the export and the upload use): play/pause, a time scrubber, integer zoom.
 */
export function LedPreview({ programme, board }: { programme: Programme; board: PreviewBoard }) {
  const { t } = useTranslation('led');
  const canvas = useRef<HTMLCanvasElement>(null);
  const duration = programmeDurationMs(programme);
  const [playing, setPlaying] = useState(true);
  const [time, setTime] = useState(0);
  const stage = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(1);
  // Start at the largest integer zoom the stage has room for; the editor may change it.
  useEffect(() => {
    if (stage.current) setZoom(fittingZoom(programme.width, stage.current.clientWidth - 24));
  }, [programme.width]);
  const clock = clockNow();
  const brightness = brightnessAt(board.brightness, clock);

  // Playing: a frame per animation frame, from where the scrubber was.
  const origin = useRef({ at: performance.now(), from: 0 });
  useEffect(() => {
    if (!playing) return;
    origin.current = { at: performance.now(), from: time };
    let handle = requestAnimationFrame(function tick(now) {
      setTime(Math.floor(origin.current.from + now - origin.current.at) % duration);
      handle = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(handle);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [playing, duration]);

  // Redraw only when the board's pixels change (a scroll moves a pixel every 1000/speed ms).
  const buffer = useRef<Bitmap | null>(null);
  const shown = useRef<{ data: Uint8Array; key: string } | null>(null);
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    if (!buffer.current || buffer.current.width !== programme.width || buffer.current.height !== programme.height)
      buffer.current = createBitmap(programme.width, programme.height);
    const frame = boardFrame(programme, time, { startEpochMs: Date.now() - time }, buffer.current);
    const key = `${zoom}/${board.colourClass}/${brightness}`;
    if (shown.current && shown.current.key === key && equalBytes(shown.current.data, frame.data)) return;
    shown.current = { data: frame.data.slice(), key };
    const image = ledDotImage(frame, { scale: zoom, colourClass: board.colourClass, brightness });
    element.width = image.width;
    element.height = image.height;
    element.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(image.data.buffer as ArrayBuffer), image.width, image.height), 0, 0);
  }, [programme, time, zoom, board.colourClass, brightness]);

  return (
    <section className="card led-preview" data-testid="led-preview">
      <h3>{t('preview.title')}</h3>
      <div className="led-stage" ref={stage}>
        <canvas
          ref={canvas}
          className="led-canvas"
          data-testid="led-canvas"
          data-width={programme.width}
          data-height={programme.height}
          data-zoom={zoom}
          data-time={time}
          style={{ width: programme.width * zoom, height: programme.height * zoom }}
        />
      </div>
      <div className="led-controls">
        <button type="button" onClick={() => setPlaying((p) => !p)} data-testid="led-play">
          {playing ? t('preview.pause') : t('preview.play')}
        </button>
        <label className="led-scrub">
          <span>{t('preview.time')}</span>
          <input
            type="range"
            min={0}
            max={duration - 1}
            step={1}
            value={time}
            data-testid="led-scrubber"
            onChange={(e) => {
              setPlaying(false);
              setTime(Number(e.target.value));
            }}
          />
          <output data-testid="led-time">{fmt.number(time / 1000, { digits: 2 })} / {fmt.number(duration / 1000, { digits: 1 })} s</output>
        </label>
        <label>
          <span>{t('preview.zoom')}</span>
          <select value={zoom} onChange={(e) => setZoom(Number(e.target.value))} data-testid="led-zoom">
            {ZOOMS.map((z) => (
              <option key={z} value={z}>
                ×{z}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted small">{t('preview.brightness', { percent: brightness, time: clock })}</p>
    </section>
  );
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
