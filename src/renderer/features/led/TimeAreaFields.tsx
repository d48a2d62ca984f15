import { useTranslation } from 'react-i18next';
import { Area, LED_FONT_SIZES, type LedColour } from '../../../shared/led/index.ts';

type ClockArea = Extract<Area, { kind: 'clock' }>;
type CountdownArea = Extract<Area, { kind: 'countdown' }>;

const CLOCK_FORMATS = ['HH:mm', 'HH:mm:ss', 'dd/MM/yyyy', 'dd/MM/yyyy HH:mm'] as const;

/** "2026-05-24T07:00:00+07:00" ↔ the local "2026-05-24T07:00" of a datetime-local input (Vietnam time). */
const toLocalInput = (iso: string) => iso.slice(0, 16);
const fromLocalInput = (value: string) => `${value}:00+07:00`;

/** The fields of a clock or countdown area: format or text, size, alignment, colour. */
export function TimeAreaFields({ area, colours, onChange, testId }: { area: ClockArea | CountdownArea; colours: readonly LedColour[]; onChange: (a: Area) => void; testId: string }) {
  const { t } = useTranslation('led');
  return (
    <div className="form-row">
      {area.kind === 'clock' ? (
        <label>
          {t('notice.format')}
          <select value={area.format} onChange={(e) => onChange({ ...area, format: e.target.value as ClockArea['format'] })} data-testid={`${testId}-format`}>
            {CLOCK_FORMATS.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </label>
      ) : (
        <>
          <label>
            {t('notice.template')}
            <input value={area.template} onChange={(e) => onChange({ ...area, template: e.target.value })} data-testid={`${testId}-template`} />
          </label>
          <label>
            {t('notice.target')}
            <input type="datetime-local" value={toLocalInput(area.target)} onChange={(e) => e.target.value && onChange({ ...area, target: fromLocalInput(e.target.value) })} />
          </label>
        </>
      )}
      <label>
        {t('page.size')}
        <select value={area.size} onChange={(e) => onChange({ ...area, size: Number(e.target.value) as ClockArea['size'] })}>
          {LED_FONT_SIZES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <label>
        {t('page.align')}
        <select value={area.align} onChange={(e) => onChange({ ...area, align: e.target.value as ClockArea['align'] })}>
          {(['left', 'centre', 'right'] as const).map((a) => (
            <option key={a} value={a}>
              {t(`page.aligns.${a}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('page.colour')}
        <select value={area.colour} onChange={(e) => onChange({ ...area, colour: e.target.value as LedColour })}>
          {colours.map((c) => (
            <option key={c} value={c}>
              {t(`page.colours.${c}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** A new clock or countdown area in a band at the bottom of the board (16 px, or the board's height). */
export function newTimeArea(kind: 'clock' | 'countdown', board: { width: number; height: number }, template: string): Area {
  const height = Math.min(16, board.height);
  const band = { x: 0, y: board.height - height, width: board.width, height, size: 13 as const, align: 'centre' as const, colour: 'red' as const };
  if (kind === 'clock') return Area.parse({ kind, ...band, format: 'HH:mm' });
  const inAMonth = new Date(Date.now() + 30 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
  return Area.parse({ kind, ...band, template, target: `${inAMonth}T07:00:00+07:00` });
}
