/** Opening ONNX models with onnxruntime-node, with errors a user can act on. */
import ort from 'onnxruntime-node';
import { StudioError } from '../../../shared/errors.ts';

export { ort };

export async function openSession(file: string): Promise<ort.InferenceSession> {
  try {
    // Two threads: the machines this runs on are small and other work shares them.
    return await ort.InferenceSession.create(file, { logSeverityLevel: 3, intraOpNumThreads: 2, interOpNumThreads: 1 });
  } catch (error) {
    throw new StudioError('unsupported_format', `model ${file} cannot be loaded: ${(error as Error).message.split('\n')[0]}`, { reason: 'model_unreadable', file });
  }
}

export interface ExpectedInput {
  name: string;
  optional?: boolean;
}

/** Checks a session has exactly the tensors a voice type needs, naming what is wrong. */
export function checkTensorNames(session: ort.InferenceSession, inputs: ExpectedInput[], outputs: string[], what: string): void {
  const have = new Set(session.inputNames);
  const missing = inputs.filter((i) => !i.optional && !have.has(i.name)).map((i) => i.name);
  const known = new Set(inputs.map((i) => i.name));
  const extra = session.inputNames.filter((n) => !known.has(n));
  if (missing.length || extra.length) {
    throw new StudioError(
      'unsupported_format',
      `${what}: the model's inputs are [${session.inputNames.join(', ')}], expected [${inputs.map((i) => i.name + (i.optional ? '?' : '')).join(', ')}]`,
      { reason: 'model_inputs_wrong', voice: what, found: session.inputNames.join(', ') },
    );
  }
  const outs = session.outputNames;
  if (!outputs.every((o) => outs.includes(o))) {
    throw new StudioError('unsupported_format', `${what}: the model's outputs are [${outs.join(', ')}], expected [${outputs.join(', ')}]`, { reason: 'model_outputs_wrong', voice: what, found: outs.join(', ') });
  }
}
