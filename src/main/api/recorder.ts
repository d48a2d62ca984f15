/** Recorder requests onto the recorder's face; a take's client is the connection that started it. */
import type { RecorderService } from '../services/recorder/index.ts';
import type { DomainHandlers } from './dispatch.ts';

export const recorderApi = ({ recorder }: { recorder: RecorderService }): DomainHandlers<'recorder'> => ({
  'recorder.start': (options, ctx) => recorder.start(options, ctx.client),
  'recorder.append': ({ sessionId, seq, pcm }) => recorder.append(sessionId, seq, pcm),
  'recorder.stop': ({ sessionId, name, bulletinId }, ctx) => recorder.stop(sessionId, name, ctx.actor, bulletinId),
  'recorder.recoverable': () => recorder.recoverable(),
  'recorder.recover': ({ sessionId, name, bulletinId }, ctx) => recorder.recover(sessionId, name, ctx.actor, bulletinId),
  'recorder.discard': ({ sessionId }) => {
    recorder.discard(sessionId);
    return { discarded: true as const };
  },
});
