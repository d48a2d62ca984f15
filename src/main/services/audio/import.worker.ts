import { defineJobWorker } from '../jobs/index.ts';
import { importAudio, type ImportInput, type ImportResult } from './import-audio.ts';

defineJobWorker<ImportInput, ImportResult>((input, job) => importAudio(input, job));
