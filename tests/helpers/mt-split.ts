/**
 * The held-out split of the Tày–Vietnamese pairs that the learned engine is measured on, shared by
 * its tests and `npm run bench mt`. Deterministic: a pair goes to the test part when its
 * Vietnamese side has 3 or more words and the hash of its normalised form (lower case, words only)
 * falls under `share`; every pair with that same Vietnamese goes with it, so the test's Vietnamese
 * is never seen in training. Tune only on a split of the training part (another salt), never on
 * the test part.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { openDatabase } from '../../src/main/services/storage/database.ts';
import { createTranslation, type TranslationService } from '../../src/main/services/translation/index.ts';
import { memoryBaselines, normalizedKey, readPairsTsv, type MemoryBaselines, type TextPair } from '../../src/main/services/translation-engines/index.ts';
import type { TranslationEngine } from '../../src/shared/translation/index.ts';
import { makeTempDir } from './temp-dir.ts';

export const TAY_VI_TSV = path.resolve(import.meta.dirname, '../../../shared/data/tay-vi/train.tsv');

export interface SplitOptions {
  /** Share of eligible (3+ word) Vietnamese sentences held out; 0.075 gives about 750 pairs here. */
  share?: number;
  salt?: string;
}

/** 0..1 from a sha256 of the salt and the key. */
function bucket(salt: string, key: string): number {
  return createHash('sha256').update(`${salt}\n${key}`).digest().readUInt32BE(0) / 2 ** 32;
}

export function splitHeldOut(pairs: TextPair[], { share = 0.075, salt = 'studio-mt-heldout-1' }: SplitOptions = {}): { train: TextPair[]; test: TextPair[] } {
  const train: TextPair[] = [];
  const test: TextPair[] = [];
  for (const pair of pairs) {
    const key = normalizedKey(pair.source);
    const held = key.split(' ').length >= 3 && bucket(salt, key) < share;
    (held ? test : train).push(pair);
  }
  return { train, test };
}

/** train.tsv read as Vietnamese → Tày pairs (column 1 is Vietnamese, column 2 Tày). */
export function loadTayViSplit(options?: SplitOptions) {
  return splitHeldOut(readPairsTsv(TAY_VI_TSV), options);
}

export interface WorkbenchBaselines extends MemoryBaselines {
  translation: TranslationService;
  close: () => void;
}

/**
 * The workbench's translation service on a fresh studio database in a temp directory, its TM filled
 * with `train` (Vietnamese → Tày), and its pre-translation and exact-match paths as engines;
 * `engines` are plugged into it as into the studio's.
 */
export function openWorkbenchBaselines(train: TextPair[], engines: TranslationEngine[] = []): WorkbenchBaselines {
  const temp = makeTempDir('studio-mt-tm-');
  const db = openDatabase(path.join(temp.dir, 'data'));
  try {
    const translation = createTranslation({ db, engines });
    return { ...memoryBaselines(translation, train, 'vi', 'tyz'), translation, close: () => { db.close(); temp.remove(); } };
  } catch (error) {
    db.close();
    temp.remove();
    throw error;
  }
}
