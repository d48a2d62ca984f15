import { useEffect, useRef } from 'react';
import { boardClockTime, boardFrame, brightnessAt, createBitmap, frameToRgba, programmeDurationMs } from '../../../shared/led/index.ts';
import { useRequest } from '../../api/hooks.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import './led.css';

/**
 * Synchronous output (#/led-output/<noticeId>): the board drawn 1:1, one screen pixel per LED,
 * without chrome or cursor, at the board's screen position, for a NovaStar/LinsN card that
 * mirrors that region of the screen.
 */
export default function LedOutputScreen({ param }: { param?: string }) {
  const id = Number(param);
  const notice = useRequest('led.notice.get', Number.isInteger(id) && id > 0 ? { id } : null);
  const board = useRequest('led.board.get', notice.data?.boardId ? { id: notice.data.boardId } : null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const programme = notice.data?.programme;
  const colourClass = board.data?.colourClass ?? 'single';
  const steps = board.data?.brightness;

  useEffect(() => {
    // The page's background is on the root element: the whole window goes black.
    document.documentElement.classList.add('led-output-page');
    return () => document.documentElement.classList.remove('led-output-page');
  }, []);

  useEffect(() => {
    const element = canvas.current;
    if (!programme || !element) return;
    const duration = programmeDurationMs(programme);
    const buffer = createBitmap(programme.width, programme.height);
    const context = element.getContext('2d')!;
    const start = performance.now();
    const startEpochMs = Date.now();
    let handle = requestAnimationFrame(function draw(now) {
      const t = Math.floor(now - start) % duration;
      const frame = boardFrame(programme, t, { startEpochMs: startEpochMs - t + Math.floor(now - start) }, buffer);
      const percent = steps ? brightnessAt(steps, boardClockTime(Date.now())) : 100;
      context.putImageData(new ImageData(new Uint8ClampedArray(frameToRgba(frame, colourClass, percent).buffer as ArrayBuffer), frame.width, frame.height), 0, 0);
      handle = requestAnimationFrame(draw);
    });
    return () => cancelAnimationFrame(handle);
  }, [programme, colourClass, steps]);

  if (notice.error) return <ErrorNotice error={notice.error} />;
  if (!programme) return null;
  const position = board.data?.controller.kind === 'mirror' ? board.data.controller : { screenX: 0, screenY: 0 };
  return (
    <canvas
      ref={canvas}
      className="led-output"
      data-testid="led-output"
      width={programme.width}
      height={programme.height}
      style={{ left: position.screenX, top: position.screenY, width: programme.width, height: programme.height }}
    />
  );
}
