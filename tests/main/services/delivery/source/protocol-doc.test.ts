/** The OpenAPI document and the code must describe the same metadata and statuses. */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REMOTE_STATUSES } from '../../../../../src/shared/api/delivery.ts';
import { BulletinMetadata, ProgrammeMetadata } from '../../../../../src/source-server/bulletins.ts';
import { SOURCE_STATUSES } from '../../../../../src/source-server/db.ts';

const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../../docs/source-protocol.openapi.yaml'), 'utf8');

/** The schema's section of the document: from its name to the next schema at the same depth. */
function section(name: string): string {
  const start = doc.indexOf(`    ${name}:\n`);
  expect(start).toBeGreaterThan(0);
  const rest = doc.slice(start + name.length + 6);
  const next = /^ {4}\w+:$/m.exec(rest);
  return doc.slice(start, start + name.length + 6 + (next ? next.index : rest.length));
}

it.each([
  ['BulletinMetadata', BulletinMetadata],
  ['ProgrammeMetadata', ProgrammeMetadata],
] as const)('documents every %s field the server validates, and only those; required exactly where the server requires it', (name, schema) => {
  const text = section(name);
  const required = /required: \[([^\]]+)\]/.exec(text);
  expect(required).not.toBeNull();
  const documented = required![1]!.split(',').map((s) => s.trim());
  const shape = schema.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
  // A field the server accepts absent (added later, e.g. loudnessRangeLu) is optional in the doc too.
  const serverRequired = Object.keys(shape).filter((key) => !shape[key]!.safeParse(undefined).success);
  expect(new Set(documented)).toEqual(new Set(serverRequired));
  const properties = [...text.matchAll(/^ {8}(\w+):/gm)].map((m) => m[1]);
  expect(new Set(properties)).toEqual(new Set(Object.keys(shape)));
});

it('takes a programme as a content type of the same record endpoint', () => {
  const post = doc.slice(doc.indexOf('  /api/v1/bulletins:'), doc.indexOf('responses:', doc.indexOf('  /api/v1/bulletins:')));
  expect(post).toContain("#/components/schemas/ProgrammeMetadata");
});

it('documents the statuses the server and the studio use', () => {
  const statuses = /status: \{ type: string, enum: \[([^\]]+)\] \}/.exec(doc);
  const documented = statuses![1]!.split(',').map((s) => s.trim());
  expect(documented).toEqual([...SOURCE_STATUSES]);
  expect(documented).toEqual([...REMOTE_STATUSES]);
});
