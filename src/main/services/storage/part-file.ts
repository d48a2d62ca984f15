import fs from 'node:fs';
import path from 'node:path';

/**
 * A file written under a hidden temporary name beside its destination, and renamed into place
 * only once complete and flushed: a crash or a full disk never leaves a half-written file under
 * the real name.
 */
export class PartFile {
  readonly temp: string;
  private readonly fd: number;
  private open = true;

  constructor(readonly file: string) {
    this.temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.part`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.fd = fs.openSync(this.temp, 'w');
  }

  /** Appends, or writes at `position` (to patch a header). */
  write(bytes: Uint8Array, position?: number): void {
    fs.writeSync(this.fd, bytes, 0, bytes.length, position ?? null);
  }

  /** True once committed or aborted. */
  get closed(): boolean {
    return !this.open;
  }

  /** Flushes to disk and renames into place. */
  commit(): void {
    fs.fsyncSync(this.fd);
    this.close();
    fs.renameSync(this.temp, this.file);
  }

  /** Drops the temporary file (after an error or a cancel); safe to call more than once. */
  abort(): void {
    this.close();
    fs.rmSync(this.temp, { force: true });
  }

  private close(): void {
    if (!this.open) return;
    this.open = false;
    try {
      fs.closeSync(this.fd);
    } catch {
      // Already closed by a failed write.
    }
  }
}
