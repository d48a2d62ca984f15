import { useTranslation } from 'react-i18next';
import { describeError, type ErrorPayload } from '../../../shared/errors.ts';

interface Details {
  reason?: string;
  deviceState?: string;
  nextStep?: string;
  path?: string;
}

/**
 * A serial error in words: what happened (from the code, or the rejection's reason), the state the
 * device is left in, and what to do next. Codes this screen has no words for fall back to the
 * studio's common error text. A read (`reading`) leaves a device as it was: that is not news.
 */
export function DeviceError({ error, onClose, reading = false }: { error: ErrorPayload | null; onClose?: () => void; reading?: boolean }) {
  const { t, i18n } = useTranslation('serial');
  if (!error) return null;
  const details = (error.details ?? {}) as Details;
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const what =
    error.code === 'firmware_rejected' && details.reason && i18n.exists(`serial:firmwareRejection.${details.reason}`)
      ? `${t('errors.firmware_rejected')} ${t(`firmwareRejection.${details.reason}`)}`
      : details.reason && i18n.exists(`serial:reason.${details.reason}`)
        ? t(`reason.${details.reason}`)
        : i18n.exists(`serial:errors.${error.code}`)
          ? t(`errors.${error.code}`, { path: details.path ?? '' })
          : describeError(error, language);
  return (
    <div className="notice notice-error device-error" role="alert" data-testid="device-error" data-code={error.code}>
      <div>
        <strong>{what}</strong>
        {details.deviceState && error.code !== 'firmware_rejected' && !(reading && details.deviceState === 'untouched') && <p>{t(`deviceState.${details.deviceState}`)}</p>}
        {details.nextStep && <p>{t(`nextStep.${details.nextStep}`)}</p>}
      </div>
      {onClose && (
        <button type="button" className="link" onClick={onClose} aria-label={t('close')}>
          ×
        </button>
      )}
    </div>
  );
}
