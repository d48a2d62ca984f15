import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedBoard } from '../../../shared/api/led.ts';
import { COLOUR_CLASSES, ModuleType, boardSize, type BoardProfile, type Controller } from '../../../shared/led/index.ts';
import { api } from '../../api/client.ts';
import { useAction, useRequest } from '../../api/hooks.ts';
import { LedError } from './LedError.tsx';

type ProfileDraft = BoardProfile;

export const NEW_BOARD: ProfileDraft = {
  name: '',
  moduleType: 'P10-32x16',
  modulesAcross: 12,
  modulesDown: 12,
  colourClass: 'single',
  controller: { kind: 'bx-tcp', model: 'BX-5K2', host: '192.168.1.100', port: 5005, address: 1 },
  brightness: [
    { from: '06:00', percent: 100 },
    { from: '19:00', percent: 60 },
    { from: '23:00', percent: 30 },
  ],
  areaId: null,
};

const CONTROLLER_DEFAULTS: Record<Controller['kind'], Controller> = {
  'bx-tcp': { kind: 'bx-tcp', model: 'BX-5K2', host: '192.168.1.100', port: 5005, address: 1 },
  'bx-serial': { kind: 'bx-serial', model: 'BX-5K2', path: 'COM3', baudRate: 57600, address: 1 },
  mirror: { kind: 'mirror', screenX: 0, screenY: 0 },
  'image-only': { kind: 'image-only' },
};
const MODELS = ['BX-5K1', 'BX-5K2', 'BX-5MK', 'BX-6K'] as const;

export function profileOf(board: LedBoard): ProfileDraft {
  const { id: _id, width: _w, height: _h, createdAt: _c, updatedAt: _u, ...profile } = board;
  return profile;
}

/** Hồ sơ bảng LED: modules → pixel size, colours, controller and its connection, brightness, area. */
export function BoardEditor({ board, onSaved }: { board: LedBoard | null; onSaved: (board: LedBoard) => void }) {
  const { t } = useTranslation('led');
  const areas = useRequest('area.list', {});
  const [draft, setDraft] = useState<ProfileDraft>(board ? profileOf(board) : NEW_BOARD);
  const [saved, setSaved] = useState(false);
  const save = useAction(async () => {
    const result = board ? await api.call('led.board.update', { id: board.id, profile: draft }) : await api.call('led.board.create', draft);
    setSaved(true);
    onSaved(result);
  });
  const set = (changes: Partial<ProfileDraft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...changes }));
  };
  const setController = (changes: Record<string, unknown>) => set({ controller: { ...draft.controller, ...changes } as Controller });
  const size = boardSize(draft);
  const c = draft.controller;
  const num = (v: string) => (v === '' ? 0 : Number(v));

  return (
    <form
      className="card form led-board-form"
      data-testid="board-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run();
      }}
    >
      <h2>{board ? t('board.editTitle') : t('board.newTitle')}</h2>
      <LedError error={save.error} onClose={save.clearError} />
      {saved && <p className="notice notice-ok">{t('board.saved')}</p>}
      <label>
        {t('board.name')}
        <input value={draft.name} onChange={(e) => set({ name: e.target.value })} data-testid="board-name" required />
      </label>
      <div className="form-row">
        <label>
          {t('board.moduleType')}
          <select value={draft.moduleType} onChange={(e) => set({ moduleType: e.target.value as ProfileDraft['moduleType'], moduleWidth: 32, moduleHeight: 16 })} data-testid="board-module">
            {ModuleType.options.map((m) => (
              <option key={m} value={m}>
                {t(`board.moduleTypes.${m.replace('.', '_')}`)}
              </option>
            ))}
          </select>
        </label>
        {draft.moduleType === 'custom' && (
          <>
            <label>
              {t('board.moduleWidth')}
              <input type="number" min={1} max={256} value={draft.moduleWidth ?? ''} onChange={(e) => set({ moduleWidth: num(e.target.value) })} />
            </label>
            <label>
              {t('board.moduleHeight')}
              <input type="number" min={1} max={256} value={draft.moduleHeight ?? ''} onChange={(e) => set({ moduleHeight: num(e.target.value) })} />
            </label>
          </>
        )}
        <label>
          {t('board.modulesAcross')}
          <input type="number" min={1} max={64} value={draft.modulesAcross} onChange={(e) => set({ modulesAcross: num(e.target.value) })} data-testid="board-across" />
        </label>
        <label>
          {t('board.modulesDown')}
          <input type="number" min={1} max={64} value={draft.modulesDown} onChange={(e) => set({ modulesDown: num(e.target.value) })} data-testid="board-down" />
        </label>
      </div>
      <p className="muted" data-testid="board-pixels">{t('board.pixelSize', size)}</p>
      <div className="form-row">
        <label>
          {t('board.colourClass')}
          <select value={draft.colourClass} onChange={(e) => set({ colourClass: e.target.value as ProfileDraft['colourClass'] })} data-testid="board-colour">
            {COLOUR_CLASSES.map((cc) => (
              <option key={cc} value={cc}>
                {t(`board.colourClasses.${cc}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('board.area')}
          <select value={draft.areaId ?? ''} onChange={(e) => set({ areaId: e.target.value ? Number(e.target.value) : null })}>
            <option value="">{t('board.noArea')}</option>
            {(areas.data ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="subform form">
        <label>
          {t('board.controller')}
          <select value={c.kind} onChange={(e) => set({ controller: CONTROLLER_DEFAULTS[e.target.value as Controller['kind']] })} data-testid="board-controller">
            {Object.keys(CONTROLLER_DEFAULTS).map((k) => (
              <option key={k} value={k}>
                {t(`board.controllers.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="form-row">
          {(c.kind === 'bx-tcp' || c.kind === 'bx-serial') && (
            <label>
              {t('board.model')}
              <select value={c.model} onChange={(e) => setController({ model: e.target.value })}>
                {MODELS.map((m) => (
                  <option key={m}>{m}</option>
                ))}
              </select>
            </label>
          )}
          {c.kind === 'bx-tcp' && (
            <>
              <label>
                {t('board.host')}
                <input value={c.host} onChange={(e) => setController({ host: e.target.value })} data-testid="board-host" />
              </label>
              <label>
                {t('board.port')}
                <input type="number" value={c.port} onChange={(e) => setController({ port: num(e.target.value) })} data-testid="board-port" />
              </label>
            </>
          )}
          {c.kind === 'bx-serial' && (
            <>
              <label>
                {t('board.path')}
                <input value={c.path} onChange={(e) => setController({ path: e.target.value })} />
              </label>
              <label>
                {t('board.baudRate')}
                <select value={c.baudRate} onChange={(e) => setController({ baudRate: Number(e.target.value) })}>
                  {[9600, 57600, 115200].map((b) => (
                    <option key={b}>{b}</option>
                  ))}
                </select>
              </label>
            </>
          )}
          {(c.kind === 'bx-tcp' || c.kind === 'bx-serial') && (
            <label>
              {t('board.address')}
              <input type="number" min={1} value={c.address} onChange={(e) => setController({ address: num(e.target.value) })} />
            </label>
          )}
          {c.kind === 'mirror' && (
            <>
              <label>
                {t('board.screenX')}
                <input type="number" value={c.screenX} onChange={(e) => setController({ screenX: num(e.target.value) })} />
              </label>
              <label>
                {t('board.screenY')}
                <input type="number" value={c.screenY} onChange={(e) => setController({ screenY: num(e.target.value) })} />
              </label>
            </>
          )}
        </div>
      </fieldset>
      <fieldset className="subform form">
        <legend>{t('board.brightness')}</legend>
        {draft.brightness.map((step, i) => (
          <div className="inline-form led-brightness-step" key={i}>
            <label>
              {t('board.brightnessFrom')}
              <input type="time" value={step.from} onChange={(e) => set({ brightness: draft.brightness.map((s, j) => (j === i ? { ...s, from: e.target.value } : s)) })} />
            </label>
            <label>
              {t('board.brightnessPercent')}
              <input type="number" min={0} max={100} value={step.percent} onChange={(e) => set({ brightness: draft.brightness.map((s, j) => (j === i ? { ...s, percent: num(e.target.value) } : s)) })} />
            </label>
            <button type="button" className="link danger" onClick={() => set({ brightness: draft.brightness.filter((_, j) => j !== i) })}>
              {t('board.removeStep')}
            </button>
          </div>
        ))}
        <div>
          <button type="button" onClick={() => set({ brightness: [...draft.brightness, { from: '12:00', percent: 100 }] })} disabled={draft.brightness.length >= 24}>
            {t('board.addStep')}
          </button>
        </div>
      </fieldset>
      <div>
        <button type="submit" className="primary" disabled={save.busy || !draft.name.trim()} data-testid="board-save">
          {t('common:actions.save')}
        </button>
      </div>
    </form>
  );
}
