// gifenc ships no types; these are the parts the GIF export uses (see its README).
declare module 'gifenc' {
  interface WriteFrameOptions {
    palette?: number[][];
    delay?: number;
    repeat?: number;
    transparent?: boolean;
    first?: boolean;
  }
  interface Encoder {
    writeFrame(index: Uint8Array, width: number, height: number, options?: WriteFrameOptions): void;
    finish(): void;
    bytes(): Uint8Array;
  }
  export function GIFEncoder(options?: { auto?: boolean }): Encoder;
  // Node's ESM loader sees the CommonJS build: everything under `default`.
  const commonjs: { GIFEncoder: typeof GIFEncoder } | undefined;
  export default commonjs;
}
