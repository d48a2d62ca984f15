import { useTranslation } from 'react-i18next';
import type { Repeat, Schedule } from '../../../shared/api/library-types.ts';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** Lịch phát: once at a date and time, daily, weekly on chosen weekdays, or now; with repeats. */
export function ScheduleFields({ schedule, repeat, onChange }: { schedule: Schedule; repeat: Repeat; onChange: (s: Schedule, r: Repeat) => void }) {
  const { t } = useTranslation('bulletins');
  const time = 'time' in schedule ? schedule.time : '06:00';

  const setKind = (kind: Schedule['kind']) => {
    const next: Schedule =
      kind === 'now'
        ? { kind }
        : kind === 'once'
          ? { kind, at: new Date(Date.now() + 3600_000).toISOString().slice(0, 16) + ':00' }
          : kind === 'daily'
            ? { kind, time }
            : { kind, weekdays: [1, 3, 5], time };
    onChange(next, repeat);
  };

  return (
    <fieldset className="subform">
      <legend>{t('schedule.legend')}</legend>
      <div className="form-row">
        <label>
          {t('schedule.kind')}
          <select value={schedule.kind} onChange={(e) => setKind(e.target.value as Schedule['kind'])} data-testid="schedule-kind">
            {(['now', 'once', 'daily', 'weekly'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`schedule.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {schedule.kind === 'once' && (
          <label>
            {t('schedule.at')}
            <input
              type="datetime-local"
              value={schedule.at.slice(0, 16)}
              onChange={(e) => onChange({ kind: 'once', at: `${e.target.value}:00` }, repeat)}
            />
          </label>
        )}
        {(schedule.kind === 'daily' || schedule.kind === 'weekly') && (
          <label>
            {t('schedule.time')}
            <input type="time" value={schedule.time} onChange={(e) => onChange({ ...schedule, time: e.target.value }, repeat)} />
          </label>
        )}
        <label>
          {t('schedule.repeatCount')}
          <input
            type="number"
            min={1}
            max={10}
            value={repeat.count}
            onChange={(e) => onChange(schedule, { ...repeat, count: Math.min(10, Math.max(1, Number(e.target.value) || 1)) })}
          />
        </label>
        <label>
          {t('schedule.gapMinutes')}
          <input
            type="number"
            min={0}
            max={1440}
            value={repeat.gapMinutes}
            disabled={repeat.count < 2}
            onChange={(e) => onChange(schedule, { ...repeat, gapMinutes: Math.max(0, Number(e.target.value) || 0) })}
          />
        </label>
      </div>
      {schedule.kind === 'weekly' && (
        <div className="weekdays" role="group" aria-label={t('schedule.weekdays')}>
          {WEEKDAYS.map((day) => (
            <label key={day} className="chip">
              <input
                type="checkbox"
                checked={schedule.weekdays.includes(day)}
                onChange={(e) => {
                  const weekdays = e.target.checked ? [...schedule.weekdays, day].sort() : schedule.weekdays.filter((d) => d !== day);
                  if (weekdays.length > 0) onChange({ ...schedule, weekdays }, repeat);
                }}
              />
              {t(`schedule.day.${day}`)}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
