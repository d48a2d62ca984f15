import type { Migration } from './index.ts';

/**
 * What the provincial source system last said of a delivered bulletin (its editorial status and,
 * for a rejection, the reason), kept with the bulletin so the library shows a rejection where it
 * would otherwise keep saying "delivered". Written by delivery's status polling through the library's face.
 */
export const bulletinSourceVerdict: Migration = {
  version: 6,
  name: 'bulletin-source-verdict',
  sql: /* sql */ `
    ALTER TABLE bulletins ADD COLUMN source_status TEXT;
    ALTER TABLE bulletins ADD COLUMN source_reason TEXT;
    ALTER TABLE bulletins ADD COLUMN source_checked_at TEXT;
  `,
};
