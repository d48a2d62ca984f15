import { useTranslation } from 'react-i18next';
import { EnumSelect } from '../../components/EnumSelect.tsx';
import { CATEGORIES, PRIORITIES, STATUSES } from '../../../shared/api/library-types.ts';
import { KNOWN_LANGUAGES } from '../../../shared/api/define.ts';
import type { Category, Priority, Status } from '../../../shared/api/library-types.ts';

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
        <EnumSelect<string>
          key={field.key}
          values={field.values}
          labels={field.labels}
          anyLabel={t(`filter.all.${field.key}`)}
          aria-label={t(`filter.${field.key}`)}
          data-testid={`filter-${field.key}`}
          value={value[field.key] ?? ''}
          onChange={(v) => onChange({ ...value, [field.key]: v || undefined })}
        />
      ))}
    </div>
  );
}
