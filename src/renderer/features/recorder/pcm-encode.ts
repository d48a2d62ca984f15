/**
 * Float blocks (one array per channel) to the wire format of recorder.append: interleaved
 * little-endian signed 16-bit PCM, base64. 16-bit is what a broadcast take needs and halves
 * what crosses IPC or the WebSocket.
 */
export function encodePcm16Base64(channels: Float32Array[]): string {
  const frames = channels[0]?.length ?? 0;
  const count = channels.length;
  const view = new DataView(new ArrayBuffer(frames * count * 2));
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < count; c++) {
      const v = Math.max(-1, Math.min(1, channels[c]![i]!));
      view.setInt16((i * count + c) * 2, Math.round(v < 0 ? v * 32768 : v * 32767), true);
    }
  }
  const bytes = new Uint8Array(view.buffer);
  let binary = '';
  // String.fromCharCode takes arguments on the stack: feed it slices.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Joins consecutive blocks of the same channel layout into one block. */
export function concatBlocks(blocks: Float32Array[][]): Float32Array[] {
  if (blocks.length === 0) return [];
  const channelCount = blocks[0]!.length;
  const frames = blocks.reduce((sum, b) => sum + b[0]!.length, 0);
  return Array.from({ length: channelCount }, (_, c) => {
    const out = new Float32Array(frames);
    let offset = 0;
    for (const block of blocks) {
      out.set(block[c]!, offset);
      offset += block[c]!.length;
    }
    return out;
  });
}
