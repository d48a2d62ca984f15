/** A translation service over a real, freshly migrated studio database in a temp directory. */
import path from 'node:path';
import { createTranslation, type TranslationService } from '../../../../src/main/services/translation/index.ts';
import { openDatabase, type Db } from '../../../../src/main/services/storage/database.ts';
import type { TranslationEngine } from '../../../../src/shared/translation/index.ts';
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
