/**
 * Timing whole processes the way a user meets them (start-up included), for the benches that
 * compare the studio's commands with native tools: wall and CPU seconds (user + system, children
 * included) and the largest resident set, from GNU time, plus the load average to read them by.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Timed {
  wallSec: number;
  cpuSec: number;
  maxRssMB: number;
}

export function timeProcess(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): Timed {
  const report = path.join(os.tmpdir(), `studio-bench-time-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
  try {
    const run = spawnSync('/usr/bin/time', ['-o', report, '-f', '%e %U %S %M', command, ...args], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      input: options.input,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${run.status}): ${run.stderr.slice(-2000)}`);
    const [wall, user, system, kb] = fs.readFileSync(report, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
    return { wallSec: wall!, cpuSec: +(user! + system!).toFixed(2), maxRssMB: Math.round(kb! / 1024) };
  } finally {
    fs.rmSync(report, { force: true });
  }
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** Median of each figure over runs. */
export function medianOf(runs: Timed[]): Timed {
  return { wallSec: median(runs.map((r) => r.wallSec)), cpuSec: median(runs.map((r) => r.cpuSec)), maxRssMB: median(runs.map((r) => r.maxRssMB)) };
}

export const loadAverage = (): string => os.loadavg().map((v) => v.toFixed(2)).join(' ');

/**
 * Runs each contender `runs` times, alternating (a, b, c, a, b, c, …) so that a change in the
 * machine's load falls on all of them alike; returns the medians.
 */
export function alternate<K extends string>(runs: number, contenders: Record<K, () => Timed>): Record<K, Timed> {
  const results = Object.fromEntries(Object.keys(contenders).map((k) => [k, [] as Timed[]])) as unknown as Record<K, Timed[]>;
  for (let i = 0; i < runs; i++) for (const key of Object.keys(contenders) as K[]) results[key].push(contenders[key]());
  return Object.fromEntries(Object.entries(results).map(([k, v]) => [k, medianOf(v as Timed[])])) as Record<K, Timed>;
}
