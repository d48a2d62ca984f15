import { navigate } from '../../app/router.ts';
import { AudioImport } from '../../components/AudioImport.tsx';

/** Brings an audio file (WAV, MP3, FLAC, OGG), picked or dropped, into the library as a voice file, then opens it. */
export function ImportAudio() {
  return <AudioImport role="voice" onImported={(asset) => navigate('editor', asset.id)} />;
}
