/** The audit trail, read. */
import type { AuditTrail } from '../services/audit/index.ts';
import type { DomainHandlers } from './dispatch.ts';

export const auditApi = ({ audit }: { audit: AuditTrail }): DomainHandlers<'audit'> => ({
  'audit.list': (filter) => audit.list(filter),
});
