/**
 * Issue 8: the CLI's share of the fuzz suite. A seeded set of bad invocations (wrong types, missing
 * and unknown arguments, hostile text, devices, FIFOs and system folders as paths) of every command
 * the CLI registers: each ends, with status 0 or 1, and a failure says something in words, never a
 * stack. CLI_FUZZ_RUNS sets how many (12 by default; each is a fresh process), CLI_FUZZ_SEED replays one.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { registerAudioCommands } from '../../../src/main/cli/commands/audio.ts';
import { registerBulletinCommands } from '../../../src/main/cli/commands/bulletin.ts';
import { registerDeliveryCommands } from '../../../src/main/cli/commands/delivery.ts';
import { registerLedCommands } from '../../../src/main/cli/commands/led.ts';
import { registerLibraryCommands } from '../../../src/main/cli/commands/library.ts';
import { registerReadingCommands } from '../../../src/main/cli/commands/reading.ts';
import { registerTtsCommands } from '../../../src/main/cli/commands/tts.ts';
import { REPO_ROOT } from '../../helpers/browser-host.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';
import { hostilePaths, rng } from '../fuzz/arbitrary.ts';
import { prepareSandbox } from '../fuzz/fuzz-host.ts';

const RUNS = Number(process.env.CLI_FUZZ_RUNS ?? 12);
const SEED = Number(process.env.CLI_FUZZ_SEED ?? 8);
const PARALLEL = 4;

/** Every leaf command with its arguments and options, read from the CLI's own registration. */
function commands(): Array<{ words: string[]; args: number; options: string[] }> {
  const program = new Command('studio');
  for (const register of [registerAudioCommands, registerBulletinCommands, registerDeliveryCommands, registerLibraryCommands, registerReadingCommands, registerTtsCommands, registerLedCommands]) {
    register(program);
  }
  const out: Array<{ words: string[]; args: number; options: string[] }> = [];
  const walk = (command: Command, prefix: string[]) => {
    for (const sub of command.commands) {
      const words = [...prefix, sub.name()];
      if (sub.commands.length) walk(sub, words);
      else out.push({ words, args: sub.registeredArguments.length, options: sub.options.map((o) => o.long!).filter(Boolean) });
    }
  };
  walk(program, []);
  return out;
}

function run(args: string[], dataDir: string) {
  return new Promise<{ status: number | null; signal: string | null; stderr: string; args: string[] }>((resolve) => {
    const child = spawn(process.execPath, ['bin/studio.js', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, STUDIO_DATA_DIR: dataDir },
      stdio: ['pipe', 'ignore', 'pipe'],
      timeout: 180_000,
    });
    child.stdin.end(); // `-` (stdin) reads an empty input, never waits for a terminal
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status, signal) => resolve({ status, signal, stderr, args }));
  });
}

describe('fuzzing the CLI', () => {
  const temp = makeTempDir('studio-cli-fuzz-');
  const sandbox = path.join(temp.dir, 'sandbox');
  afterAll(() => temp.remove());

  it(`${RUNS} seeded bad invocations (seed ${SEED}) end with a message, never a stack or a hang`, { timeout: 900_000 }, async () => {
    prepareSandbox(sandbox);
    const r = rng(SEED);
    const all = commands();
    expect(all.length).toBeGreaterThan(15);
    const values = [
      ...hostilePaths(sandbox).filter((p) => !p.includes('\u0000') && p !== ''),
      '', '-1', '0', 'abc', '1e309', '99999999999999999999', 'NaN', '\u202Egnp.exe', '\uD800', 'ầ'.repeat(40_000),
      '-', '=', 'TT=', 'x=y', 'http://127.0.0.1:9/', 'emergency', 'usb', '--bogus',
    ];
    const invocations = Array.from({ length: RUNS }, () => {
      const command = r.pick(all);
      const args = [...command.words];
      for (let i = r.int(0, command.args + 1); i > 0; i--) args.push(r.pick(values));
      for (let i = r.int(0, 2); i > 0; i--) {
        args.push(r.chance(0.85) && command.options.length ? r.pick(command.options) : '--bogus');
        if (r.chance(0.8)) args.push(r.pick(values));
      }
      return args;
    });

    const results: Awaited<ReturnType<typeof run>>[] = [];
    for (let i = 0; i < invocations.length; i += PARALLEL) {
      results.push(...(await Promise.all(invocations.slice(i, i + PARALLEL).map((args) => run(args, path.join(temp.dir, 'data'))))));
    }
    for (const result of results) {
      const label = JSON.stringify(result.args).slice(0, 300);
      expect(result.signal, `${label} did not end`).toBeNull();
      expect([0, 1], `${label}: status ${result.status}\n${result.stderr.slice(0, 800)}`).toContain(result.status);
      expect(result.stderr, label).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
      if (result.status !== 0) expect(result.stderr.trim().length, `${label} failed without a word`).toBeGreaterThan(0);
    }
    // The set is not all trivially refused: some reach the studio and fail there, some succeed.
    expect(results.filter((x) => x.status === 1).length).toBeGreaterThan(RUNS / 4);
  });
});
