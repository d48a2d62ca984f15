/**
 * Numbered schema migrations. A migration, once released, never changes: add a new one.
 * Numbers are grouped by domain (1–9 library, 10–19 audio, 20–29 speech, 30–39 delivery)
 * so work on separate domains does not collide.
 */
import { librarySchema } from './001-library.ts';
import { librarySearch } from './002-library-search.ts';
import { programmeMix } from './003-programme-mix.ts';
import { bulletinAudio } from './004-bulletin-audio.ts';
import { bulletinSourceVerdict } from './006-bulletin-source-verdict.ts';
import { assetRoles } from './008-asset-roles.ts';
import { deliveryOutbox } from './030-delivery-outbox.ts';
import { outboxLease } from './031-outbox-lease.ts';
import { outboxProgrammes } from './032-outbox-programmes.ts';
import { audioEdits } from './010-audio-edits.ts';
import { assetLoudness } from './011-asset-loudness.ts';
import { assetHashCheck } from './012-asset-hash-check.ts';
import { recorderSchema } from './020-recorder.ts';
import { recordingOwner } from './021-recording-owner.ts';
import { pronunciationsSchema } from './025-pronunciations.ts';
import { voicePacksSchema } from './026-voice-packs.ts';
import { packageImportsSchema } from './036-package-imports.ts';
import { translationLanguagesSchema } from './100-translation-languages.ts';
import { translationMemorySchema } from './101-translation-memory.ts';
import { translationsSchema } from './102-translations.ts';
import { translationBulletinsSchema } from './103-translation-bulletins.ts';
import { translationEvaluationsSchema } from './104-translation-evaluations.ts';
import { translationTakesSchema } from './105-translation-takes.ts';
import { packageSignatures } from './037-package-signatures.ts';
import { serialDevicesSchema } from './140-serial-devices.ts';
import { ledBoardsSchema } from './120-led-boards.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  librarySchema, librarySearch, programmeMix, bulletinAudio, bulletinSourceVerdict, assetRoles,
  audioEdits, assetLoudness, assetHashCheck,
  recorderSchema, recordingOwner, pronunciationsSchema, voicePacksSchema,
  deliveryOutbox, outboxLease, outboxProgrammes, packageImportsSchema, packageSignatures,
  translationLanguagesSchema, translationMemorySchema, translationsSchema, translationBulletinsSchema, translationEvaluationsSchema,
  translationTakesSchema,
  ledBoardsSchema,
  serialDevicesSchema,
];
