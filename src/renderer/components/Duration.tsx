import { useTranslation } from 'react-i18next';

/** A length as the editors say it: "3 phút 20 giây". */
export function Duration({ seconds }: { seconds: number }) {
  const { t } = useTranslation();
  const total = Math.round(seconds);
  return <>{t('duration', { minutes: Math.floor(total / 60), seconds: total % 60 })}</>;
}

export const formatClock = (seconds: number): string => {
  const total = Math.round(seconds);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
};
