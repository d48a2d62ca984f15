/** LED boards service: export (PNG, GIF, notice package) and upload to Onbon BX controllers. */
export { exportNoticePackage, exportPngFrames, parseProgramme, programmeDurationMs, renderGif, NOTICE_FORMAT } from './export';
export type { ExportOptions, NoticeMeta } from './export';
export { boardPalette, frameToPng, framesToGif } from './images';
export { sendNotice } from './send';
export type { SendNoticeOptions } from './send';
export type { SendReport } from './bx/sender';
