import type { TranslationMixResult } from '../../../shared/api/translation.ts';
import { defineJobWorker } from '../jobs/index.ts';
import { mixPieces, type MixInput } from './voicing-mix.ts';

defineJobWorker<MixInput, TranslationMixResult>((input, job) => mixPieces(input, job));
