import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditOp } from '../../../shared/api/audio.ts';
import { api } from '../../api/client.ts';
import { useRequest } from '../../api/hooks.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Page } from '../../components/Page.tsx';
import { AssetPicker } from './AssetPicker.tsx';
import { EditToolbar } from './EditToolbar.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { LoudnessPanel } from './LoudnessPanel.tsx';
import { SelectionFields } from './SelectionFields.tsx';
import { formatEditTime } from './time-format.ts';
import { useEditDocument } from './useEditDocument.ts';
import { useShortcuts } from './useShortcuts.ts';
import { useWaveform } from './useWaveform.ts';
import './editor.css';

/** Peaks requested never exceed this many points per channel, however far one zooms into an hour. */
const MAX_PEAK_POINTS = 200_000;
const MIN_PPS = 0.5;
const MAX_PPS = 2000;

/** Biên tập: #/editor lists the audio; #/editor/<assetId> edits one. */
export default function EditorScreen({ param }: { param?: string }) {
  const { t } = useTranslation('editor');
  const assetId = param && /^\d+$/.test(param) ? Number(param) : null;
  if (assetId === null) {
    return (
      <Page title={t('title')}>
        <AssetPicker />
      </Page>
    );
  }
  return <Editor assetId={assetId} />;
}

function Editor({ assetId }: { assetId: number }) {
  const { t } = useTranslation('editor');
  const asset = useRequest('asset.get', { id: assetId });
  const edit = useEditDocument(assetId);
  const { doc } = edit;
  const waveEl = useRef<HTMLDivElement>(null);
  const wave = useWaveform(waveEl);
  const [pps, setPps] = useState<number | null>(null);
  /** Which state of the document the waveform and the player show now. */
  const [shownKey, setShownKey] = useState<string | null>(null);
  const generation = useRef(0);

  const peaksFor = useCallback(
    (documentId: number, duration: number, pixelsPerSecond: number) =>
      api.call('edit.peaks', {
        documentId,
        pixelsPerSecond: Math.max(0.01, Math.min(pixelsPerSecond, MAX_PEAK_POINTS / Math.max(duration, 1))),
      }),
    [],
  );

  // Fit the whole take in the window when it first opens.
  useEffect(() => {
    if (doc && pps === null && waveEl.current) {
      const fit = waveEl.current.clientWidth / Math.max(doc.durationSec, 0.1);
      setPps(Math.max(MIN_PPS, Math.min(MAX_PPS, fit)));
    }
  }, [doc, pps]);

  // Every new state of the document: render its preview and draw its peaks.
  const docKey = doc ? JSON.stringify([doc.id, doc.ops, doc.master]) : null;
  useEffect(() => {
    if (!doc || pps === null) return;
    const mine = ++generation.current;
    Promise.all([api.call('edit.preview', { documentId: doc.id }), peaksFor(doc.id, doc.durationSec, pps)])
      .then(async ([preview, peaks]) => {
        if (mine !== generation.current) return;
        await wave.load(api.mediaUrl(preview.media), peaks.peaks, peaks.durationSec);
        wave.zoom(pps);
        wave.showMarkers(doc.markers);
        setShownKey(docKey);
      })
      .catch(edit.fail);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [docKey, pps === null]);

  const zoomBy = (factor: number) => {
    if (!doc || pps === null) return;
    const next = Math.max(MIN_PPS, Math.min(MAX_PPS, pps * factor));
    setPps(next);
    wave.zoom(next);
    peaksFor(doc.id, doc.durationSec, next).then((peaks) => wave.redraw(peaks.peaks, peaks.durationSec), edit.fail);
  };

  const sel = wave.selection;
  const apply = (op: EditOp) => void edit.apply(op);
  const onRange = (type: 'cut' | 'copy' | 'delete') => sel && apply({ type, start: sel.start, end: sel.end });
  useShortcuts({
    togglePlay: wave.togglePlay,
    undo: () => void edit.undo(),
    redo: () => void edit.redo(),
    deleteSelection: () => onRange('delete'),
    cut: () => onRange('cut'),
    copy: () => onRange('copy'),
    paste: () => apply({ type: 'paste', at: wave.cursor }),
  });

  const name = asset.data?.name ?? '';
  return (
    <Page title={`${t('title')} — ${name}`}>
      <ErrorNotice error={asset.error ?? edit.error} onClose={edit.clearError} />
      <EditToolbar
        selection={sel}
        cursor={wave.cursor}
        busy={edit.busy || !doc}
        canUndo={doc?.canUndo ?? false}
        canRedo={doc?.canRedo ?? false}
        playing={wave.playing}
        apply={apply}
        undo={() => void edit.undo()}
        redo={() => void edit.redo()}
        togglePlay={wave.togglePlay}
        zoom={zoomBy}
      />
      <div className="ed-wave-frame">
        <div ref={waveEl} className="ed-wave" data-testid="waveform" data-ready={shownKey !== null && shownKey === docKey} />
        {shownKey !== docKey && <div className="ed-busy">{t('rendering')}</div>}
      </div>
      <div className="ed-status" data-testid="edit-status" data-duration={doc?.durationSec ?? ''} data-ops={doc?.ops.length ?? ''}>
        <span>
          {t('status.length')}: <strong data-testid="edit-duration">{doc ? formatEditTime(doc.durationSec) : '—'}</strong>
        </span>
        <span>
          {t('status.cursor')}: {formatEditTime(wave.cursor)}
        </span>
        <SelectionFields selection={sel} duration={doc?.durationSec ?? 0} onSelect={wave.select} />
        <span>
          {t('status.edits')}: {doc?.ops.length ?? 0}
        </span>
      </div>
      {doc && doc.markers.length > 0 && (
        <ul className="ed-markers" data-testid="markers">
          {doc.markers.map((marker) => (
            <li key={marker.name}>
              <button type="button" className="link" onClick={() => wave.seek(marker.at)}>
                ⚑ {marker.name} · {formatEditTime(marker.at)}
              </button>
              <button type="button" className="link" onClick={() => apply({ type: 'removeMarker', name: marker.name })} aria-label={t('removeMarker')}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="muted ed-hint">{t('hint')}</p>
      {doc && (
        <div className="ed-panels">
          <LoudnessPanel doc={doc} onNormalized={edit.refresh} />
          {asset.data && <ExportPanel doc={doc} name={name} />}
        </div>
      )}
    </Page>
  );
}
