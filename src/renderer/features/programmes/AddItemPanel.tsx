import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemKind } from '../../../shared/api/library-types.ts';
import { useRequest } from '../../api/hooks.ts';
import { AudioImport } from '../../components/AudioImport.tsx';
import { formatClock } from '../../components/Duration.tsx';

type NewItem = { kind: ItemKind; bulletinId?: number; assetId?: number };

/** Adds bulletins (found by search) and jingles or music beds (from the music library, never bulletins' voice files). */
export function AddItemPanel({ onAdd }: { onAdd: (item: NewItem) => void }) {
  const { t } = useTranslation('programmes');
  const [text, setText] = useState('');
  const found = useRequest('library.search', { text, limit: 8 }, { refreshOn: ['bulletin'] });
  const [assetKind, setAssetKind] = useState<'jingle' | 'music_bed'>('jingle');
  const role = assetKind === 'jingle' ? 'jingle' : 'bed';
  const assets = useRequest('asset.list', { role }, { refreshOn: ['asset'] });

  return (
    <aside className="editor-side">
      <section className="card">
        <h3>{t('addBulletin')}</h3>
        <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('searchBulletins')} data-testid="add-item-search" />
        <ul className="pick-list">
          {found.data?.items.map((b) => (
            <li key={b.id}>
              <span>{b.title}</span>
              <button type="button" onClick={() => onAdd({ kind: 'bulletin', bulletinId: b.id })} data-add-bulletin={b.id}>
                {t('common:actions.add')}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section className="card">
        <h3>{t('addAudio')}</h3>
        <select value={assetKind} onChange={(e) => setAssetKind(e.target.value as 'jingle' | 'music_bed')} data-testid="audio-kind">
          <option value="jingle">{t('kind.jingle')}</option>
          <option value="music_bed">{t('kind.music_bed')}</option>
        </select>
        <AudioImport role={role} testId="import-music" />
        {assets.data?.length === 0 && <p className="muted">{t('noAudio')}</p>}
        <ul className="pick-list" data-testid="audio-pick-list">
          {assets.data?.map((a) => (
            <li key={a.id} data-asset-name={a.name}>
              <span>
                {a.name} <span className="muted">{formatClock(a.durationSec)}</span>
              </span>
              <button type="button" onClick={() => onAdd({ kind: assetKind, assetId: a.id })}>
                {t('common:actions.add')}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </aside>
  );
}
