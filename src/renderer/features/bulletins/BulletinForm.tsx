import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { spokenMinutes } from '../../../shared/speech-length.ts';
import { CATEGORIES, PRIORITIES, type BulletinFields } from '../../../shared/api/library-types.ts';
import { KNOWN_LANGUAGES } from '../../../shared/api/define.ts';
import { EnumSelect } from '../../components/EnumSelect.tsx';
import { AreaPicker } from './AreaPicker.tsx';
import { ScheduleFields } from './ScheduleFields.tsx';

interface Props {
  value: BulletinFields;
  onChange: (value: BulletinFields) => void;
  disabled: boolean;
  /** The session cap (Settings), in minutes: a longer script is warned about as it is typed. */
  capMinutes: number | null;
}

export function BulletinForm({ value, onChange, disabled, capMinutes }: Props) {
  const { t } = useTranslation('bulletins');
  const minutes = useMemo(() => spokenMinutes(value.script), [value.script]);
  const tooLong = capMinutes !== null && minutes > capMinutes;
  const set = <K extends keyof BulletinFields>(key: K, v: BulletinFields[K]) => onChange({ ...value, [key]: v });

  return (
    <fieldset className="form" disabled={disabled}>
      <label>
        {t('field.title')}
        <input value={value.title} onChange={(e) => set('title', e.target.value)} data-testid="bulletin-title" maxLength={300} />
      </label>
      <label>
        {t('field.script')}
        <textarea
          value={value.script}
          onChange={(e) => set('script', e.target.value)}
          rows={12}
          data-testid="bulletin-script"
          lang={value.language}
        />
      </label>
      {value.script.trim() && (
        <p className={tooLong ? 'notice notice-warn' : 'muted'} role={tooLong ? 'alert' : undefined} data-testid="script-length" data-too-long={tooLong}>
          {tooLong
            ? t('scriptTooLong', { minutes: Math.round(minutes), cap: capMinutes })
            : t('scriptLength', { minutes: Math.max(1, Math.round(minutes)) })}
        </p>
      )}
      <div className="form-row">
        <label>
          {t('field.category')}
          <EnumSelect values={CATEGORIES} labels="category" value={value.category} onChange={(v) => set('category', v)} data-testid="bulletin-category" />
        </label>
        <label>
          {t('field.language')}
          <EnumSelect values={KNOWN_LANGUAGES} labels="language" value={value.language as (typeof KNOWN_LANGUAGES)[number]} onChange={(v) => set('language', v)} data-testid="bulletin-language" />
        </label>
        <label>
          {t('field.priority')}
          <EnumSelect values={PRIORITIES} labels="priority" value={value.priority} onChange={(v) => set('priority', v)} data-testid="bulletin-priority" />
        </label>
        <label>
          {t('field.author')}
          <input value={value.author} onChange={(e) => set('author', e.target.value)} data-testid="bulletin-author" />
        </label>
      </div>
      <ScheduleFields
        schedule={value.schedule}
        repeat={value.repeat}
        onChange={(schedule, repeat) => onChange({ ...value, schedule, repeat })}
      />
      <AreaPicker selected={value.targetAreaIds} onChange={(ids) => set('targetAreaIds', ids)} />
    </fieldset>
  );
}
