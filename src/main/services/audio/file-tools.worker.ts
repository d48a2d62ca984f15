import { defineJobWorker } from '../jobs/index.ts';
import { measureFile, normalizeFile, type FileLoudnessInput, type FileNormalizeInput } from './file-tools.ts';

type Input = ({ tool: 'loudness' } & FileLoudnessInput) | ({ tool: 'normalize' } & FileNormalizeInput);

defineJobWorker<Input, unknown>((input, job) => (input.tool === 'loudness' ? measureFile(input, job) : normalizeFile(input, job)));
