import { useTranslation } from 'react-i18next';

interface Props<V extends string> {
  values: readonly V[];
  value: V | '';
  onChange: (value: V) => void;
  /** `common` key prefix of the option labels, e.g. "priority" → t('priority.normal'). */
  labels: string;
  /** When given, an empty first option meaning "any", with this text. */
  anyLabel?: string;
  'aria-label'?: string;
  'data-testid'?: string;
}

/** A select over one of the domain's fixed lists, labelled in the user's language. */
export function EnumSelect<V extends string>({ values, value, onChange, labels, anyLabel, ...rest }: Props<V>) {
  const { t } = useTranslation();
  return (
    <select value={value} onChange={(e) => onChange(e.target.value as V)} {...rest}>
      {anyLabel !== undefined && <option value="">{anyLabel}</option>}
      {values.map((v) => (
        <option key={v} value={v}>
          {t(`${labels}.${v}`)}
        </option>
      ))}
    </select>
  );
}
