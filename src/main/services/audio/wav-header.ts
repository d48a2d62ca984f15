/**
 * The WAV header as the audio core reads it: the foundation's parser (which validates the format
 * and follows chunks however far `data` is), plus "size unknown" data chunks (0 or 0xFFFFFFFF,
 * written by streaming recorders that never patched the header) taken as running to the end.
 */
import fs from 'node:fs';
import { readWavInfoFd, type WavInfo } from './wav-info.ts';

export function readWavHeaderFd(fd: number, fileBytes: number): WavInfo {
  const info = readWavInfoFd(fd, fileBytes);
  const declared = info.declaredBytes;
  if (declared !== 0 && declared !== 0xffffffff) return info;
  // A real zero-length data chunk has the next chunk right after it, not audio.
  if (declared === 0 && startsWithChunk(fd, info.dataOffset, fileBytes)) return info;
  const frameBytes = (info.bitsPerSample / 8) * info.channels;
  const dataBytes = fileBytes - info.dataOffset;
  return { ...info, dataBytes, durationSec: Math.floor(dataBytes / frameBytes) / info.sampleRate };
}

function startsWithChunk(fd: number, offset: number, fileBytes: number): boolean {
  if (offset + 8 > fileBytes) return false;
  const header = Buffer.alloc(8);
  fs.readSync(fd, header, 0, 8, offset);
  return /^[A-Za-z][A-Za-z0-9 ]{3}$/.test(header.toString('latin1', 0, 4)) && offset + 8 + header.readUInt32LE(4) <= fileBytes;
}
