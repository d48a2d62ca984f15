import { MAX_SCRIPT_CHARS } from '../../shared/api/library-types.ts';
import { readBoundedStream, readUserFile } from '../services/files/index.ts';

/** UTF-8 takes at most 4 bytes a character (3 for Vietnamese): the longest script, in bytes. */
export const MAX_TEXT_FILE_BYTES = MAX_SCRIPT_CHARS * 4;

/**
 * The bytes of a text file named on the command line (`-` for stdin): a regular file or a pipe of
 * at most MAX_TEXT_FILE_BYTES, so `--script-file /dev/zero` ends with `not_a_file` instead of
 * filling memory, and a folder or a FIFO is refused instead of hanging.
 */
export function readTextInput(file: string): Promise<Buffer> {
  return file === '-'
    ? readBoundedStream(process.stdin, { maxBytes: MAX_TEXT_FILE_BYTES, name: 'stdin' })
    : readUserFile(file, { maxBytes: MAX_TEXT_FILE_BYTES });
}
