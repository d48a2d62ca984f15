/**
 * The WAV header as the audio core reads it: the foundation's parser, plus "size unknown" data
 * chunks (0 or 0xFFFFFFFF, written by streaming recorders that never patched the header) taken
 * as running to the end of the file.
 */
import { readWavInfo, type WavInfo } from '../media/wav-info.ts';

export function readWavHeader(head: Buffer, fileBytes: number): WavInfo & { declaredBytes: number } {
  const info = readWavInfo(head, fileBytes);
  const declaredBytes = head.readUInt32LE(info.dataOffset - 4);
  if (declaredBytes !== 0 && declaredBytes !== 0xffffffff) return { ...info, declaredBytes };
  const frameBytes = (info.bitsPerSample / 8) * info.channels;
  const dataBytes = fileBytes - info.dataOffset;
  return { ...info, declaredBytes, dataBytes, durationSec: Math.floor(dataBytes / frameBytes) / info.sampleRate };
}
