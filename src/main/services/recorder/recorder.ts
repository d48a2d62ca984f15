import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MAX_RECORDINGS_OPEN, MAX_RECORDINGS_PER_CLIENT, type RecoverableTake, type RecordingProgress } from '../../../shared/api/recorder.ts';
import type { Asset } from '../../../shared/api/library-types.ts';
import { StudioError } from '../../../shared/errors.ts';
import { assertSupportedAudio } from '../audio/index.ts';
import { processAlive } from '../jobs/index.ts';
import type { Library } from '../library/index.ts';
import type { Db } from '../storage/index.ts';
import { GrowingWav, repairWavHeader, WAV_HEADER_BYTES } from './growing-wav.ts';
import { hashAndMeasureTake } from './hash-and-measure.ts';

export const RECORDINGS_DIR = 'recordings';

interface RecordingRow {
  session_id: string;
  file: string;
  device_label: string;
  sample_rate: number;
  channels: number;
  state: 'recording' | 'finished' | 'discarded';
  started_at: string;
  owner_pid: number | null;
}

interface Session {
  wav: GrowingWav;
  nextSeq: number;
  deviceLabel: string;
  startedAt: string;
  /** The connection that started the take, for the per-client cap. */
  client: string;
}

/**
 * Writes takes to disk as the screen streams them, one fsync per chunk (chunks are at most a
 * second), and turns a finished or recovered take into a library asset.
 */
export class RecorderService {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly db: Db,
    private readonly dataDir: string,
    private readonly assets: Library['assets'],
    private readonly bulletins: Pick<Library['bulletins'], 'get' | 'setAudio'>,
  ) {
    // Any take still marked as recording belongs to a run that died: repair its header now, so
    // the file on disk is a valid WAV even before the user decides what to do with it.
    for (const row of this.rows('recording').filter((r) => this.isInterrupted(r))) {
      const file = path.join(this.dataDir, row.file);
      if (fs.existsSync(file)) repairWavHeader(file, row.sample_rate, row.channels);
      else this.setState(row.session_id, 'discarded');
    }
  }

  start(options: { deviceLabel?: string; sampleRate: number; channels: number }, client = 'local'): { sessionId: string } {
    // The contract bounds these too; the service holds the same line for in-process callers.
    assertSupportedAudio(options);
    // Each take holds an open file: without caps one client could exhaust the process's descriptors.
    const open = [...this.sessions.values()];
    if (open.filter((session) => session.client === client).length >= MAX_RECORDINGS_PER_CLIENT || open.length >= MAX_RECORDINGS_OPEN) {
      throw new StudioError('busy', `at most ${MAX_RECORDINGS_PER_CLIENT} takes at once per client, ${MAX_RECORDINGS_OPEN} in all`, {
        perClient: MAX_RECORDINGS_PER_CLIENT,
        total: MAX_RECORDINGS_OPEN,
      });
    }
    const sessionId = randomUUID();
    const file = path.join(RECORDINGS_DIR, `${sessionId}.wav`);
    const dir = path.join(this.dataDir, RECORDINGS_DIR);
    const startedAt = new Date().toISOString();
    const deviceLabel = options.deviceLabel ?? '';
    try {
      fs.mkdirSync(dir, { recursive: true });
      // The row first: if we die between the two, recovery finds no file and drops the row.
      this.db
        .prepare(
          `INSERT INTO recordings (session_id, file, device_label, sample_rate, channels, state, started_at, owner_pid)
           VALUES (?, ?, ?, ?, ?, 'recording', ?, ?)`,
        )
        .run(sessionId, file, deviceLabel, options.sampleRate, options.channels, startedAt, process.pid);
      const wav = new GrowingWav(path.join(this.dataDir, file), options.sampleRate, options.channels);
      this.sessions.set(sessionId, { wav, nextSeq: 0, deviceLabel, startedAt, client });
    } catch (error) {
      this.db.prepare('DELETE FROM recordings WHERE session_id = ?').run(sessionId);
      throw ioError('take_not_opened', error);
    }
    return { sessionId };
  }

  append(sessionId: string, seq: number, pcmBase64: string): RecordingProgress {
    const session = this.session(sessionId);
    const { wav } = session;
    const progress = (): RecordingProgress => ({ sessionId, frames: wav.frames, durationSec: wav.frames / wav.sampleRate });
    // A retried chunk (the reply was lost) is already on disk.
    if (seq < session.nextSeq) return progress();
    if (seq > session.nextSeq) {
      throw new StudioError('invalid_argument', `chunk ${seq} arrived but ${session.nextSeq} was expected (a chunk was lost)`, {
        expected: session.nextSeq,
      });
    }
    const pcm = Buffer.from(pcmBase64, 'base64');
    if (pcm.length % wav.frameBytes !== 0) {
      throw new StudioError('invalid_argument', `chunk length ${pcm.length} is not a whole number of ${wav.frameBytes}-byte frames`);
    }
    if (pcm.length > wav.sampleRate * wav.frameBytes) {
      throw new StudioError('invalid_argument', 'a chunk may hold at most one second of audio');
    }
    try {
      wav.append(pcm);
    } catch (error) {
      throw ioError('take_not_written', error);
    }
    session.nextSeq += 1;
    return progress();
  }

  /** Finishes the take into an asset; "Ghi âm cho bản tin": with `bulletinId`, it becomes that bulletin's audio. */
  async stop(sessionId: string, name: string | undefined, actor: string, bulletinId?: number): Promise<Asset> {
    const session = this.session(sessionId);
    // Refused before the take is closed, so a wrong bulletin loses nothing: stop again without it.
    if (bulletinId !== undefined) this.assertCanTakeAudio(bulletinId);
    this.sessions.delete(sessionId);
    try {
      session.wav.finish();
    } catch (error) {
      throw ioError('take_not_finished', error);
    }
    return this.forBulletin(await this.toAsset(sessionId, name ?? defaultName(session.startedAt), actor), bulletinId, actor);
  }

  private assertCanTakeAudio(bulletinId: number): void {
    const bulletin = this.bulletins.get(bulletinId);
    if (bulletin.status === 'delivered') {
      throw new StudioError('invalid_transition', 'a delivered bulletin cannot be edited; duplicate it instead', { reason: 'bulletin_delivered', title: bulletin.title });
    }
  }

  private forBulletin(asset: Asset, bulletinId: number | undefined, actor: string): Asset {
    if (bulletinId !== undefined) this.bulletins.setAudio(bulletinId, { assetId: asset.id, origin: 'recording' }, actor);
    return asset;
  }

  recoverable(): RecoverableTake[] {
    return this.rows('recording')
      .filter((row) => this.isInterrupted(row))
      .map((row) => {
        const size = fileSize(path.join(this.dataDir, row.file));
        const frames = Math.max(0, Math.floor((size - WAV_HEADER_BYTES) / (row.channels * 2)));
        return {
          sessionId: row.session_id,
          deviceLabel: row.device_label,
          sampleRate: row.sample_rate,
          channels: row.channels,
          startedAt: row.started_at,
          durationSec: frames / row.sample_rate,
        };
      })
      .reverse();
  }

  async recover(sessionId: string, name: string | undefined, actor: string, bulletinId?: number): Promise<Asset> {
    const row = this.interrupted(sessionId);
    if (bulletinId !== undefined) this.assertCanTakeAudio(bulletinId);
    const file = path.join(this.dataDir, row.file);
    const frames = repairWavHeader(file, row.sample_rate, row.channels);
    if (frames === 0) {
      this.discard(sessionId);
      throw new StudioError('not_found', 'the interrupted take holds no audio', { reason: 'take_empty' });
    }
    return this.forBulletin(await this.toAsset(sessionId, name ?? defaultName(row.started_at), actor), bulletinId, actor);
  }

  discard(sessionId: string): void {
    const live = this.sessions.get(sessionId);
    const row = live ? this.row(sessionId) : this.interrupted(sessionId);
    if (live) {
      this.sessions.delete(sessionId);
      live.wav.abandon();
    }
    fs.rmSync(path.join(this.dataDir, row.file), { force: true });
    this.setState(sessionId, 'discarded');
  }

  /** Closes open takes without finishing them: they stay recoverable, as after a crash. */
  close(): void {
    for (const session of this.sessions.values()) session.wav.abandon();
    this.sessions.clear();
  }

  /** Moves the finished file under assets/<sha256>.wav and records it in the library. */
  private async toAsset(sessionId: string, name: string, actor: string): Promise<Asset> {
    const row = this.row(sessionId);
    const source = path.join(this.dataDir, row.file);
    try {
      const { sha256, loudness } = await hashAndMeasureTake(source, row.sample_rate, row.channels);
      const bytes = fileSize(source);
      const file = path.join('assets', `${sha256}.wav`);
      fs.mkdirSync(path.join(this.dataDir, 'assets'), { recursive: true });
      fs.renameSync(source, path.join(this.dataDir, file));
      const frames = (bytes - WAV_HEADER_BYTES) / (row.channels * 2);
      const asset = this.db.transaction(() => {
        const added = this.assets.add(
          { name, file, sha256, bytes, durationSec: frames / row.sample_rate, sampleRate: row.sample_rate, channels: row.channels, loudness },
          actor,
        );
        this.db
          .prepare(`UPDATE recordings SET state = 'finished', asset_id = ?, file = ?, ended_at = ? WHERE session_id = ?`)
          .run(added.id, file, new Date().toISOString(), sessionId);
        return added;
      })();
      return asset;
    } catch (error) {
      if (error instanceof StudioError) throw error;
      throw ioError('take_not_kept', error);
    }
  }

  private session(sessionId: string): Session {
    const session = this.sessions.get(sessionId);
    if (!session) throw new StudioError('not_found', `no open take ${sessionId}`, { reason: 'take_not_open', sessionId });
    return session;
  }

  private interrupted(sessionId: string): RecordingRow {
    const row = this.row(sessionId);
    if (!this.isInterrupted(row)) {
      throw new StudioError('conflict', `take ${sessionId} was not interrupted`, { reason: 'take_not_interrupted', sessionId });
    }
    return row;
  }

  /** Still marked as recording, but neither ours nor written by another live process. */
  private isInterrupted(row: RecordingRow): boolean {
    if (row.state !== 'recording' || this.sessions.has(row.session_id)) return false;
    return row.owner_pid === null || row.owner_pid === process.pid || !processAlive(row.owner_pid);
  }

  private row(sessionId: string): RecordingRow {
    const row = this.db.prepare('SELECT * FROM recordings WHERE session_id = ?').get(sessionId) as RecordingRow | undefined;
    if (!row) throw new StudioError('not_found', `take ${sessionId}`, { reason: 'take_unknown', sessionId });
    return row;
  }

  private rows(state: RecordingRow['state']): RecordingRow[] {
    return this.db.prepare('SELECT * FROM recordings WHERE state = ? ORDER BY started_at').all(state) as RecordingRow[];
  }

  private setState(sessionId: string, state: RecordingRow['state']): void {
    this.db.prepare('UPDATE recordings SET state = ?, ended_at = ? WHERE session_id = ?').run(state, new Date().toISOString(), sessionId);
  }
}

/** A take not named by the screen (which names it in the user's language) is named by its start time. */
const defaultName = (startedAt: string): string => startedAt.slice(0, 19).replace('T', ' ');


function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** A file-system failure of a take, by what could not be done (`reason`) and the system's code. */
function ioError(reason: string, error: unknown): StudioError {
  const code = (error as NodeJS.ErrnoException)?.code;
  return new StudioError('io_error', `${reason}${code ? ` (${code})` : ''}`, code ? { reason, errno: code } : { reason });
}
