/**
 * Golden bitmaps as committed text art ('#' lit, '.' dark, digits = palette index).
 * A missing golden file fails the test; set LED_WRITE_GOLDEN=1 once to write it, then review it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { bitmapToText, type Bitmap } from '../../../src/shared/led';

const DIR = path.join(import.meta.dirname, 'golden');

export function readGolden(name: string, actual: Bitmap): string {
  const file = path.join(DIR, `${name}.txt`);
  if (process.env.LED_WRITE_GOLDEN === '1') fs.writeFileSync(file, `${bitmapToText(actual)}\n`);
  return fs.readFileSync(file, 'utf8').trim();
}
