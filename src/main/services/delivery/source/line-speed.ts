/**
 * Chunk size fitted to the line. A chunk is what a dropped connection costs to re-send, and also
 * one request round trip: on a commune's 1 Mbit/s link small chunks keep a drop cheap, on a
 * district LAN large chunks keep round trips from eating the bandwidth. So each upload measures
 * the line and the next one to the same server sends chunks of about CHUNK_SECONDS of transfer.
 */
const CHUNK_SECONDS = 4;
const MIN_CHUNK = 1 << 20;
const MAX_CHUNK = 32 << 20;
/** Uploads shorter than this say more about start-up than about the line. */
const MIN_SAMPLE_BYTES = 4 << 20;

const bytesPerSecond = new Map<string, number>();

export function recordLineSpeed(server: string, bytes: number, seconds: number): void {
  if (bytes < MIN_SAMPLE_BYTES || seconds <= 0) return;
  const measured = bytes / seconds;
  const previous = bytesPerSecond.get(origin(server));
  // Smoothed, so one lucky or unlucky upload does not swing the next one's chunks.
  bytesPerSecond.set(origin(server), previous === undefined ? measured : previous * 0.5 + measured * 0.5);
}

/** The chunk size for the next upload: the configured one until the line has been measured. */
export function chunkSizeFor(server: string, configured: number): number {
  const speed = bytesPerSecond.get(origin(server));
  if (speed === undefined) return configured;
  return Math.round(Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, speed * CHUNK_SECONDS)));
}

function origin(server: string): string {
  try {
    return new URL(server).origin;
  } catch {
    return server;
  }
}
