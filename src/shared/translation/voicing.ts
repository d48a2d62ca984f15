/**
 * Voicing a translation (issue 12 §9): a recorded take per segment, the voices that speak the
 * target language, and the bulletin's audio assembled from takes and synthesised segments.
 */
import type { LoudnessResult } from '../api/audio.ts';

/** A segment's recorded take: an audio asset of the library, linked to the segment. */
export interface SegmentTake {
  index: number;
  assetId: number;
  /** The asset's file, relative to the data directory (play it with api.mediaUrl). */
  file: string;
  durationSec: number;
  author: string | null;
  recordedAt: string;
  /** The segment's text was changed after this take was recorded: it may no longer match. */
  outdated: boolean;
}

/** A voice that speaks the target language (installed packs first). */
export interface TargetVoice {
  id: string;
  name: string;
}

/** What the editor needs to voice a translation: the takes, and the voices for the gaps. */
export interface TranslationVoicing {
  takes: SegmentTake[];
  voices: TargetVoice[];
}

/** Pause after a sentence and after a paragraph (or heading, list item), as the TTS defaults. */
export const VOICING_GAPS = { sentenceSec: 0.4, paragraphSec: 0.9 } as const;

/** One piece of the assembled audio: a segment's take or its synthesised speech. */
export interface AssembledPiece {
  index: number;
  from: 'take' | 'voice';
  startSec: number;
  durationSec: number;
  /** Gain applied to bring the piece to the loudness target, dB. */
  gainDb: number;
}

/** The `translation.assemble` job's end: the target bulletin's new audio. */
export interface TranslationAssembleResult {
  translationId: number;
  bulletinId: number;
  assetId: number;
  file: string;
  durationSec: number;
  loudness: LoudnessResult;
  /** Target loudness, LUFS. */
  target: number;
  voiceId: string | null;
  pieces: AssembledPiece[];
}
