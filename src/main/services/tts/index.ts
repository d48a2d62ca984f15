/**
 * Speech: voices (the built-in espeak-ng voice, Piper and VITS packs), voice pack management,
 * previews and synthesis of whole scripts as jobs whose audio becomes a bulletin's. Text goes
 * through the reading service first; the audio through the audio service's meter and writer.
 */
import { TtsService, type TtsDeps } from './tts-service.ts';

export { TtsService, PREVIEW_DIR } from './tts-service.ts';

export const createTts = (deps: TtsDeps): TtsService => new TtsService(deps);
