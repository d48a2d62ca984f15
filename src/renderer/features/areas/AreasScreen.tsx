import { useState } from 'react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Area, AreaKind } from '../../../shared/api/library-types.ts';
import { api } from '../../api/client.ts';
import { useAction, useRequest } from '../../api/hooks.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Page } from '../../components/Page.tsx';

/** What may be added under each kind; the district level is optional since the 2025 reform. */
const CHILD_KINDS: Record<AreaKind | 'root', AreaKind[]> = {
  root: ['province'],
  province: ['commune', 'district', 'region'],
  district: ['commune'],
  region: ['commune'],
  commune: ['cluster', 'board'],
  cluster: [],
  board: [],
};

/** Địa bàn: the administrative hierarchy as editable data. */
export default function AreasScreen() {
  const { t } = useTranslation('areas');
  const { data: areas, error } = useRequest('area.list', {}, { refreshOn: ['area'] });
  const action = useAction(async (run: () => Promise<unknown>) => run());

  const renderLevel = (parent: Area | null): ReactElement => {
    const children = (areas ?? []).filter((a) => a.parentId === (parent?.id ?? null));
    return (
      <ul className="tree">
        {children.map((area) => (
          <li key={area.id} data-area={area.name}>
            <AreaRow area={area} onAction={(run) => void action.run(run)} />
            {renderLevel(area)}
          </li>
        ))}
        {CHILD_KINDS[parent?.kind ?? 'root'].length > 0 && (
          <li>
            <NewArea parent={parent} onAction={(run) => void action.run(run)} />
          </li>
        )}
      </ul>
    );
  };

  return (
    <Page title={t('title')}>
      <p className="muted">{t('intro')}</p>
      <ErrorNotice error={error ?? action.error} onClose={action.clearError} />
      {areas && renderLevel(null)}
    </Page>
  );
}

function AreaRow({ area, onAction }: { area: Area; onAction: (run: () => Promise<unknown>) => void }) {
  const { t } = useTranslation('areas');
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(area.name);
  if (editing) {
    return (
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          onAction(() => api.call('area.update', { id: area.id, name }));
          setEditing(false);
        }}
      >
        <input value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        <button type="submit">{t('common:actions.save')}</button>
      </form>
    );
  }
  return (
    <span className="tree-item">
      <span className={`kind kind-${area.kind}`}>{t(`kind.${area.kind}`)}</span> {area.name}
      {area.code && <span className="muted"> · {area.code}</span>}
      <button type="button" className="link" onClick={() => setEditing(true)}>
        {t('common:actions.edit')}
      </button>
      <button
        type="button"
        className="link danger"
        onClick={() => confirm(t('confirmDelete', { name: area.name })) && onAction(() => api.call('area.delete', { id: area.id }))}
      >
        {t('common:actions.delete')}
      </button>
    </span>
  );
}

function NewArea({ parent, onAction }: { parent: Area | null; onAction: (run: () => Promise<unknown>) => void }) {
  const { t } = useTranslation('areas');
  const kinds = CHILD_KINDS[parent?.kind ?? 'root'];
  const [kind, setKind] = useState<AreaKind>(kinds[0]!);
  const [name, setName] = useState('');
  return (
    <form
      className="inline-form new-area"
      onSubmit={(e) => {
        e.preventDefault();
        onAction(() => api.call('area.create', { parentId: parent?.id ?? null, kind, name }));
        setName('');
      }}
    >
      <select value={kind} onChange={(e) => setKind(e.target.value as AreaKind)} aria-label={t('kindLabel')}>
        {kinds.map((k) => (
          <option key={k} value={k}>
            {t(`kind.${k}`)}
          </option>
        ))}
      </select>
      <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('namePlaceholder')} aria-label={t('namePlaceholder')} />
      <button type="submit" disabled={!name.trim()}>
        {t('common:actions.add')}
      </button>
    </form>
  );
}
