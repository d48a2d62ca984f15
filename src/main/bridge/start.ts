/**
 * `npm run web`: the studio in a browser, for machines where Electron cannot start and for the
 * end-to-end tests. Prints the address to open (with this run's token) and a JSON line for tools.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodePlatform, resolveDataDir } from '../platform.ts';
import { describeError, StudioError, systemErrorToStudioError, technicalDetail } from '../../shared/errors.ts';
import { openStudioLazily, type LazyStudio } from '../studio-lazy.ts';
import { installProcessGuard } from '../process-guard.ts';
import { startBridge, type Bridge } from './server.ts';

installProcessGuard();

/** The built screen, dist/renderer in the repository: three folders up from this source, two from its build in .vite/cli. */
const here = fileURLToPath(import.meta.url);
const rendererDir = path.resolve(path.dirname(here), here.endsWith('.ts') ? '../../..' : '../..', 'dist/renderer');
const dataDir = resolveDataDir(nodePlatform);
let studio: LazyStudio;
let bridge: Bridge;
try {
  // The core services only: the library screen is answered while the rest loads, just below.
  studio = openStudioLazily({ dataDir, transport: 'bridge' });
  bridge = await startBridge({ studio, rendererDir, port: Number(process.env.STUDIO_PORT ?? 0) });
} catch (error) {
  // A data folder that cannot be opened (read-only, full disk, a port in use) is said in words, once.
  const typed = systemErrorToStudioError(error) ?? new StudioError('internal', error instanceof Error ? error.message : String(error));
  process.stderr.write(`Lỗi: ${describeError(typed.toPayload(), 'vi')}\nError: ${describeError(typed.toPayload(), 'en')}\n(chi tiết / detail: ${technicalDetail(typed.toPayload())})\n`);
  process.exit(1);
}

process.stdout.write(
  `\nStudio đang chạy ở chế độ trình duyệt / Studio is running in browser mode.\n` +
    `Mở địa chỉ này / Open this address:\n\n  ${bridge.url}\n\nDữ liệu / Data: ${dataDir}\n\n` +
    `${JSON.stringify({ studioBridge: { url: bridge.url, port: bridge.port, token: bridge.token, dataDir } })}\n`,
);

// The optional services (delivery's runner among them) start a moment later whether or not a
// screen asks for one, so that their loading does not hold up the screen's first files and the
// library's first answer; a request for one of them loads them at once.
const OPTIONAL_SERVICES_AFTER_MS = 1000;
const loadOptional = setTimeout(() => studio.all().catch((error: unknown) => console.error('[studio] optional services failed to load:', error)), OPTIONAL_SERVICES_AFTER_MS);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  clearTimeout(loadOptional);
  await bridge.close();
  await studio.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
