import type { Migration } from './index.ts';

/**
 * A bulletin's audio remembers how it was made (speech, a recording, an imported file) and the
 * script it speaks (a SHA-256 of the script it was made for or confirmed against): once the script
 * differs, the audio is stale and the bulletin cannot be approved until it is made again or
 * confirmed. NULL for audio attached before this migration: the script it was made for is unknown
 * until the next script edit records the script as it was.
 */
export const bulletinAudio: Migration = {
  version: 4,
  name: 'bulletin-audio',
  sql: /* sql */ `
    ALTER TABLE bulletins ADD COLUMN audio_origin TEXT CHECK (audio_origin IN ('tts','recording','import'));
    ALTER TABLE bulletins ADD COLUMN audio_script_sha256 TEXT;
  `,
};
