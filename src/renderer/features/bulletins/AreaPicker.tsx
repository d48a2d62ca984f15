import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Area } from '../../../shared/api/library-types.ts';
import { useRequest } from '../../api/hooks.ts';

/** Địa bàn nhận: tick the communes, clusters and boards the bulletin is for. */
export function AreaPicker({ selected, onChange }: { selected: number[]; onChange: (ids: number[]) => void }) {
  const { t } = useTranslation('bulletins');
  const { data: areas } = useRequest('area.list', {}, { refreshOn: ['area'] });
  if (!areas) return null;
  const children = (parentId: number | null) => areas.filter((a) => a.parentId === parentId);
  const toggle = (area: Area, on: boolean) => onChange(on ? [...selected, area.id] : selected.filter((id) => id !== area.id));

  const renderLevel = (parentId: number | null, depth: number): ReactElement | null => {
    const level = children(parentId);
    if (level.length === 0) return null;
    return (
      <ul className="tree" style={{ marginLeft: depth ? 16 : 0 }}>
        {level.map((area) => (
          <li key={area.id}>
            <label className="tree-item">
              <input type="checkbox" checked={selected.includes(area.id)} onChange={(e) => toggle(area, e.target.checked)} />
              {area.name} <span className="muted">({t(`areas:kind.${area.kind}`)})</span>
            </label>
            {renderLevel(area.id, depth + 1)}
          </li>
        ))}
      </ul>
    );
  };

  return (
    <fieldset className="subform">
      <legend>{t('field.targetAreas')}</legend>
      {areas.length === 0 ? <p className="muted">{t('noAreas')}</p> : renderLevel(null, 0)}
    </fieldset>
  );
}
