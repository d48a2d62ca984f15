import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TextImport } from '../../../shared/translation/index.ts';
import { api } from '../../api/client.ts';
import { useAction } from '../../api/hooks.ts';
import { navigate } from '../../app/router.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';

/**
 * A bulletin from a Word or text file, often typed in TCVN3 (ABC) or VNI fonts: read, converted to
 * Unicode, each converted line shown with why, undoable one by one, then made a bulletin.
 */
export function LegacyImportPanel() {
  const { t } = useTranslation('translation');
  const [file, setFile] = useState('');
  const [read, setRead] = useState<TextImport | null>(null);
  const [lines, setLines] = useState<string[]>([]);
  const [title, setTitle] = useState('');
  const load = useAction(async () => {
    const imported = await api.call('translation.text.import', { path: file.trim() });
    setRead(imported);
    setLines(imported.text.split('\n'));
    setTitle(imported.text.split('\n').find((l) => l.trim())?.trim().slice(0, 300) ?? '');
  });
  const create = useAction(async () => {
    const bulletin = await api.call('bulletin.create', { title: title.trim(), script: lines.join('\n') });
    navigate('bulletins', bulletin.id);
  });
  return (
    <section className="card" data-testid="legacy-import">
      <h2>{t('import.title')}</h2>
      <ErrorNotice error={load.error ?? create.error} />
      <div className="tr-search">
        <input value={file} onChange={(e) => setFile(e.target.value)} placeholder={t('import.path')} aria-label={t('import.path')} data-testid="legacy-path" />
        <button type="button" disabled={!file.trim() || load.busy} onClick={() => void load.run()} data-testid="legacy-read">
          {t('import.read')}
        </button>
      </div>
      {read && (
        <>
          <p data-testid="legacy-encoding">{t(`import.encoding.${read.encoding}`)}</p>
          {read.changes.length === 0 && <p className="muted">{t('import.noChanges')}</p>}
          <ul className="tr-list" data-testid="legacy-changes">
            {read.changes.map((change) => {
              const undone = lines[change.line - 1] === change.before;
              return (
                <li key={change.line}>
                  <span className="badge">{t('import.line', { line: change.line })}</span> {t(`import.reason.${change.reason}`)}
                  <div className="tr-diff">
                    <span className="tr-diff-removed">{change.before}</span> → <span className="tr-text">{change.after}</span>
                  </div>
                  <button
                    type="button"
                    className="link"
                    onClick={() => setLines((current) => current.map((l, i) => (i === change.line - 1 ? (undone ? change.after : change.before) : l)))}
                  >
                    {undone ? t('import.redo') : t('import.undo')}
                  </button>
                </li>
              );
            })}
          </ul>
          <label>
            {t('import.bulletinTitle')}
            <input value={title} onChange={(e) => setTitle(e.target.value)} data-testid="legacy-title" />
          </label>
          <textarea className="tr-text" rows={8} value={lines.join('\n')} onChange={(e) => setLines(e.target.value.split('\n'))} data-testid="legacy-text" />
          <button type="button" className="primary" disabled={!title.trim() || create.busy} onClick={() => void create.run()} data-testid="legacy-create">
            {t('import.createBulletin')}
          </button>
        </>
      )}
    </section>
  );
}
