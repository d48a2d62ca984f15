import { useTranslation } from 'react-i18next';
import { describeError, technicalDetail } from '../../shared/errors.ts';
import type { ApiError } from '../api/client.ts';

/** What went wrong, in the user's language, with the technical details folded away. */
export function ErrorNotice({ error, onClose }: { error: ApiError | null; onClose?: () => void }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const issues = (error.payload.details as { issues?: { path: string[]; message: string }[] } | undefined)?.issues;
  const detail = technicalDetail(error.payload);
  return (
    <div className="notice notice-error" role="alert">
      <span>{describeError(error.payload, language)}</span>
      {((issues && issues.length > 0) || detail) && (
        <details>
          <summary>{t('errorDetails')}</summary>
          {!issues?.length && <code className="error-detail">{detail}</code>}
          <ul>
            {issues?.map((issue, i) => (
              <li key={i}>
                {issue.path.join('.') || '—'}: {issue.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      {onClose && (
        <button type="button" className="link" onClick={onClose} aria-label={t('actions.close')}>
          ×
        </button>
      )}
    </div>
  );
}
