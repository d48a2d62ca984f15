/**
 * The audit trail: who changed what, when. Every service records its changes here, inside the
 * same transaction as the change; the `audit` table is this service's alone.
 */
import type { Db } from '../storage/index.ts';
import { AuditTrail } from './audit-trail.ts';

export { AuditTrail, diff, type AuditRecord } from './audit-trail.ts';

export const createAudit = ({ db }: { db: Db }): AuditTrail => new AuditTrail(db);
