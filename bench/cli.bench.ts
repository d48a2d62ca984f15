/**
 * The `studio` command as a technician runs it — a whole process each time, start-up included —
 * against the cheapest native tool doing the same work, timed the same way (bench/whole-process.ts),
 * with the same command run from its TypeScript sources through tsx (STUDIO_FROM_SOURCES=1, how
 * every call ran before the build in .vite/cli) as the "before" column, in the same run:
 *
 * - `studio --help` — reference: an empty Node process (`node -e 0`), the floor of any Node CLI.
 *   Goal: under 0.5 s.
 * - `studio search thong tin co so` on 100,000 bulletins made from the real texts in ../shared
 *   (which contain the words) — reference: the sqlite3 shell running the same FTS5 query
 *   (unicode61 remove_diacritics 2) on a table of the same rows. Goal: under 0.5 s.
 * - `studio loudness` on a 1-minute 48 kHz stereo WAV — reference: ffmpeg ebur128=peak=true at
 *   -loglevel error.
 * - `studio tts` with the built-in voice on the first 1,051 words of a real text — reference:
 *   espeak-ng piped into sox (resampling to 48 kHz and a gain). Goal: within 2×, under 200 MB.
 *
 * Runs alternate; medians of BENCH_CLI_RUNS (3). BENCH_CLI_BULLETINS changes the library size,
 * BENCH_CLI_TASKS picks the rows (help,search,loudness,tts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CATEGORIES, PRIORITIES } from '../src/shared/api/library-types.ts';
import { openStudio } from '../src/main/studio.ts';
import { loadParagraphs, seededRandom } from './corpus.ts';
import { alternate, loadAverage, timeProcess, type Timed } from './whole-process.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 3);
const BULLETINS = Number(process.env.BENCH_CLI_BULLETINS ?? 100_000);
const TASKS = (process.env.BENCH_CLI_TASKS ?? 'help,search,loudness,tts').split(',');
const TTS_WORDS = 1051;
const TTS_SOURCE = path.resolve(ROOT, '../shared/data/vi-text/binh-duong-6587-KH-UBND-2023.txt');

const studio = (dataDir: string, args: string[], fromSources = false) => () =>
  timeProcess(process.execPath, ['bin/studio.js', ...args], { cwd: ROOT, env: { STUDIO_DATA_DIR: dataDir, STUDIO_FROM_SOURCES: fromSources ? '1' : '0' } });

interface Row {
  after: Timed;
  before: Timed;
  reference: Timed;
  referenceIs: string;
  /** wall time after ÷ reference wall time (> 1: slower than the reference). */
  ratio: number;
  ratioCpu: number;
  speedupVersusBefore: number;
  goal?: string;
  goalMet?: boolean;
}

function row(results: { after: Timed; before: Timed; reference: Timed }, referenceIs: string, goal?: { text: string; met: (t: Timed) => boolean }): Row {
  const { after, before, reference } = results;
  return {
    after,
    before,
    reference,
    referenceIs,
    ratio: +(after.wallSec / reference.wallSec).toFixed(2),
    ratioCpu: +(after.cpuSec / Math.max(0.01, reference.cpuSec)).toFixed(2),
    speedupVersusBefore: +(before.wallSec / after.wallSec).toFixed(2),
    ...(goal ? { goal: goal.text, goalMet: goal.met(after) } : {}),
  };
}

/** The library at BULLETINS bulletins (studio data dir), and the same rows in a plain FTS5 table. */
function buildLibrary(work: string): { dataDir: string; referenceDb: string } {
  const dataDir = path.join(work, 'library');
  const studioInstance = openStudio({ dataDir, transport: 'test' });
  const reference = new Database(path.join(work, 'reference.sqlite'));
  reference.exec(`CREATE VIRTUAL TABLE ref USING fts5(title, script, tokenize = 'unicode61 remove_diacritics 2')`);
  const insertReference = reference.prepare('INSERT INTO ref (title, script) VALUES (?, ?)');
  const paragraphs = loadParagraphs();
  const random = seededRandom(2024);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  try {
    const { library, db } = studioInstance.services;
    const batch = db.transaction((n: number) => {
      for (let i = 0; i < n; i++) {
        const title = pick(paragraphs).split(/[.,;:]/)[0]!.slice(0, 90);
        const script = Array.from({ length: 2 + Math.floor(random() * 4) }, () => pick(paragraphs)).join('\n\n');
        library.bulletins.create({ title, script, category: pick(CATEGORIES), priority: pick(PRIORITIES) }, 'bench');
        insertReference.run(title, script);
      }
    });
    const referenceBatch = reference.transaction((n: number) => batch(n));
    for (let done = 0; done < BULLETINS; done += 1000) referenceBatch(Math.min(1000, BULLETINS - done));
  } finally {
    reference.close();
    void studioInstance.close();
  }
  return { dataDir, referenceDb: path.join(work, 'reference.sqlite') };
}

function ttsText(work: string): string {
  const words = fs.readFileSync(TTS_SOURCE, 'utf8').split(/(\s+)/);
  let count = 0;
  let text = '';
  for (const part of words) {
    if (part.trim()) {
      if (count === TTS_WORDS) break;
      count++;
    }
    text += part;
  }
  const file = path.join(work, 'tts.txt');
  fs.writeFileSync(file, `${text.trim()}.\n`);
  return file;
}

export default async function cliBench() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-bench-cli-'));
  const rows: Record<string, Row> = {};
  const print = (name: string, r: Row) =>
    process.stdout.write(
      `${name.padEnd(10)} studio ${r.after.wallSec}s (cpu ${r.after.cpuSec}s, ${r.after.maxRssMB} MB) | before (tsx) ${r.before.wallSec}s | ` +
        `${r.referenceIs} ${r.reference.wallSec}s (cpu ${r.reference.cpuSec}s, ${r.reference.maxRssMB} MB) | ratio ${r.ratio}× (cpu ${r.ratioCpu}×)` +
        `${r.goal ? ` | goal ${r.goal}: ${r.goalMet ? 'met' : 'NOT met'}` : ''} | load ${loadAverage()}\n`,
    );
  try {
    const empty = path.join(work, 'empty');
    process.stdout.write(`load average at start: ${loadAverage()}\n`);
    if (TASKS.includes('help')) {
      const results = alternate(RUNS, {
        after: studio(empty, ['--help']),
        before: studio(empty, ['--help'], true),
        reference: () => timeProcess(process.execPath, ['-e', '0']),
      });
      print('help', (rows.help = row(results, 'node -e 0', { text: '< 0.5 s', met: (t) => t.wallSec < 0.5 })));
    }
    if (TASKS.includes('search')) {
      const started = performance.now();
      const { dataDir, referenceDb } = buildLibrary(work);
      process.stdout.write(`library of ${BULLETINS} bulletins built in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
      const query = ['thong', 'tin', 'co', 'so'];
      const sql = `SELECT rowid, title FROM ref WHERE ref MATCH '${query.join(' ')}' ORDER BY rank LIMIT 50;`;
      const results = alternate(RUNS, {
        after: studio(dataDir, ['search', ...query, '--json']),
        before: studio(dataDir, ['search', ...query, '--json'], true),
        reference: () => timeProcess('sqlite3', [referenceDb, sql]),
      });
      print('search', (rows.search = row(results, 'sqlite3 FTS5 query', { text: '< 0.5 s', met: (t) => t.wallSec < 0.5 })));
    }
    if (TASKS.includes('loudness')) {
      const wav = path.join(work, 'one-minute.wav');
      timeProcess('ffmpeg', ['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'anoisesrc=d=60:c=pink:r=48000:a=0.25:s=1', '-f', 'lavfi', '-i', 'anoisesrc=d=60:c=pink:r=48000:a=0.25:s=2', '-filter_complex', 'amerge=inputs=2', '-c:a', 'pcm_s16le', wav]);
      const results = alternate(RUNS, {
        after: studio(empty, ['loudness', wav, '--json']),
        before: studio(empty, ['loudness', wav, '--json'], true),
        reference: () => timeProcess('ffmpeg', ['-hide_banner', '-nostats', '-loglevel', 'error', '-i', wav, '-af', 'ebur128=peak=true', '-f', 'null', '-']),
      });
      print('loudness', (rows.loudness = row(results, 'ffmpeg ebur128=peak=true')));
    }
    if (TASKS.includes('tts')) {
      const text = ttsText(work);
      // A fresh data folder each run: the sentence cache would otherwise answer every later run.
      let n = 0;
      const fresh = () => path.join(work, `tts-${n++}`);
      const out = path.join(work, 'speech.wav');
      const args = ['tts', '--voice', 'builtin:vi', '--file', text, '--out', out];
      const results = alternate(Math.min(RUNS, 2), {
        after: () => studio(fresh(), args)(),
        before: () => studio(fresh(), args, true)(),
        reference: () => timeProcess('sh', ['-c', `espeak-ng -v vi -f "${text}" --stdout | sox -t wav - -r 48000 "${path.join(work, 'ref.wav')}" gain -n -3`]),
      });
      print('tts', (rows.tts = row(results, 'espeak-ng | sox rate+gain', { text: '≤ 2× and < 200 MB', met: (t) => t.wallSec <= 2 * results.reference.wallSec && t.maxRssMB < 200 })));
    }
    return { bulletins: BULLETINS, runs: RUNS, loadAverageAtEnd: loadAverage(), ...rows };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
