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
  // A CommonJS module: Node's ESM loader exposes it as the default export only.
  const gifenc: { GIFEncoder(options?: { auto?: boolean }): Encoder };
  export default gifenc;
}
