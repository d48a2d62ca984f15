/**
 * Streaming decoders for compressed sources, all maintained WebAssembly builds bundled in their
 * npm packages (nothing downloaded): mpg123 for MP3, libFLAC, libopus and libvorbis.
 */
import { StudioError } from '../../../shared/errors.ts';
import type { SourceFormat } from './sniff.ts';

export interface DecodedChunk {
  channelData: Float32Array[];
  samplesDecoded: number;
  sampleRate: number;
  errors: { message: string }[];
}

export interface StreamDecoder {
  decode(chunk: Uint8Array): Promise<DecodedChunk>;
  flush(): Promise<DecodedChunk | null>;
  free(): void;
}

interface WasmDecoder {
  ready: Promise<void>;
  decode(data: Uint8Array): DecodedChunk | Promise<DecodedChunk>;
  flush?: () => Promise<DecodedChunk>;
  free(): void;
}

export async function openDecoder(format: Exclude<SourceFormat, 'wav'>): Promise<StreamDecoder> {
  let decoder: WasmDecoder;
  if (format === 'mp3') {
    const { MPEGDecoder } = await import('mpg123-decoder');
    decoder = new MPEGDecoder() as unknown as WasmDecoder;
  } else if (format === 'flac') {
    const { FLACDecoder } = await import('@wasm-audio-decoders/flac');
    decoder = new FLACDecoder() as unknown as WasmDecoder;
  } else if (format === 'opus') {
    const { OggOpusDecoder } = await import('ogg-opus-decoder');
    decoder = new OggOpusDecoder() as unknown as WasmDecoder;
  } else if (format === 'vorbis') {
    const { OggVorbisDecoder } = await import('@wasm-audio-decoders/ogg-vorbis');
    decoder = new OggVorbisDecoder() as unknown as WasmDecoder;
  } else {
    throw new StudioError('unsupported_format', `no decoder for ${String(format)}`);
  }
  await decoder.ready;
  // Damaged data can trap inside the WebAssembly decoder ("memory access out of bounds"): that is
  // a corrupt file, not a failure of the studio, and the decoder is not used again after it.
  const corrupt = (error: unknown) =>
    error instanceof StudioError ? error : new StudioError('audio_corrupt', `the ${format} data cannot be decoded (${error instanceof Error ? error.message : String(error)})`, { format, reason: 'decoder_trap' });
  return {
    decode: async (chunk) => {
      try {
        return await decoder.decode(chunk);
      } catch (error) {
        throw corrupt(error);
      }
    },
    flush: async () => {
      try {
        return decoder.flush ? await decoder.flush() : null;
      } catch (error) {
        throw corrupt(error);
      }
    },
    free: () => {
      try {
        decoder.free();
      } catch {
        // A decoder that trapped may fail to free; its memory goes with the job's process.
      }
    },
  };
}
