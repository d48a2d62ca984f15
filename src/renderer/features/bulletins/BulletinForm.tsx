import { useTranslation } from 'react-i18next';
import { CATEGORIES, KNOWN_LANGUAGES, PRIORITIES, type BulletinFields } from '../../../shared/domain.ts';
import { AreaPicker } from './AreaPicker.tsx';
import { ScheduleFields } from './ScheduleFields.tsx';

interface Props {
  value: BulletinFields;
  onChange: (value: BulletinFields) => void;
  disabled: boolean;
}

export function BulletinForm({ value, onChange, disabled }: Props) {
  const { t } = useTranslation('bulletins');
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
      <div className="form-row">
        <label>
          {t('field.category')}
          <select value={value.category} onChange={(e) => set('category', e.target.value as BulletinFields['category'])} data-testid="bulletin-category">
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`common:category.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('field.language')}
          <select value={value.language} onChange={(e) => set('language', e.target.value)} data-testid="bulletin-language">
            {KNOWN_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {t(`common:language.${code}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('field.priority')}
          <select value={value.priority} onChange={(e) => set('priority', e.target.value as BulletinFields['priority'])} data-testid="bulletin-priority">
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`common:priority.${p}`)}
              </option>
            ))}
          </select>
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
