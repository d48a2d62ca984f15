import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/api/settings.ts';
import { api } from '../../api/client.ts';
import { useAction, useRequest } from '../../api/hooks.ts';
import { useJob } from '../../api/use-job.ts';
import { JobStatus } from '../../components/JobStatus.tsx';
import { fmt } from '../../components/useFormat.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Page } from '../../components/Page.tsx';
import { setUiLanguage } from '../../i18n/index.ts';
import { FolderPicker } from '../../components/PathPicker.tsx';

/** Cài đặt: language, the editor's name for the audit trail, the session cap, backups. */
export default function SettingsScreen() {
  const { t } = useTranslation('settings');
  const loaded = useRequest('settings.get', {});
  const info = useRequest('app.info', {});
  const [draft, setDraft] = useState<Settings | null>(null);
  const [backupDir, setBackupDir] = useState('');
  useEffect(() => setDraft(loaded.data ?? null), [loaded.data]);

  const save = useAction(async (changes: Partial<Settings>) => {
    const saved = await api.call('settings.update', changes);
    setDraft(saved);
    if (changes.uiLanguage) setUiLanguage(changes.uiLanguage);
  });
  const startBackup = useCallback(() => api.call('library.backup', { destDir: backupDir }), [backupDir]);
  const backup = useJob(startBackup);
  const backingUp = backup.job?.state === 'running';

  if (!draft) return <ErrorNotice error={loaded.error} />;
  return (
    <Page title={t('title')}>
      <ErrorNotice error={save.error} onClose={save.clearError} />
      <div className="form narrow">
        <label>
          {t('uiLanguage')}
          <select
            value={draft.uiLanguage}
            onChange={(e) => void save.run({ uiLanguage: e.target.value as Settings['uiLanguage'] })}
            data-testid="ui-language"
          >
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </select>
        </label>
        <label>
          {t('userName')}
          <input value={draft.userName} onChange={(e) => setDraft({ ...draft, userName: e.target.value })} data-testid="user-name" />
          <small className="muted">{t('userNameHelp')}</small>
        </label>
        <label>
          {t('sessionCap')}
          <input
            type="number"
            min={1}
            max={1440}
            value={draft.sessionCapMinutes}
            onChange={(e) => setDraft({ ...draft, sessionCapMinutes: Number(e.target.value) || 1 })}
            data-testid="session-cap"
          />
          <small className="muted">{t('sessionCapHelp')}</small>
        </label>
        <button
          type="button"
          className="primary"
          disabled={save.busy}
          onClick={() => void save.run({ userName: draft.userName, sessionCapMinutes: draft.sessionCapMinutes })}
          data-testid="save-settings"
        >
          {t('common:actions.save')}
        </button>
      </div>
      <section className="card narrow">
        <h3>{t('backupTitle')}</h3>
        <p className="muted">{t('backupHelp')}</p>
        <div className="inline-form">
          <FolderPicker purpose="backup" value={backupDir} onPicked={setBackupDir} testId="backup-folder" />
          <button type="button" disabled={!backupDir.trim() || backingUp} onClick={() => void backup.start()} data-testid="backup-start">
            {t('backupStart')}
          </button>
        </div>
        <JobStatus
          handle={backup}
          label={t('backupTitle')}
          done={
            backup.job?.result && (
              <span data-testid="backup-done">
                {t('backupDone', { folder: backup.job.result.folder, files: fmt.number(backup.job.result.files), size: fmt.bytes(backup.job.result.bytes) })}
              </span>
            )
          }
        />
      </section>
      <a className="card card-link narrow" href="#/updates" data-testid="settings-updates">
        <h3>{t('updates:title')}</h3>
        <span className="muted">{t('updatesHelp')}</span>
      </a>
      {info.data && (
        <p className="muted">
          {t('about', { version: info.data.version, dataDir: info.data.dataDir })}
        </p>
      )}
    </Page>
  );
}
