import { useTranslation } from 'react-i18next';
import { useRequest } from '../../api/hooks.ts';

/** The languages of the language table, by their Vietnamese and native names. */
export function LanguagePicker({ value, onChange, label, exclude, testId }: {
  value: string;
  onChange: (code: string) => void;
  label: string;
  exclude?: string;
  testId?: string;
}) {
  const { t } = useTranslation('translation');
  const languages = useRequest('translation.language.list', {});
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} className="tr-text">
        {!languages.data && <option value={value}>{value}</option>}
        {languages.data
          ?.filter((l) => l.code !== exclude)
          .map((l) => (
            <option key={l.code} value={l.code}>
              {l.nameVi}
              {l.nameNative && l.nameNative !== l.nameVi ? ` — ${l.nameNative}` : ''} ({l.code})
            </option>
          ))}
      </select>
      {languages.error && <span className="error-text">{t('common:loading')}</span>}
    </label>
  );
}
