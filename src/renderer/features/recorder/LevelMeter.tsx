import { useTranslation } from 'react-i18next';
import type { Levels } from './mic-capture.ts';
import { fmt } from '../../components/useFormat.ts';

const FLOOR_DB = -60;

const fraction = (db: number) => (Number.isFinite(db) ? Math.max(0, Math.min(1, (db - FLOOR_DB) / -FLOOR_DB)) : 0);
const show = (value: number) => fmt.number(value, { digits: 1 });

/** Peak (dBFS) and momentary loudness (LUFS) bars; red once the peak nears clipping. */
export function LevelMeter({ levels }: { levels: Levels }) {
  const { t } = useTranslation('recorder');
  const hot = levels.peakDb > -1;
  return (
    <div className="rec-meters" data-testid="level-meter">
      <div className="rec-meter">
        <span className="rec-meter-label">{t('meter.peak')}</span>
        <div className="rec-meter-track">
          <div className={`rec-meter-fill${hot ? ' hot' : ''}`} style={{ width: `${fraction(levels.peakDb) * 100}%` }} />
        </div>
        <span className="rec-meter-value" data-testid="peak-db">
          {show(levels.peakDb)} dBFS
        </span>
      </div>
      <div className="rec-meter">
        <span className="rec-meter-label">{t('meter.momentary')}</span>
        <div className="rec-meter-track">
          <div className="rec-meter-fill loudness" style={{ width: `${fraction(levels.momentaryLufs) * 100}%` }} />
          {/* The broadcast target, −23 LUFS, as a tick on the scale. */}
          <div className="rec-meter-target" style={{ left: `${fraction(-23) * 100}%` }} title="−23 LUFS" />
        </div>
        <span className="rec-meter-value" data-testid="momentary-lufs">
          {show(levels.momentaryLufs)} LUFS
        </span>
      </div>
    </div>
  );
}
