/** Interleaved 16-bit PCM of a sine tone, base64, as the screen sends it. */
export function sineChunk(options: { sampleRate: number; channels: number; startFrame: number; frames: number; hz?: number }): string {
  const { sampleRate, channels, startFrame, frames, hz = 440 } = options;
  const pcm = Buffer.alloc(frames * channels * 2);
  for (let i = 0; i < frames; i++) {
    const value = Math.round(Math.sin((2 * Math.PI * hz * (startFrame + i)) / sampleRate) * 0.5 * 32767);
    for (let c = 0; c < channels; c++) pcm.writeInt16LE(value, (i * channels + c) * 2);
  }
  return pcm.toString('base64');
}
