/**
 * The WAV header as the audio core reads it: the foundation's parser (which validates the format
 * and follows chunks however far `data` is), plus "size unknown" data chunks (0 or 0xFFFFFFFF,
 * written by streaming recorders that never patched the header) taken as running to the end.
 */
import { readWavInfoFd, type WavInfo } from '../media/wav-info.ts';

export function readWavHeaderFd(fd: number, fileBytes: number): WavInfo {
  const info = readWavInfoFd(fd, fileBytes);
  const declared = info.declaredBytes;
  if (declared !== 0 && declared !== 0xffffffff) return info;
  const frameBytes = (info.bitsPerSample / 8) * info.channels;
  const dataBytes = fileBytes - info.dataOffset;
  return { ...info, dataBytes, durationSec: Math.floor(dataBytes / frameBytes) / info.sampleRate };
}
