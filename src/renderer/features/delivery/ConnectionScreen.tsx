import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionInfo, DeliverySettings } from '../../../shared/api/delivery.ts';
import { api } from '../../api/client.ts';
import { useAction, useRequest } from '../../api/hooks.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Page } from '../../components/Page.tsx';
import { FilePicker } from '../../components/PathPicker.tsx';
import './delivery.css';
import { fmt } from '../../components/useFormat.ts';
import { NumberField } from '../../components/NumberField.tsx';

interface Draft {
  serverUrl: string;
  caCertPath: string;
  chunkSizeMiB: number;
  keepFilesDays: number;
}

const draftOf = (s: DeliverySettings): Draft => ({ serverUrl: s.serverUrl, caCertPath: s.caCertPath, chunkSizeMiB: s.chunkSizeMiB, keepFilesDays: s.keepFilesDays });

/**
 * Hệ thống thông tin nguồn: where deliveries go and with which token. The token is write-only
 * here: the screen sends a new one to the main process (which keeps it in the secret store) and
 * only ever learns back whether one is stored.
 */
export default function ConnectionScreen() {
  const { t } = useTranslation('delivery');
  const loaded = useRequest('delivery.settings.get', {});
  const [settings, setSettings] = useState<DeliverySettings | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [token, setToken] = useState('');
  const [saved, setSaved] = useState(false);
  const [tested, setTested] = useState<ConnectionInfo | null>(null);

  useEffect(() => {
    if (!loaded.data) return;
    setSettings(loaded.data);
    setDraft(draftOf(loaded.data));
  }, [loaded.data]);

  const apply = (next: DeliverySettings) => {
    setSettings(next);
    setDraft(draftOf(next));
    setToken('');
    setSaved(true);
  };
  const save = useAction(async () => {
    if (!draft) return;
    setSaved(false);
    apply(
      await api.call('delivery.settings.update', {
        serverUrl: draft.serverUrl.trim(),
        caCertPath: draft.caCertPath.trim(),
        chunkSizeMiB: draft.chunkSizeMiB,
        keepFilesDays: draft.keepFilesDays,
        ...(token.trim() ? { token: token.trim() } : {}),
      }),
    );
  });
  const forget = useAction(async () => apply(await api.call('delivery.settings.update', { token: null })));
  const test = useAction(async () => {
    setTested(null);
    // What is typed is tested before it is saved; empty fields fall back to the stored values.
    setTested(
      await api.call('delivery.testConnection', {
        ...(draft?.serverUrl.trim() ? { serverUrl: draft.serverUrl.trim() } : {}),
        ...(token.trim() ? { token: token.trim() } : {}),
      }),
    );
  });

  if (!draft || !settings) {
    return (
      <Page title={t('connection.title')}>
        {loaded.error ? <ErrorNotice error={loaded.error} /> : <p className="muted">{t('common:loading')}</p>}
      </Page>
    );
  }
  return (
    <Page title={t('connection.title')}>
      <p className="muted narrow">{t('connection.intro')}</p>
      <ErrorNotice error={save.error ?? forget.error} onClose={() => (save.clearError(), forget.clearError())} />
      <form
        className="form narrow"
        onSubmit={(e) => {
          e.preventDefault();
          void save.run();
        }}
      >
        <label>
          {t('connection.serverUrl')}
          <input
            type="url"
            value={draft.serverUrl}
            onChange={(e) => setDraft({ ...draft, serverUrl: e.target.value })}
            placeholder={t('connection.serverUrlPlaceholder')}
            data-testid="server-url"
          />
        </label>
        <label>
          {t('connection.token')}
          <div className="token-row">
            <input
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={token}
              onChange={(e) => setToken(e.target.value)}
              placeholder={settings.hasToken ? '••••••••••••' : ''}
              data-testid="token"
            />
            {settings.hasToken && (
              <button type="button" onClick={() => void forget.run()} data-testid="forget-token">
                {t('connection.forgetToken')}
              </button>
            )}
          </div>
          <small className="muted" data-testid="token-state">
            {settings.hasToken ? t('connection.tokenStored') : t('connection.tokenNone')}
          </small>
        </label>
        <div>
          {t('connection.caCertPath')}
          <FilePicker purpose="certificate" value={draft.caCertPath} onPicked={(file) => setDraft({ ...draft, caCertPath: file.path })} testId="ca-cert-path" />
          {draft.caCertPath && (
            <button type="button" className="link" onClick={() => setDraft({ ...draft, caCertPath: '' })} data-testid="ca-cert-clear">
              {t('common:picker.clear')}
            </button>
          )}
        </div>
        <label>
          {t('connection.chunkSize')}
          <NumberField min={1} max={64} digits={0} value={draft.chunkSizeMiB} onChange={(chunkSizeMiB) => setDraft({ ...draft, chunkSizeMiB })} testId="chunk-size" />
          <small className="muted">{t('connection.chunkSizeHelp')}</small>
        </label>
        <label>
          {t('connection.keepFilesDays')}
          <NumberField min={1} max={3650} digits={0} value={draft.keepFilesDays} onChange={(keepFilesDays) => setDraft({ ...draft, keepFilesDays })} testId="keep-files-days" />
          <small className="muted">{t('connection.keepFilesDaysHelp')}</small>
        </label>
        <div className="page-actions">
          <button type="submit" className="primary" disabled={save.busy} data-testid="save-connection">
            {t('connection.save')}
          </button>
          <button type="button" disabled={test.busy} onClick={() => void test.run()} data-testid="test-connection">
            {test.busy ? t('connection.testing') : t('connection.test')}
          </button>
        </div>
        {saved && <p className="notice notice-ok">{t('connection.saved')}</p>}
      </form>
      <div className="narrow">
        <ErrorNotice error={test.error} onClose={test.clearError} />
        {tested && (
          <div className="notice notice-ok connection-result" data-testid="connection-ok">
            <span>{t('connection.testOk', { account: tested.account, server: tested.server })}</span>
            {tested.tokenExpiresAt && <span>{t('connection.tokenExpires', { time: fmt.dateTime(tested.tokenExpiresAt) })}</span>}
          </div>
        )}
      </div>
    </Page>
  );
}
