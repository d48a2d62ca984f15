/** A translation service over a real, freshly migrated studio database in a temp directory. */
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createTranslation, type TranslationService } from '../../../../src/main/services/translation/index.ts';
import { openDatabase, type Db } from '../../../../src/main/services/storage/database.ts';
import type { TranslationEngine } from '../../../../src/shared/translation/index.ts';
import type { TmInput } from '../../../../src/main/services/translation/index.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

export const DATA = path.resolve(import.meta.dirname, '../../../../../shared/data');

export interface Opened {
  service: TranslationService;
  db: Db;
  dir: string;
  close: () => void;
}

export function openService(engines: TranslationEngine[] = []): Opened {
  const temp = makeTempDir('studio-translation-');
  const db = openDatabase(path.join(temp.dir, 'data'));
  const service = createTranslation({ db, engines, version: 'test' });
  return { service, db, dir: temp.dir, close: () => { db.close(); temp.remove(); } };
}

/** The two pairs the workbench and pre-translation tests both start from: a sentence and a phrase of it. */
export const SENTENCE_AND_PHRASE: TmInput[] = [
  { source: 'Hôm nay bà con đi chợ mua thịt lợn.', target: 'Vằn nẩy pi noọng pây háng slự nựa mu.' },
  { source: 'bà con', target: 'pi noọng' },
];

/**
 * A fresh service for every test of the describe block it is called in (opened before each test,
 * after `fill` has run on it; closed after), read through the returned object.
 */
export function useService(fill?: (service: TranslationService) => void): Opened {
  let current: Opened | undefined;
  beforeEach(() => {
    current = openService();
    fill?.(current.service);
  });
  afterEach(() => current?.close());
  const live = () => {
    if (!current) throw new Error('useService: read outside a test');
    return current;
  };
  return {
    get service() { return live().service; },
    get db() { return live().db; },
    get dir() { return live().dir; },
    close: () => live().close(),
  };
}
