import { formatClock as sharedClock } from '../../shared/format.ts';
import { useTranslation } from 'react-i18next';

/** A length as the editors say it: "3 phút 20 giây". */
export function Duration({ seconds }: { seconds: number }) {
  const { t } = useTranslation();
  const total = Math.round(seconds);
  return <>{t('duration', { minutes: Math.floor(total / 60), seconds: total % 60 })}</>;
}

/** "3:20": a length as a clock reading (the shared format, src/shared/format.ts). */
export const formatClock = (seconds: number): string => sharedClock(seconds);
