/** The audit trail: who changed what, when, in every domain. */
import { z } from 'zod';
import { Id, request } from './define.ts';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  entity: string;
  entityId: number | null;
  action: string;
  changes: unknown;
}

export const auditRequests = {
  'audit.list': request<AuditEntry[]>()(
    z.strictObject({
      entity: z.string().max(50).optional(),
      entityId: Id.optional(),
      limit: z.number().int().min(1).max(1000).default(50),
      offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
    }),
  ),
} as const;
