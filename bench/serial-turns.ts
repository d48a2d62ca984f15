/**
 * Where a stop-and-wait turn's time goes, read from the pacing relay's trace (the wire's own view,
 * identical for every sender). One turn, for each full 1K block:
 *
 *   sender ──block──▶ relay ──paced──▶ rb ──ACK──▶ relay ──▶ sender ──next block──▶ relay
 *          A (first chunk in)    D (last chunk out)    R (ACK in)   S (ACK out)      A' (next in)
 *
 * - line:   D − A, the block on the simulated wire (ideal 1029 B at 11,520 B/s = 89.3 ms; the
 *           rest is the relay's timer firing late);
 * - peer:   R − D, rb taking the block and answering, with both hops through its socat pair;
 * - relay:  S − R, the relay handing the ACK on (1 B of line time, 0.09 ms);
 * - sender: A' − S, the sender seeing the ACK and writing the next block, with both hops through
 *           its socat pair.
 */
import type { RelayEvent } from '../tests/main/services/serial/relay.ts';

type Parts = { total: number; line: number; peer: number; relay: number; sender: number; senderIn?: number; senderOwn?: number; senderOut?: number };

export interface TurnFigures {
  turns: number;
  /** Milliseconds: mean (what adds up to the transfer's time), median and 90th percentile of each part of a turn. */
  mean: Parts;
  median: Parts;
  p90: Parts;
  /** Seconds of the run outside the full-block turns: start, header, the last short blocks, EOT, end of batch. */
  outsideTurns: number;
  /** The line rate fraction of the full-block turns alone (1024 B of data per mean turn). */
  turnLineFraction: number;
}

/**
 * The sender's own marks, where it can give them (the studio; not sb), on the same clock: when it
 * saw each ACK and when it called write for the next block. They split `sender` into the hop in
 * (S → ACK seen), the sender's own time (ACK seen → write called) and the hop out (→ A').
 */
export interface SenderMarks {
  ackSeen: number[];
  writeCalled: number[];
}

interface Turn {
  A: number;
  bytes: number;
  D: number;
  R: number;
  S: number;
}

/** 115,200 baud, 10 bits a byte. */
const LINE_BYTES_PER_MS = 11.52;

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

/** The first value ≥ `from` in an ascending list, or NaN. */
function firstFrom(sorted: number[], from: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length ? sorted[lo]! : NaN;
}

/** `seconds`: the run's elapsed time, as the bench measured it. */
export function turnFigures(events: RelayEvent[], seconds: number, marks?: SenderMarks, fullBlock = 1029): TurnFigures {
  const turns: Turn[] = [];
  let current: Partial<Turn> | null = null;
  for (const e of [...events].sort((a, b) => a.at - b.at)) {
    if (e.direction === 'toPeer' && e.stage === 'in') {
      if (!current) current = { A: e.at, bytes: 0 };
      if (current.R === undefined) current.bytes! += e.bytes;
    } else if (e.direction === 'toPeer' && e.stage === 'out') {
      if (current && current.R === undefined) current.D = e.at;
    } else if (e.direction === 'toStudio' && e.stage === 'in') {
      if (current?.D !== undefined && current.R === undefined) current.R = e.at;
    } else if (current?.R !== undefined) {
      current.S = e.at;
      turns.push(current as Turn);
      current = null;
    }
  }
  const parts: Record<keyof Parts, number[]> = { total: [], line: [], peer: [], relay: [], sender: [], senderIn: [], senderOwn: [], senderOut: [] };
  for (let i = 0; i + 1 < turns.length; i++) {
    const t = turns[i]!;
    const next = turns[i + 1]!;
    if (t.bytes !== fullBlock || next.bytes !== fullBlock) continue;
    parts.total.push(next.A - t.A);
    parts.line.push(t.D - t.A);
    parts.peer.push(t.R - t.D);
    parts.relay.push(t.S - t.R);
    parts.sender.push(next.A - t.S);
    if (marks) {
      const seen = firstFrom(marks.ackSeen, t.S);
      const called = firstFrom(marks.writeCalled, seen);
      if (called <= next.A) {
        parts.senderIn!.push(seen - t.S);
        parts.senderOwn!.push(called - seen);
        parts.senderOut!.push(next.A - called);
      }
    }
  }
  const figure = (of: (v: number[]) => number) =>
    Object.fromEntries(
      Object.entries(parts)
        .filter(([, v]) => v.length > 0)
        .map(([k, v]) => [k, +of(v).toFixed(2)]),
    ) as Parts;
  const sum = parts.total.reduce((a, b) => a + b, 0);
  const mean = figure((v) => v.reduce((a, b) => a + b, 0) / v.length);
  return {
    turns: parts.total.length,
    mean,
    median: figure((v) => quantile(v, 0.5)),
    p90: figure((v) => quantile(v, 0.9)),
    outsideTurns: +(seconds - sum / 1000).toFixed(2),
    turnLineFraction: +(1024 / mean.total / LINE_BYTES_PER_MS).toFixed(3),
  };
}
