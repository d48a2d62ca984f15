/** The synthesis job: built-in voices run here; ONNX voices in a child process (see onnx-child.ts). */
import { defineJobWorker } from '../jobs/index.ts';
import { runInChild } from './onnx-child.ts';
import { synthesizeToFile, type SynthesisFile, type SynthesisInput } from './synthesize-file.ts';

defineJobWorker<SynthesisInput, SynthesisFile>((input, job) =>
  input.voice.engine === 'espeak' ? synthesizeToFile(input, job) : runInChild<SynthesisFile>('synthesize', input, job),
);
