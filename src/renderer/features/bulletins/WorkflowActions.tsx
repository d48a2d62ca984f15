import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bulletin, Status } from '../../../shared/api/library-types.ts';
import { api } from '../../api/client.ts';
import { useAction } from '../../api/hooks.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { fmt } from '../../components/useFormat.ts';

/** Draft → submitted → approved (by a named approver) → delivered, and "send back" to draft. */
export function WorkflowActions({ bulletin, onChanged }: { bulletin: Bulletin; onChanged: () => void }) {
  const { t } = useTranslation('bulletins');
  const [approver, setApprover] = useState('');
  const move = useAction(async (to: Status) => {
    await api.call('bulletin.transition', { id: bulletin.id, to, approver: to === 'approved' ? approver : undefined });
    onChanged();
  });

  return (
    <section className="card">
      <h3>{t('workflow.title')}</h3>
      <ErrorNotice error={move.error} onClose={move.clearError} />
      {bulletin.approver && (
        <p className="muted">
          {t('workflow.approvedBy', { name: bulletin.approver, at: fmt.dateTime(bulletin.approvedAt ?? '') })}
        </p>
      )}
      <div className="stack">
        {bulletin.status === 'draft' && (
          <button type="button" onClick={() => void move.run('submitted')} data-testid="submit-bulletin">
            {t('workflow.submit')}
          </button>
        )}
        {bulletin.status === 'submitted' && (
          <>
            <label>
              {t('workflow.approverName')}
              <input value={approver} onChange={(e) => setApprover(e.target.value)} data-testid="approver-name" />
            </label>
            <button type="button" className="primary" disabled={!approver.trim()} onClick={() => void move.run('approved')} data-testid="approve-bulletin">
              {t('workflow.approve')}
            </button>
          </>
        )}
        {bulletin.status === 'approved' && (
          <button type="button" onClick={() => void move.run('delivered')}>
            {t('workflow.markDelivered')}
          </button>
        )}
        {(bulletin.status === 'submitted' || bulletin.status === 'approved') && (
          <button type="button" onClick={() => void move.run('draft')}>
            {t('workflow.sendBack')}
          </button>
        )}
      </div>
    </section>
  );
}
