/**
 * The recorder: takes streamed from the screen's microphone into growing WAV files that survive a
 * crash, recoverable after one, and kept as library assets when stopped. It owns its sessions table.
 */
import type { Library } from '../library/index.ts';
import type { Db } from '../storage/index.ts';
import { RecorderService } from './recorder.ts';

export { RecorderService } from './recorder.ts';

export const createRecorder = ({ db, dataDir, library }: { db: Db; dataDir: string; library: Library }): RecorderService =>
  new RecorderService(db, dataDir, library.assets, library.bulletins);
