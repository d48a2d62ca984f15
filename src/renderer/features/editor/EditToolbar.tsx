import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditOp } from '../../../shared/api/audio.ts';
import type { Selection } from './useWaveform.ts';
import { NumberField } from '../../components/NumberField.tsx';

interface Props {
  selection: Selection | null;
  cursor: number;
  busy: boolean;
  canUndo: boolean;
  canRedo: boolean;
  playing: boolean;
  apply(op: EditOp): void;
  undo(): void;
  redo(): void;
  togglePlay(): void;
  zoom(factor: number): void;
}

/** Every edit the editor offers, each on the selection or at the cursor. */
export function EditToolbar(p: Props) {
  const { t } = useTranslation('editor');
  const [silence, setSilence] = useState(1);
  const [gainDb, setGainDb] = useState(-3);
  const [markerName, setMarkerName] = useState('');
  const sel = p.selection;
  const range = sel ? { start: sel.start, end: sel.end } : null;
  const onRange = (type: 'cut' | 'copy' | 'delete' | 'trim' | 'fadeIn' | 'fadeOut') => range && p.apply({ type, ...range });
  const needsRange = !range || p.busy;

  return (
    <div className="ed-toolbar" role="toolbar" aria-label={t('toolbar')}>
      <div className="ed-group">
        <button type="button" onClick={p.togglePlay} data-testid="play" data-playing={p.playing} title={t('shortcut.space')}>
          {p.playing ? `⏸ ${t('pause')}` : `▶ ${sel ? t('playSelection') : t('play')}`}
        </button>
        <button type="button" onClick={() => p.zoom(2)} className="ed-zoom" data-testid="zoom-in" title={t('zoomIn')}>
          +
        </button>
        <button type="button" onClick={() => p.zoom(0.5)} className="ed-zoom" data-testid="zoom-out" title={t('zoomOut')}>
          −
        </button>
      </div>
      <div className="ed-group">
        <button type="button" disabled={!p.canUndo || p.busy} onClick={p.undo} data-testid="undo" title="Ctrl+Z">
          ↶ {t('undo')}
        </button>
        <button type="button" disabled={!p.canRedo || p.busy} onClick={p.redo} data-testid="redo" title="Ctrl+Shift+Z / Ctrl+Y">
          ↷ {t('redo')}
        </button>
      </div>
      <div className="ed-group">
        <button type="button" disabled={needsRange} onClick={() => onRange('cut')} data-testid="op-cut" title="Ctrl+X">
          {t('op.cut')}
        </button>
        <button type="button" disabled={needsRange} onClick={() => onRange('copy')} data-testid="op-copy" title="Ctrl+C">
          {t('op.copy')}
        </button>
        <button type="button" disabled={p.busy} onClick={() => p.apply({ type: 'paste', at: p.cursor })} data-testid="op-paste" title="Ctrl+V">
          {t('op.paste')}
        </button>
        <button type="button" disabled={needsRange} onClick={() => onRange('delete')} data-testid="op-delete" title="Delete">
          {t('op.delete')}
        </button>
        <button type="button" disabled={needsRange} onClick={() => onRange('trim')} data-testid="op-trim">
          {t('op.trim')}
        </button>
      </div>
      <div className="ed-group">
        <button type="button" disabled={needsRange} onClick={() => onRange('fadeIn')} data-testid="op-fade-in">
          {t('op.fadeIn')}
        </button>
        <button type="button" disabled={needsRange} onClick={() => onRange('fadeOut')} data-testid="op-fade-out">
          {t('op.fadeOut')}
        </button>
        <label className="ed-inline">
          <NumberField min={-96} max={48} digits={1} value={gainDb} onChange={setGainDb} aria-label={t('gainDb')} testId="gain-db" />
          dB
        </label>
        <button type="button" disabled={needsRange} onClick={() => range && p.apply({ type: 'gain', ...range, db: gainDb })} data-testid="op-gain">
          {t('op.gain')}
        </button>
      </div>
      <div className="ed-group">
        <label className="ed-inline">
          <NumberField min={0.1} max={3600} digits={3} value={silence} onChange={setSilence} aria-label={t('silenceSeconds')} testId="silence-seconds" />
          {t('seconds')}
        </label>
        <button
          type="button"
          disabled={p.busy || !(silence > 0)}
          onClick={() => p.apply({ type: 'insertSilence', at: p.cursor, duration: silence })}
          data-testid="op-silence"
        >
          {t('op.insertSilence')}
        </button>
      </div>
      <div className="ed-group">
        <input
          type="text"
          value={markerName}
          placeholder={t('markerName')}
          maxLength={200}
          onChange={(e) => setMarkerName(e.target.value)}
          data-testid="marker-name"
        />
        <button
          type="button"
          disabled={p.busy || markerName.trim() === ''}
          onClick={() => {
            p.apply({ type: 'marker', at: p.cursor, name: markerName.trim() });
            setMarkerName('');
          }}
          data-testid="op-marker"
        >
          {t('op.marker')}
        </button>
      </div>
    </div>
  );
}
