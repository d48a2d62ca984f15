/** The OpenAPI document and the code must describe the same metadata and statuses. */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REMOTE_STATUSES } from '../../../../../src/shared/api/delivery.ts';
import { BulletinMetadata } from '../../../../../src/source-server/bulletins.ts';
import { SOURCE_STATUSES } from '../../../../../src/source-server/db.ts';

const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../../docs/source-protocol.openapi.yaml'), 'utf8');

it('documents every metadata field the server validates, and only those; required exactly where the server requires it', () => {
  const required = /BulletinMetadata:\n\s+type: object\n\s+required: \[([^\]]+)\]/.exec(doc);
  expect(required).not.toBeNull();
  const documented = required![1]!.split(',').map((s) => s.trim());
  const shape = BulletinMetadata.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
  // A field the server accepts absent (added later, e.g. loudnessRangeLu) is optional in the doc too.
  const serverRequired = Object.keys(shape).filter((key) => !shape[key]!.safeParse(undefined).success);
  expect(new Set(documented)).toEqual(new Set(serverRequired));
  const section = doc.slice(doc.indexOf('    BulletinMetadata:'), doc.indexOf('    BulletinRecord:'));
  const properties = [...section.matchAll(/^ {8}(\w+):/gm)].map((m) => m[1]);
  expect(new Set(properties)).toEqual(new Set(Object.keys(shape)));
});

it('documents the statuses the server and the studio use', () => {
  const statuses = /status: \{ type: string, enum: \[([^\]]+)\] \}/.exec(doc);
  const documented = statuses![1]!.split(',').map((s) => s.trim());
  expect(documented).toEqual([...SOURCE_STATUSES]);
  expect(documented).toEqual([...REMOTE_STATUSES]);
});
