// Every job runs in a child process started here (see job-manager.ts for why a process, not a
// thread): a forked Node process, or an Electron utility process in the app. The job module comes
// in the environment, because the two pass arguments differently; tsx is registered when it is a
// .ts source (development, tests, browser mode). A packaged build points at compiled .js and skips it.
// The module calls defineJobWorker (worker-runtime.ts), which talks to the manager.
const entry = process.env.STUDIO_JOB_ENTRY;
if (!entry) throw new Error('STUDIO_JOB_ENTRY is not set');
// A forked Node process whose host went away (crashed, killed): nobody wants the result any more.
// (A utility process is ended by Electron with its parent.)
process.on('disconnect', () => process.exit(70));
if (entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(entry);
