// Every job worker starts here. A worker is a fresh V8 isolate that knows nothing of TypeScript,
// so when the job module is a .ts source (development, tests, browser mode) tsx is registered first.
// A packaged build points workers at compiled .js and skips it.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
