/**
 * The child process that runs one translation pack (started through the ONNX child bootstrap, as
 * the speech engine's child is, for the same reasons: onnxruntime-node's native state and crash
 * isolation; see tts/onnx-child.ts). It loads the pack once and then serves translate requests,
 * several in flight at once, until its parent ends it.
 *
 * The network is off here: `fetch` is replaced by one that refuses and reports the attempt, so a
 * pack can never make the studio reach out, whatever transformers.js would try.
 */
import { StudioError } from '../../../../shared/errors.ts';
import { parentChannel } from '../../jobs/index.ts';
import type { FromPackChild, ToPackChild } from './mt-pack-protocol.ts';
import { PackModel } from './pack-model.ts';

const parent = parentChannel<ToPackChild, FromPackChild>();
// A forked child outlives no parent: this one is long-lived, so it leaves when its IPC channel closes.
process.once('disconnect', () => process.exit(0));

globalThis.fetch = (input: string | URL | Request) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  parent.send({ type: 'network_refused', url });
  return Promise.reject(new StudioError('unreachable', `network is off for translation packs: ${url}`, { url }));
};

const errorMessage = (id: number | null, error: unknown): FromPackChild => ({
  type: 'error',
  id,
  code: error instanceof StudioError ? error.code : 'internal',
  message: error instanceof Error ? error.message : String(error),
  ...(error instanceof StudioError && error.details ? { details: error.details as Record<string, unknown> } : {}),
});

let model: Promise<PackModel> | null = null;
const running = new Map<number, AbortController>();

parent.listen(async (message) => {
  if (message.type === 'load') {
    model = PackModel.load(message.dir, message.originalName);
    try {
      parent.send({ type: 'loaded', info: (await model).info });
    } catch (error) {
      parent.send(errorMessage(null, error));
    }
  } else if (message.type === 'cancel') {
    running.get(message.id)?.abort();
  } else {
    const controller = new AbortController();
    running.set(message.id, controller);
    try {
      if (!model) throw new StudioError('internal', 'translate before load');
      const loaded = await model;
      const translations = [];
      for (const segment of message.segments) {
        if (controller.signal.aborted) throw new StudioError('cancelled', 'cancelled by the user');
        translations.push(segment.trim() ? await loaded.translate(segment, message.from, message.to, controller.signal) : { text: '', confidence: 1 });
      }
      parent.send({ type: 'result', id: message.id, translations });
    } catch (error) {
      parent.send(errorMessage(message.id, error));
    } finally {
      running.delete(message.id);
    }
  }
});
