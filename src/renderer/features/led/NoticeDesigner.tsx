import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedBoard, LedNotice } from '../../../shared/api/led.ts';
import { BoardOptions } from './BoardOptions.tsx';
import { PRIORITIES, type Priority } from '../../../shared/api/library-types.ts';
import { CLASS_COLOURS, Page as PageSchema, Programme, type Area, type Page } from '../../../shared/led/index.ts';
import { api } from '../../api/client.ts';
import { useAction } from '../../api/hooks.ts';
import { navigate } from '../../app/router.ts';
import { LedError } from './LedError.tsx';
import { LedPreview } from './LedPreview.tsx';
import { OutputPanel } from './OutputPanel.tsx';
import { PageEditor } from './PageEditor.tsx';
import { TimeAreaFields, newTimeArea } from './TimeAreaFields.tsx';

interface Draft {
  title: string;
  boardId: number | null;
  priority: Priority;
  programme: Programme;
}

const draftOf = (notice: LedNotice): Draft => ({ title: notice.title, boardId: notice.boardId, priority: notice.priority, programme: notice.programme });
const newPage = (text: string): Page => PageSchema.parse({ text, size: 16 });

/** Thiết kế bản tin: title, board, priority, areas and pages, with the live preview and outputs beside. */
export function NoticeDesigner({ notice, boards, onSaved, onDeleted }: { notice: LedNotice; boards: LedBoard[]; onSaved: (n: LedNotice) => void; onDeleted: () => void }) {
  const { t } = useTranslation('led');
  const [draft, setDraft] = useState<Draft>(() => draftOf(notice));
  const [saved, setSaved] = useState(false);
  const board = boards.find((b) => b.id === draft.boardId) ?? null;
  const colourClass = board?.colourClass ?? 'single';

  // The preview shows the last valid design while the editor types an invalid one.
  const parsed = useMemo(() => Programme.safeParse(draft.programme), [draft.programme]);
  const [lastValid, setLastValid] = useState(notice.programme);
  if (parsed.success && parsed.data !== lastValid && JSON.stringify(parsed.data) !== JSON.stringify(lastValid)) setLastValid(parsed.data);

  const set = (changes: Partial<Draft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...changes }));
  };
  const setAreas = (areas: Area[]) => set({ programme: { ...draft.programme, areas } });
  const setArea = (index: number, area: Area) => setAreas(draft.programme.areas.map((a, i) => (i === index ? area : a)));
  const chooseBoard = (id: number | null) => {
    const next = boards.find((b) => b.id === id);
    // A notice takes the size of the board it is designed for; areas keep their place.
    set({ boardId: id, ...(next ? { programme: { ...draft.programme, width: next.width, height: next.height } } : {}) });
  };

  const [stored, setStored] = useState(() => JSON.stringify(draftOf(notice)));
  const dirty = JSON.stringify(draft) !== stored;
  const store = async () => {
    const updated = await api.call('led.notice.update', { id: notice.id, changes: draft });
    setDraft(draftOf(updated));
    setStored(JSON.stringify(draftOf(updated)));
    onSaved(updated);
  };
  const save = useAction(async () => {
    await store();
    setSaved(true);
  });
  const remove = useAction(async () => {
    if (!confirm(t('common:actions.confirmDelete', { name: notice.title }))) return;
    await api.call('led.notice.delete', { id: notice.id });
    onDeleted();
  });

  return (
    <div className="led-designer" data-testid="notice-designer" data-notice-id={notice.id}>
      <div className="led-designer-main">
        <section className="card form">
          <LedError error={save.error ?? remove.error} onClose={save.clearError} />
          {saved && <p className="notice notice-ok">{t('notice.saved')}</p>}
          {notice.bulletinId !== null && (
            <p className="muted">
              {t('notice.bulletin', { title: notice.title })}{' '}
              <button type="button" className="link" onClick={() => navigate('bulletins', notice.bulletinId!)}>
                {t('notice.openBulletin')}
              </button>
            </p>
          )}
          <label>
            {t('notice.title')}
            <input value={draft.title} onChange={(e) => set({ title: e.target.value })} data-testid="notice-title" />
          </label>
          <div className="form-row">
            <label>
              {t('notice.board')}
              <select value={draft.boardId ?? ''} onChange={(e) => chooseBoard(e.target.value ? Number(e.target.value) : null)} data-testid="notice-board">
                <option value="">—</option>
                <BoardOptions boards={boards} />
              </select>
            </label>
            <label>
              {t('notice.priority')}
              <select value={draft.priority} onChange={(e) => set({ priority: e.target.value as Priority })} data-testid="notice-priority">
                {PRIORITIES.map((p) => (
                  <option key={p} value={p}>
                    {t(`common:priority.${p}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {!parsed.success && (
            <div className="notice notice-warn" data-testid="notice-invalid">
              <span>{t('notice.invalid')}</span>
              <ul>
                {parsed.error.issues.slice(0, 5).map((issue, i) => (
                  <li key={i}>
                    {issue.path.join('.')}: {issue.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
        <LedPreview programme={lastValid} board={{ colourClass, brightness: board?.brightness ?? [{ from: '00:00', percent: 100 }] }} />
        <div className="led-outputs">
          {/* What is sent or exported is what the preview shows: unsaved changes are saved first. */}
          <OutputPanel notice={notice} boards={boards} beforeOutput={dirty ? store : undefined} />
        </div>
        {draft.programme.areas.map((area, index) => (
          <AreaEditor key={index} index={index} area={area} colours={CLASS_COLOURS[colourClass]} onChange={(a) => setArea(index, a)} onRemove={draft.programme.areas.length > 1 ? () => setAreas(draft.programme.areas.filter((_, i) => i !== index)) : undefined} />
        ))}
        <div className="inline-form">
          <button type="button" onClick={() => setAreas([...draft.programme.areas, { kind: 'text', x: 0, y: 0, width: draft.programme.width, height: Math.min(16, draft.programme.height), pages: [newPage(t('notices.newText'))] }])} disabled={draft.programme.areas.length >= 16}>
            {t('notice.addArea')}
          </button>
          <button type="button" onClick={() => setAreas([...draft.programme.areas, newTimeArea('clock', draft.programme, '')])} disabled={draft.programme.areas.length >= 16} data-testid="add-clock">
            {t('notice.addClock')}
          </button>
          <button type="button" onClick={() => setAreas([...draft.programme.areas, newTimeArea('countdown', draft.programme, t('notice.countdownDefault'))])} disabled={draft.programme.areas.length >= 16}>
            {t('notice.addCountdown')}
          </button>
          <button type="button" className="primary" disabled={save.busy || !draft.title.trim() || !parsed.success} onClick={() => void save.run()} data-testid="notice-save">
            {t('notice.save')}
          </button>
          <button type="button" className="danger" onClick={() => void remove.run()}>
            {t('notice.delete')}
          </button>
          <button type="button" className="link" onClick={() => openOutputWindow(notice.id, draft.programme, board)} data-testid="led-output-link">
            {t('preview.output')}
          </button>
        </div>
      </div>
    </div>
  );
}

/**
 * The synchronous output in its own window, 1:1 at the board's screen position (a mirror card's
 * region): frameless in the Electron shell, a popup in browser mode.
 */
function openOutputWindow(noticeId: number, programme: Programme, board: LedBoard | null) {
  const at = board?.controller.kind === 'mirror' ? board.controller : { screenX: 0, screenY: 0 };
  window.open(`#/led-output/${noticeId}`, `led-output-${noticeId}`, `popup,left=${at.screenX},top=${at.screenY},width=${programme.width},height=${programme.height}`);
}

function AreaEditor({ index, area, colours, onChange, onRemove }: { index: number; area: Area; colours: readonly Page['colour'][]; onChange: (a: Area) => void; onRemove?: () => void }) {
  const { t } = useTranslation('led');
  const rect = (key: 'x' | 'y' | 'width' | 'height', min: number) => (
    <label>
      {t(`notice.${key}`)}
      <input type="number" min={min} value={area[key]} onChange={(e) => onChange({ ...area, [key]: Number(e.target.value) })} data-testid={`area-${index}-${key}`} />
    </label>
  );
  return (
    <section className="card form led-area" data-testid={`area-${index}`}>
      <div className="led-area-head">
        <h3>
          {t('notice.area', { n: index + 1 })} · {t(`notice.areaKinds.${area.kind}`)}
        </h3>
        {onRemove && (
          <button type="button" className="link danger" onClick={onRemove}>
            {t('notice.removeArea')}
          </button>
        )}
      </div>
      <div className="form-row led-rect">
        {rect('x', 0)}
        {rect('y', 0)}
        {rect('width', 1)}
        {rect('height', 1)}
      </div>
      {area.kind === 'text' ? (
        <>
          {area.pages.map((page, p) => (
            <div key={p} className="subform">
              <div className="led-area-head">
                <strong>{t('notice.page', { n: p + 1 })}</strong>
                {area.pages.length > 1 && (
                  <button type="button" className="link danger" onClick={() => onChange({ ...area, pages: area.pages.filter((_, j) => j !== p) })}>
                    {t('notice.removePage')}
                  </button>
                )}
              </div>
              <PageEditor page={page} area={area} colours={colours} testId={`area-${index}-page-${p}`} onChange={(next) => onChange({ ...area, pages: area.pages.map((x, j) => (j === p ? next : x)) })} />
            </div>
          ))}
          <div>
            <button type="button" onClick={() => onChange({ ...area, pages: [...area.pages, newPage(area.pages.at(-1)?.text ?? '')] })} disabled={area.pages.length >= 100}>
              {t('notice.addPage')}
            </button>
          </div>
        </>
      ) : area.kind === 'clock' || area.kind === 'countdown' ? (
        <TimeAreaFields area={area} colours={colours} onChange={onChange} testId={`area-${index}`} />
      ) : (
        <p className="muted">{t('notice.otherArea', { kind: t(`notice.areaKinds.${area.kind}`) })}</p>
      )}
    </section>
  );
}
