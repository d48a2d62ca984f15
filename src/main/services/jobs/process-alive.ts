/** Whether a process with this id is running (signal 0 probes without signalling). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else (it is alive); ESRCH: it is gone.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
