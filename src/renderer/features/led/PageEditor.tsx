import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EFFECTS, LED_FONT_SIZES, autoFit, type FitResult, type LedColour, type Page } from '../../../shared/led/index.ts';
import { fmt } from '../../components/useFormat.ts';

/** One page of a text area: its text, font size (or auto-fit), alignment, colour and effect. */
export function PageEditor({
  page,
  area,
  colours,
  onChange,
  testId,
}: {
  page: Page;
  area: { width: number; height: number };
  colours: readonly LedColour[];
  onChange: (page: Page) => void;
  testId: string;
}) {
  const { t } = useTranslation('led');
  const [fit, setFit] = useState<FitResult | null>(null);
  const set = (changes: Partial<Page>) => {
    setFit(null);
    onChange({ ...page, ...changes });
  };
  const fitText = () => {
    const result = autoFit(page.text, { width: area.width, height: area.height, speed: page.speed, stayMs: page.stayMs, tonePlacement: page.tonePlacement });
    setFit(result);
    if (result.mode === 'fit') onChange({ ...page, size: result.size, effect: page.effect === 'scroll-left' ? 'static' : page.effect });
    else if (result.mode === 'scroll') onChange({ ...page, size: result.size, effect: 'scroll-left' });
  };

  return (
    <div className="led-page form" data-testid={testId}>
      <label>
        {t('page.text')}
        <textarea rows={2} value={page.text} onChange={(e) => set({ text: e.target.value })} data-testid={`${testId}-text`} />
      </label>
      <div className="form-row">
        <label>
          {t('page.size')}
          <select value={page.size} onChange={(e) => set({ size: Number(e.target.value) as Page['size'] })} data-testid={`${testId}-size`}>
            {LED_FONT_SIZES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('page.align')}
          <select value={page.align} onChange={(e) => set({ align: e.target.value as Page['align'] })} data-testid={`${testId}-align`}>
            {(['left', 'centre', 'right'] as const).map((a) => (
              <option key={a} value={a}>
                {t(`page.aligns.${a}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('page.colour')}
          <select value={page.colour} onChange={(e) => set({ colour: e.target.value as LedColour })} data-testid={`${testId}-colour`}>
            {colours.map((c) => (
              <option key={c} value={c}>
                {t(`page.colours.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('page.effect')}
          <select value={page.effect} onChange={(e) => set({ effect: e.target.value as Page['effect'] })} data-testid={`${testId}-effect`}>
            {EFFECTS.map((effect) => (
              <option key={effect} value={effect}>
                {t(`page.effects.${effect}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('page.speed')}
          <input type="number" min={1} max={1000} value={page.speed} onChange={(e) => set({ speed: Number(e.target.value) || 1 })} />
        </label>
        <label>
          {t('page.stay')}
          <input type="number" min={0} max={600} step={0.5} value={page.stayMs / 1000} onChange={(e) => set({ stayMs: Math.round(Number(e.target.value) * 1000) })} />
        </label>
        <label>
          {t('page.repeats')}
          <input type="number" min={1} max={100} value={page.repeats} onChange={(e) => set({ repeats: Number(e.target.value) || 1 })} />
        </label>
      </div>
      <div className="inline-form">
        <button type="button" onClick={fitText} data-testid={`${testId}-fit`}>
          {t('page.autoFit')}
        </button>
        {fit && <FitMessage fit={fit} />}
      </div>
    </div>
  );
}

function FitMessage({ fit }: { fit: FitResult }) {
  const { t } = useTranslation('led');
  if (fit.mode === 'fit') return <span className="muted">{t('page.fitOk', { size: fit.size })}</span>;
  if (fit.mode === 'too-small') return <span className="error-text">{t('page.fitTooSmall', { size: fit.smallest })}</span>;
  const seconds = fmt.number(fit.loopMs / 1000, { digits: 1 });
  return (
    <span className={fit.warning ? 'error-text' : 'muted'}>
      {fit.warning ? t('page.fitTooLong', { seconds, stay: fit.warning.stayMs / 1000 }) : t('page.fitScroll', { size: fit.size, seconds })}
    </span>
  );
}
