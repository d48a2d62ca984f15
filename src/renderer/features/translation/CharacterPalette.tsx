import { useTranslation } from 'react-i18next';

/**
 * Letters a Vietnamese keyboard cannot type: Bahnar, Jrai, Ê Đê, M'Nông… breves (ĕ ĭ ŏ ŭ, and
 * ơ̆ ê̆ ô̆ ư̆ with the combining breve U+0306, which have no precomposed form), ƀ, and Tai Viet.
 */
const LETTERS = [
  'ă', 'ĕ', 'ĭ', 'ŏ', 'ŭ', 'ơ̆', 'ê̆', 'ô̆', 'ư̆', 'ƀ', 'Ă', 'Ĕ', 'Ĭ', 'Ŏ', 'Ŭ', 'Ơ̆', 'Ê̆', 'Ô̆', 'Ư̆', 'Ƀ', 'č', 'ñ',
  'ꪀ', 'ꪁ', 'ꪂ', 'ꪃ', 'ꪄ', 'ꪅ', 'ꪆ', 'ꪇ', 'ꪈ', 'ꪉ', 'ꪊ', 'ꪋ', 'ꪌ', 'ꪍ', 'ꪎ', 'ꪏ', 'ꪐ', 'ꪑ', 'ꪒ', 'ꪓ', 'ꪔ', 'ꪕ',
];

/** Inserts a letter at the caret of the target box that last had the focus. */
export function CharacterPalette({ onInsert }: { onInsert: (letter: string) => void }) {
  const { t } = useTranslation('translation');
  return (
    <div className="tr-palette" role="toolbar" aria-label={t('bench.palette')} data-testid="palette">
      {LETTERS.map((letter) => (
        // Pointer down must not take the focus from the text box the letter goes into.
        <button key={letter} type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => onInsert(letter)} title={letter}>
          {letter}
        </button>
      ))}
    </div>
  );
}
