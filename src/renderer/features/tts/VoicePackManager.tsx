import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Voice } from '../../../shared/api/tts.ts';
import { api, ApiError } from '../../api/client.ts';
import type { PickedFile } from '../../api/files.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { FilePicker, FolderPicker } from '../../components/PathPicker.tsx';
import { fmt } from '../../components/useFormat.ts';

const size = (bytes: number) => (bytes === 0 ? '—' : fmt.bytes(bytes));

/** Installed voice packs and voices found in models/: size, licence, languages; install and remove. */
export function VoicePackManager({ voices, onChanged }: { voices: Voice[]; onChanged(): void }) {
  const { t } = useTranslation('tts');
  const [source, setSource] = useState('');
  // A .zip uploaded in browser mode: its staged copy is dropped once the install has read it.
  const [upload, setUpload] = useState<PickedFile | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const listed = voices.filter((v) => v.source !== 'builtin');

  const install = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const voice = await api.call('voice.install', { path: source.trim() });
      setDone(t('packs.installed', { name: voice.name }));
      setSource('');
      void upload?.release();
      setUpload(null);
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (voice: Voice) => {
    if (!window.confirm(t('packs.confirmRemove', { name: voice.name }))) return;
    try {
      await api.call('voice.remove', { id: voice.id });
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
    }
  };

  return (
    <section className="card tts-packs" data-testid="voice-packs">
      <h3>{t('packs.title')}</h3>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (source.trim()) void install();
        }}
      >
        <FilePicker
          purpose="voicePack"
          value={source}
          label={t('common:picker.chooseZip')}
          onPicked={(file) => {
            setSource(file.path);
            setUpload(file);
          }}
          testId="voice-pack-zip"
        />
        <FolderPicker purpose="voicePack" showValue={false} onPicked={(folder) => (setSource(folder), setUpload(null))} testId="voice-pack-folder" />
        <button type="submit" disabled={busy || !source.trim()}>
          {busy ? t('packs.installing') : t('packs.install')}
        </button>
      </form>
      <ErrorNotice error={error} onClose={() => setError(null)} />
      {done && <p className="notice notice-ok">{done}</p>}
      {listed.length === 0 ? (
        <p className="muted">{t('packs.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('packs.name')}</th>
              <th>{t('packs.engine')}</th>
              <th>{t('packs.languages')}</th>
              <th>{t('packs.size')}</th>
              <th>{t('packs.licence')}</th>
              <th>{t('packs.source')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {listed.map((v) => (
              <tr key={v.id} data-testid="voice-pack-row">
                <td>{v.name}</td>
                <td>{t(`engines.${v.engine}`)}</td>
                <td>{v.languages.join(', ')}</td>
                <td className="nowrap">{size(v.sizeBytes)}</td>
                <td>{v.licence}</td>
                <td>{t(`packs.sources.${v.source}`)}</td>
                <td>
                  {v.source === 'pack' && (
                    <button type="button" className="danger" onClick={() => void remove(v)}>
                      {t('packs.remove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
