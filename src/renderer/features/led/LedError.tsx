import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';

/**
 * An error from an LED request: where one code covers several situations its `details.reason`
 * picks this screen's sentence; otherwise the shared wording of the code.
 */
export function LedError({ error, onClose }: { error: ApiError | null; onClose?: () => void }) {
  const { t, i18n } = useTranslation('led');
  if (!error) return null;
  const details = (error.payload.details ?? {}) as Record<string, unknown>;
  const reason = typeof details.reason === 'string' ? details.reason : '';
  if (!reason || !i18n.exists(`led:errors.${reason}`)) return <ErrorNotice error={error} onClose={onClose} />;
  const size = (value: unknown) => (value ?? {}) as { width?: number; height?: number };
  return (
    <div className="notice notice-error" role="alert" data-testid="led-error">
      <span>
        {t(`errors.${reason}`, {
          ...details,
          noticeWidth: size(details.notice).width,
          noticeHeight: size(details.notice).height,
          boardWidth: size(details.board).width,
          boardHeight: size(details.board).height,
        })}
      </span>
      {onClose && (
        <button type="button" className="link" onClick={onClose} aria-label={t('common:actions.close')}>
          ×
        </button>
      )}
    </div>
  );
}
