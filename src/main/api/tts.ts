/** Voice and speech requests onto the TTS service's face. */
import type { TtsService } from '../services/tts/index.ts';
import type { DomainHandlers } from './dispatch.ts';

export const ttsApi = ({ tts }: { tts: TtsService }): DomainHandlers<'tts'> => ({
  'voice.list': () => tts.voices(),
  'voice.install': ({ path }, ctx) => tts.install(path, ctx.actor),
  'voice.remove': ({ id }, ctx) => {
    tts.remove(id, ctx.actor);
    return { removed: true as const };
  },
  'tts.preview': ({ voiceId, text, settings, choices }) => tts.preview(voiceId, text, settings, choices),
  'tts.synthesize': (arg, ctx) => tts.synthesize(arg, ctx.actor),
});
