/**
 * `npm run web`: the studio in a browser, for machines where Electron cannot start and for the
 * end-to-end tests. Prints the address to open (with this run's token) and a JSON line for tools.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodePlatform, resolveDataDir } from '../platform.ts';
import { openStudio } from '../studio.ts';
import { startBridge } from './server.ts';

const rendererDir = path.resolve(fileURLToPath(new URL('../../../dist/renderer', import.meta.url)));
const dataDir = resolveDataDir(nodePlatform);
const studio = openStudio({ dataDir, transport: 'bridge' });
const bridge = await startBridge({ studio, rendererDir, port: Number(process.env.STUDIO_PORT ?? 0) });

process.stdout.write(
  `\nStudio đang chạy ở chế độ trình duyệt / Studio is running in browser mode.\n` +
    `Mở địa chỉ này / Open this address:\n\n  ${bridge.url}\n\nDữ liệu / Data: ${dataDir}\n\n` +
    `${JSON.stringify({ studioBridge: { url: bridge.url, port: bridge.port, token: bridge.token, dataDir } })}\n`,
);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await bridge.close();
  await studio.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
