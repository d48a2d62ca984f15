import { useTranslation } from 'react-i18next';
import { CATEGORIES, KNOWN_LANGUAGES, PRIORITIES, STATUSES } from '../../../shared/domain.ts';
import type { Category, Priority, Status } from '../../../shared/domain.ts';

export interface Filters {
  category?: Category;
  language?: string;
  priority?: Priority;
  status?: Status;
}

const FIELDS = [
  { key: 'category', values: CATEGORIES, labels: 'category' },
  { key: 'language', values: KNOWN_LANGUAGES, labels: 'language' },
  { key: 'priority', values: PRIORITIES, labels: 'priority' },
  { key: 'status', values: STATUSES, labels: 'status' },
] as const;

export function FilterBar({ value, onChange }: { value: Filters; onChange: (filters: Filters) => void }) {
  const { t } = useTranslation('library');
  return (
    <div className="filters">
      {FIELDS.map((field) => (
        <select
          key={field.key}
          aria-label={t(`filter.${field.key}`)}
          data-testid={`filter-${field.key}`}
          value={value[field.key] ?? ''}
          onChange={(e) => onChange({ ...value, [field.key]: e.target.value || undefined })}
        >
          <option value="">{t(`filter.all.${field.key}`)}</option>
          {field.values.map((v) => (
            <option key={v} value={v}>
              {t(`common:${field.labels}.${v}`)}
            </option>
          ))}
        </select>
      ))}
    </div>
  );
}
