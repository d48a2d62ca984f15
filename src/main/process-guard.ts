/**
 * The last line of defence of a long-running host: a promise rejected with nobody listening (a
 * handler's stray async work, a library's forgotten callback) is logged and the host keeps
 * serving. Node's default for that since v15 is to end the process, which for a studio means one
 * bad input from one client stops every recording and delivery in progress.
 *
 * Uncaught exceptions are not swallowed: after one, state may be half-changed, so the host logs
 * and exits and the user restarts it (every acknowledged write is already on disk).
 */
export function installProcessGuard(log: (line: string) => void = (line) => console.error(line)): () => void {
  let logged = 0;
  const onRejection = (reason: unknown) => {
    // A flood of identical rejections must not fill the disk with logs.
    if (logged++ < 1000) log(`[studio] unhandled rejection (kept running): ${describe(reason)}`);
  };
  process.on('unhandledRejection', onRejection);
  return () => process.off('unhandledRejection', onRejection);
}

function describe(reason: unknown): string {
  if (reason instanceof Error) return reason.stack ?? reason.message;
  try {
    return String(reason);
  } catch {
    return typeof reason;
  }
}
