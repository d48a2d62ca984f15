// Every job runs in a child process started here (see job-manager.ts for why a process, not a
// thread). argv[2] is the job module. The process asks for its input once it listens, so no
// message can arrive before anyone hears it; tsx is registered when the module is a .ts source
// (development, tests, browser mode). A packaged build points at compiled .js and skips it.
const entry = process.argv[2];
const start = new Promise((resolve) => {
  // A cancel may come first (the job is then cancelled through its cancel file).
  const onMessage = (message) => {
    if (message?.type !== 'start') return;
    process.off('message', onMessage);
    resolve(message);
  };
  process.on('message', onMessage);
});
// The host went away (crashed, killed): nobody wants the result any more.
process.on('disconnect', () => process.exit(70));
if (entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
process.send({ type: 'ready' });
globalThis.__studioJobStart = await start;
await import(entry);
