import { useTranslation } from 'react-i18next';
import type { AssetLoudness } from '../../shared/api/library-types.ts';
import { useFormat } from './useFormat.ts';

/**
 * An asset's loudness as broadcast people write it: "−23,0 LUFS · đỉnh −1,2 dBTP · dải 4,1 LU",
 * with a true minus sign and one decimal, in the screen's number format.
 */
export function Loudness({ loudness }: { loudness: AssetLoudness | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!loudness) return <span data-testid="loudness">{t('loudness.notMeasured')}</span>;
  if (loudness.integratedLufs === null) return <span data-testid="loudness">{t('loudness.silent')}</span>;
  const format = (value: number | null) => f.number(value ?? -Infinity, { digits: 1 });
  return (
    <span data-testid="loudness">
      {t('loudness.figures', {
        integrated: format(loudness.integratedLufs),
        truePeak: format(loudness.truePeakDbtp),
        range: format(loudness.rangeLu),
      })}
    </span>
  );
}
