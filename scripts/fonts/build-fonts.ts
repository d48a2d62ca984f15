/**
 * Converts the bundled LED bitmap fonts from Debian's X11 PCF files into the compact JSON that
 * `src/shared/led/fonts.ts` imports (one file per pixel height under resources/fonts/).
 *
 *   apt-get install -y xfonts-base xfonts-efont-unicode pcf2bdf
 *   npx tsx scripts/fonts/build-fonts.ts
 *
 * Only the build needs those packages: the converted files are committed, tests read those.
 * Each glyph keeps only what the rasteriser needs: advance, bounding box and rows as hex.
 * BDF is plain text, so a small parser here is simpler than a dependency (npm has no maintained
 * BDF reader); pcf2bdf (Debian) turns the binary PCF into BDF first.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const X11_MISC = '/usr/share/fonts/X11/misc';
const OUT_DIR = path.join(import.meta.dirname, '..', '..', 'resources', 'fonts');

interface Source {
  id: string;
  file: string;
  family: string;
  licence: 'public-domain' | 'BSD-3-Clause';
  /** Integer scale applied after conversion (32 px = efont 16 px drawn twice as large). */
  scale?: number;
}

/**
 * One font per offered pixel height; see resources/fonts/README.md for why each was chosen.
 * 32 px is efont-16 drawn at 2x by src/shared/led/fonts.ts (no second copy shipped); `scale`
 * stays here for a font that must be baked scaled.
 */
const SOURCES: Source[] = [
  { id: 'fixed-13', file: '7x13', family: 'misc-fixed 7x13', licence: 'public-domain' },
  { id: 'fixed-15', file: '9x15', family: 'misc-fixed 9x15', licence: 'public-domain' },
  { id: 'efont-16', file: 'h16', family: 'efont h16', licence: 'BSD-3-Clause' },
  { id: 'fixed-18', file: '9x18', family: 'misc-fixed 9x18', licence: 'public-domain' },
  { id: 'fixed-20', file: '10x20', family: 'misc-fixed 10x20', licence: 'public-domain' },
  { id: 'efont-24', file: 'h24', family: 'efont h24', licence: 'BSD-3-Clause' },
];

/** The code points worth shipping: Latin (with Vietnamese and breves), combining marks, punctuation. */
function wanted(cp: number): boolean {
  return (
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0x24f) || // Latin-1, Latin Extended-A and -B (ă ĕ ĭ ŏ ŭ ơ ư ǎ …)
    (cp >= 0x300 && cp <= 0x323) || // combining marks used to compose letters a font lacks
    (cp >= 0x1e00 && cp <= 0x1eff) || // Latin Extended Additional (Vietnamese toned letters)
    (cp >= 0x2010 && cp <= 0x203a) || // dashes, quotes, bullet, ellipsis, per mille
    cp === 0x20ab || // đồng sign
    cp === 0x20ac ||
    cp === 0x2116 ||
    cp === 0x2103
  );
}

interface BdfGlyph {
  cp: number;
  advance: number;
  w: number;
  h: number;
  xoff: number;
  yoff: number;
  rows: number[][]; // 0/1 per pixel
}

function parseBdf(text: string): { ascent: number; descent: number; glyphs: BdfGlyph[] } {
  const lines = text.split('\n');
  let ascent = NaN;
  let descent = NaN;
  const glyphs: BdfGlyph[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('FONT_ASCENT ')) ascent = Number(line.split(' ')[1]);
    else if (line.startsWith('FONT_DESCENT ')) descent = Number(line.split(' ')[1]);
    else if (line.startsWith('STARTCHAR')) {
      let cp = -1;
      let advance = 0;
      let bbx = [0, 0, 0, 0];
      for (i++; !lines[i]!.startsWith('BITMAP'); i++) {
        const [key, ...args] = lines[i]!.trim().split(/\s+/);
        if (key === 'ENCODING') cp = Number(args[0]);
        else if (key === 'DWIDTH') advance = Number(args[0]);
        else if (key === 'BBX') bbx = args.map(Number);
      }
      const [w, h, xoff, yoff] = bbx as [number, number, number, number];
      const rows: number[][] = [];
      for (let r = 0; r < h; r++) {
        const hex = lines[++i]!.trim();
        const bits = BigInt(`0x${hex}`);
        const totalBits = hex.length * 4;
        rows.push(Array.from({ length: w }, (_, x) => Number((bits >> BigInt(totalBits - 1 - x)) & 1n)));
      }
      glyphs.push({ cp, advance, w, h, xoff, yoff, rows });
    }
  }
  if (!Number.isFinite(ascent) || !Number.isFinite(descent)) throw new Error('BDF without FONT_ASCENT/DESCENT');
  return { ascent, descent, glyphs };
}

function scaleGlyph(g: BdfGlyph, s: number): BdfGlyph {
  const rows = g.rows.flatMap((row) => {
    const wide = row.flatMap((bit) => Array<number>(s).fill(bit));
    return Array.from({ length: s }, () => [...wide]);
  });
  return { cp: g.cp, advance: g.advance * s, w: g.w * s, h: g.h * s, xoff: g.xoff * s, yoff: g.yoff * s, rows };
}

/** Crops empty rows/columns so the JSON carries ink only, then writes rows as hex. */
function encodeGlyph(g: BdfGlyph): string {
  let top = 0;
  while (top < g.h && !g.rows[top]!.includes(1)) top++;
  if (top === g.h) return `${g.advance}`; // blank (space): advance only
  let bottom = g.h - 1;
  while (!g.rows[bottom]!.includes(1)) bottom--;
  let left = 0;
  while (g.rows.every((row) => row[left] === 0)) left++;
  let right = g.w - 1;
  while (g.rows.every((row) => row[right] === 0)) right--;
  const w = right - left + 1;
  const h = bottom - top + 1;
  const digits = Math.ceil(w / 4);
  const hex = g.rows.slice(top, bottom + 1).map((row) => {
    let value = 0n;
    for (let x = left; x <= right; x++) value = (value << 1n) | BigInt(row[x]!);
    value <<= BigInt(digits * 4 - w);
    return value.toString(16).padStart(digits, '0');
  });
  // BDF yoff is the bottom row's offset above the baseline; keep the cropped box's.
  const yoff = g.yoff + (g.h - 1 - bottom);
  return [g.advance, w, h, g.xoff + left, yoff, hex.join('')].join(',');
}

function convert(source: Source): void {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'led-font-'));
  const pcf = path.join(tmp, `${source.file}.pcf`);
  fs.writeFileSync(pcf, zlib.gunzipSync(fs.readFileSync(path.join(X11_MISC, `${source.file}.pcf.gz`))));
  execFileSync('pcf2bdf', ['-o', path.join(tmp, 'font.bdf'), pcf]);
  const bdf = parseBdf(fs.readFileSync(path.join(tmp, 'font.bdf'), 'latin1'));
  fs.rmSync(tmp, { recursive: true });
  const scale = source.scale ?? 1;
  const glyphs: Record<string, string> = {};
  for (const raw of bdf.glyphs.filter((g) => wanted(g.cp)).sort((a, b) => a.cp - b.cp)) {
    const g = scale === 1 ? raw : scaleGlyph(raw, scale);
    glyphs[g.cp.toString(16)] = encodeGlyph(g);
  }
  const font = {
    id: source.id,
    family: source.family,
    licence: source.licence,
    source: `Debian X11 ${source.file}.pcf.gz${scale === 1 ? '' : ` scaled ${scale}x`}`,
    pixelHeight: (bdf.ascent + bdf.descent) * scale,
    ascent: bdf.ascent * scale,
    glyphs,
  };
  fs.writeFileSync(path.join(OUT_DIR, `${source.id}.json`), `${JSON.stringify(font)}\n`);
  process.stdout.write(`${source.id}: ${font.pixelHeight} px, ${Object.keys(glyphs).length} glyphs\n`);
}

fs.mkdirSync(OUT_DIR, { recursive: true });
for (const source of SOURCES) convert(source);
