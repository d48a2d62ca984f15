/**
 * Audio: import of any supported file, the non-destructive editor, loudness (EBU R128), normalise,
 * export (WAV/BWF, MP3) and programme rendering, all heavy work in jobs. It owns the edit
 * documents and the programme renders. Its signal-processing parts are offered to the services
 * that make audio of their own (speech, the recorder), so there is one meter, one resampler and
 * one WAV writer in the studio.
 */
import { AudioService, type AudioDeps } from './audio-service.ts';

export { AudioService, type ExportRequest } from './audio-service.ts';
export type { BulletinAudio, DeliveredAudio, LoudnessPreset } from './bulletin-audio.ts';
export { importAudio, type ImportInput } from './import-audio.ts';
export { sniffFormat as sniffAudioFormat } from './sniff.ts';
// The job bodies, for services that make audio of their own from pieces (a translation's takes).
export { runMeasure, runNormalize, runRender, type RenderInput } from './render-jobs.ts';
export { initialTimeline, type Timeline } from './edit-list.ts';
export { LoudnessMeter, measureLoudness } from './loudness.ts';
export { normalizeChannels } from './normalize.ts';
export { decodePcm } from './pcm.ts';
export { PeakBuilder, peaksPath, savePeaks } from './peaks.ts';
export { StreamingResampler } from './resample.ts';
export { writeWavFile } from './wav-writer.ts';
export { AUDIO_LIMITS, assertSupportedAudio, readWavInfoFd, readWavInfoFile, type WavInfo } from './wav-info.ts';

export const createAudio = (deps: AudioDeps): AudioService => new AudioService(deps);
