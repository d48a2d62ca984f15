/**
 * LED boards service: board profiles and notices (SQLite), notices from bulletins, and the jobs
 * that export (PNG, GIF, notice package) and upload to Onbon BX controllers.
 */
export { createLed, type LedDeps, type LedService } from './service.ts';
export { exportNoticePackage, exportPngFrames, parseProgramme, programmeDurationMs, renderGif, NOTICE_FORMAT } from './export';
export type { ExportOptions, NoticeMeta } from './export';
export { boardPalette, frameToPng, framesToGif } from './images';
export { checkSendable, sendNotice } from './send';
export type { SendNoticeOptions } from './send';
export type { SendReport } from './bx/sender';
