/**
 * Reads the user-named CA certificate file through the shared safe reader (never blocks the main
 * thread; `/dev/zero`, a FIFO, a folder or a huge file is refused before it is read), and says
 * what was wrong with it as `ca_cert_invalid` with a `problem` the settings screen can word.
 */
import { StudioError } from '../../../shared/errors.ts';
import { readUserFile } from '../files/index.ts';

/** A CA bundle is a few KB; even a whole national bundle fits well under this. */
export const MAX_CA_BYTES = 1024 * 1024;

export type CaProblem = 'missing' | 'not_regular_file' | 'too_large' | 'not_pem' | 'unreadable';

const PROBLEMS: Record<string, CaProblem> = { not_found: 'missing', not_a_file: 'not_regular_file', too_large: 'too_large' };

const invalid = (file: string, problem: CaProblem, extra: Record<string, unknown> = {}) =>
  new StudioError('ca_cert_invalid', `${problem}: ${file}`, { path: file, problem, ...extra });

export async function readCaFile(file: string): Promise<Buffer> {
  let pem: Buffer;
  try {
    pem = await readUserFile(file, { maxBytes: MAX_CA_BYTES });
  } catch (error) {
    const code = error instanceof StudioError ? error.code : 'io_error';
    throw invalid(file, PROBLEMS[code] ?? 'unreadable', { cause: code });
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw invalid(file, 'not_pem');
  return pem;
}
