/**
 * 1-bit (or palette-indexed) pixel grids: one byte per pixel, row by row. Small and fast to blit;
 * the LED boards themselves are 1-bit per colour plane.
 */
export interface Bitmap {
  width: number;
  height: number;
  data: Uint8Array;
  /**
   * Lit columns per row, [first, last+1) at 2y and 2y+1 (first = last = 0 for an empty row);
   * set by `sealBitmap` on bitmaps that no longer change, so `blit` skips their dark parts.
   */
  spans?: Uint16Array;
}

/** Marks a finished bitmap (a laid-out text block) for fast blitting; it must not change after. */
export function sealBitmap(bitmap: Bitmap): Bitmap {
  const spans = new Uint16Array(bitmap.height * 2);
  for (let y = 0; y < bitmap.height; y++) {
    const row = y * bitmap.width;
    let first = -1;
    let last = -1;
    for (let x = 0; x < bitmap.width; x++)
      if (bitmap.data[row + x]) {
        if (first < 0) first = x;
        last = x;
      }
    if (first >= 0) {
      spans[2 * y] = first;
      spans[2 * y + 1] = last + 1;
    }
  }
  bitmap.spans = spans;
  return bitmap;
}

export function createBitmap(width: number, height: number): Bitmap {
  return { width, height, data: new Uint8Array(Math.max(0, width * height)) };
}

/** Copies the set pixels of `src` onto `dst` at (x, y) as `value`, clipped to `clip` (default dst). */
export function blit(
  dst: Bitmap,
  src: Bitmap,
  x: number,
  y: number,
  value = 1,
  clip = { x: 0, y: 0, width: dst.width, height: dst.height },
): void {
  const x0 = Math.max(x, clip.x);
  const y0 = Math.max(y, clip.y);
  const x1 = Math.min(x + src.width, clip.x + clip.width, dst.width);
  const y1 = Math.min(y + src.height, clip.y + clip.height, dst.height);
  if (x0 >= x1 || y0 >= y1) return;
  const { data: d, width: dw } = dst;
  const { data: s, width: sw } = src;
  const spans = src.spans;
  for (let row = y0; row < y1; row++) {
    let from = x0;
    let to = x1;
    if (spans) {
      from = Math.max(x0, x + spans[2 * (row - y)]!);
      to = Math.min(x1, x + spans[2 * (row - y) + 1]!);
    }
    let si = (row - y) * sw + (from - x);
    let di = row * dw + from;
    for (let col = from; col < to; col++, si++, di++) if (s[si]) d[di] = value;
  }
}

export function bitmapsEqual(a: Bitmap, b: Bitmap): boolean {
  if (a.width !== b.width || a.height !== b.height) return false;
  for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) return false;
  return true;
}

/** Text art: '#' for a set pixel, '.' for a clear one (palette index n > 1 shows as its digit). */
export function bitmapToText(bitmap: Bitmap): string {
  const lines: string[] = [];
  for (let y = 0; y < bitmap.height; y++) {
    let line = '';
    for (let x = 0; x < bitmap.width; x++) {
      const v = bitmap.data[y * bitmap.width + x]!;
      line += v === 0 ? '.' : v === 1 ? '#' : String(v);
    }
    lines.push(line);
  }
  return lines.join('\n');
}

export function bitmapFromText(text: string): Bitmap {
  const lines = text.trim().split('\n').map((line) => line.trim());
  const bitmap = createBitmap(lines[0]?.length ?? 0, lines.length);
  lines.forEach((line, y) => {
    if (line.length !== bitmap.width) throw new Error(`text art row ${y} is ${line.length} wide, not ${bitmap.width}`);
    for (let x = 0; x < line.length; x++) {
      const c = line[x]!;
      bitmap.data[y * bitmap.width + x] = c === '.' ? 0 : c === '#' ? 1 : Number(c);
    }
  });
  return bitmap;
}

/** Packs rows MSB first, each row padded to a whole byte (the layout LED controllers take). */
export function packRows(bitmap: Bitmap): Uint8Array {
  const stride = Math.ceil(bitmap.width / 8);
  const out = new Uint8Array(stride * bitmap.height);
  for (let y = 0; y < bitmap.height; y++)
    for (let x = 0; x < bitmap.width; x++)
      if (bitmap.data[y * bitmap.width + x]) out[y * stride + (x >> 3)]! |= 0x80 >> (x & 7);
  return out;
}

export function unpackRows(bytes: Uint8Array, width: number, height: number): Bitmap {
  const stride = Math.ceil(width / 8);
  if (bytes.length !== stride * height) throw new Error(`expected ${stride * height} bytes, got ${bytes.length}`);
  const bitmap = createBitmap(width, height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) bitmap.data[y * width + x] = (bytes[y * stride + (x >> 3)]! >> (7 - (x & 7))) & 1;
  return bitmap;
}
