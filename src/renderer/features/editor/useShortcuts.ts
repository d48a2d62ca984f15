import { useEffect, useRef } from 'react';

export interface ShortcutActions {
  togglePlay(): void;
  undo(): void;
  redo(): void;
  deleteSelection(): void;
  cut(): void;
  copy(): void;
  paste(): void;
}

/** The keys an Audacity or Audition user expects; ignored while typing in a field. */
export function useShortcuts(actions: ShortcutActions): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      const a = latest.current;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      let handled = true;
      if (event.key === ' ' && !mod) a.togglePlay();
      else if (mod && key === 'z' && event.shiftKey) a.redo();
      else if (mod && key === 'z') a.undo();
      else if (mod && key === 'y') a.redo();
      else if (mod && key === 'x') a.cut();
      else if (mod && key === 'c') a.copy();
      else if (mod && key === 'v') a.paste();
      else if ((event.key === 'Delete' || event.key === 'Backspace') && !mod) a.deleteSelection();
      else handled = false;
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
