import { useTranslation } from 'react-i18next';
import type { AssetLoudness } from '../../shared/api/library-types.ts';

/**
 * An asset's loudness as broadcast people write it: "−23.0 LUFS · đỉnh −1.2 dBTP · dải 4.1 LU",
 * with a true minus sign and one decimal.
 */
export function Loudness({ loudness }: { loudness: AssetLoudness | null }) {
  const { t } = useTranslation();
  if (!loudness) return <span data-testid="loudness">{t('loudness.notMeasured')}</span>;
  if (loudness.integratedLufs === null) return <span data-testid="loudness">{t('loudness.silent')}</span>;
  // A decimal point in both languages, as meters and broadcast specifications print it.
  const format = (value: number) => value.toFixed(1).replace('-', '−');
  return (
    <span data-testid="loudness">
      {t('loudness.figures', {
        integrated: format(loudness.integratedLufs),
        truePeak: loudness.truePeakDbtp === null ? '−∞' : format(loudness.truePeakDbtp),
        range: format(loudness.rangeLu),
      })}
    </span>
  );
}
