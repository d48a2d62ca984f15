/** The OpenAPI document and the code must describe the same metadata and statuses. */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REMOTE_STATUSES } from '../../../../../src/shared/api/delivery.ts';
import { BulletinMetadata } from '../../../../../src/source-server/bulletins.ts';
import { SOURCE_STATUSES } from '../../../../../src/source-server/db.ts';

const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../../docs/source-protocol.openapi.yaml'), 'utf8');

it('documents every metadata field the server validates, and only those', () => {
  const required = /BulletinMetadata:\n\s+type: object\n\s+required: \[([^\]]+)\]/.exec(doc);
  expect(required).not.toBeNull();
  const documented = required![1]!.split(',').map((s) => s.trim());
  expect(new Set(documented)).toEqual(new Set(Object.keys(BulletinMetadata.shape)));
});

it('documents the statuses the server and the studio use', () => {
  const statuses = /status: \{ type: string, enum: \[([^\]]+)\] \}/.exec(doc);
  const documented = statuses![1]!.split(',').map((s) => s.trim());
  expect(documented).toEqual([...SOURCE_STATUSES]);
  expect(documented).toEqual([...REMOTE_STATUSES]);
});
