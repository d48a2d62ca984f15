/**
 * The one way a screen asks for a file or a folder (no typed paths): a button that opens the
 * system's dialog in Electron, or in browser mode an upload (files) or the host's folder chooser
 * (folders). A file can also be dropped on it. The chosen path is shown, never edited by hand.
 */
import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FILE_EXTENSIONS, type FilePurpose, type FolderPurpose } from '../../shared/api/files.ts';
import { type ApiError } from '../api/client.ts';
import { chooseNativeFile, chooseNativeFolder, fileToPath, hasNativeDialogs, type PickedFile } from '../api/files.ts';
import { toApiError } from '../api/hooks.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { FolderChooser } from './FolderChooser.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import './path-picker.css';

interface Common {
  /** The path chosen so far (shown as it is), or empty. */
  value?: string;
  /** The button's words; "Chọn tệp…" / "Chọn thư mục…" when omitted. */
  label?: ReactNode;
  disabled?: boolean;
  testId?: string;
}

function ChosenPath({ value, testId }: { value?: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    // A chosen path is the user's own (data-user-content), not words of the interface.
    <code className={`picker-value ${value ? '' : 'muted'}`} data-testid={testId && `${testId}-value`} title={value} {...(value ? { 'data-user-content': '' } : {})}>
      {value || t('picker.nothingChosen')}
    </code>
  );
}

/**
 * A file: chosen with the dialog, or dropped. `onPicked` gets its path (in browser mode a staged
 * copy on the host, already checked for size and, for audio, format); call `release()` once used.
 */
export function FilePicker({
  purpose,
  onPicked,
  onChoosing,
  value,
  label,
  disabled,
  testId,
  showValue = true,
}: Common & { purpose: FilePurpose; onPicked: (file: PickedFile) => void | Promise<void>; onChoosing?: () => void; showValue?: boolean }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [dragging, setDragging] = useState(false);
  const busy = progress !== null;

  const take = async (file: File) => {
    onChoosing?.();
    setError(null);
    setProgress(0);
    try {
      await onPicked(await fileToPath(file, purpose, setProgress));
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setProgress(null);
    }
  };
  const open = async () => {
    if (!hasNativeDialogs()) return input.current?.click();
    onChoosing?.();
    setError(null);
    try {
      const picked = await chooseNativeFile(purpose);
      if (picked) await onPicked(picked);
    } catch (caught) {
      setError(toApiError(caught));
    }
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled && !busy) void take(file);
  };

  return (
    <div
      className={`picker picker-drop ${dragging ? 'picker-dragging' : ''}`}
      onDragOver={(event) => (event.preventDefault(), setDragging(true))}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
      data-testid={testId && `${testId}-drop`}
    >
      <div className="picker-row">
        <button type="button" onClick={() => void open()} disabled={disabled || busy} data-testid={testId}>
          {label ?? t('picker.chooseFile')}
        </button>
        {showValue && <ChosenPath value={value} testId={testId} />}
        <span className="muted picker-hint">{t('picker.dropHint')}</span>
      </div>
      <input
        ref={input}
        type="file"
        hidden
        accept={FILE_EXTENSIONS[purpose].map((e) => `.${e}`).join(',') || undefined}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void take(file);
        }}
        data-testid={testId && `${testId}-input`}
      />
      {busy && <ProgressBar value={progress} label={t('picker.uploading')} />}
      <ErrorNotice error={error} onClose={() => setError(null)} />
    </div>
  );
}

/** A folder: the system's dialog in Electron, the host's chooser in browser mode (USB sticks first). */
export function FolderPicker({ purpose, onPicked, value, label, disabled, testId, showValue = true }: Common & { purpose: FolderPurpose; onPicked: (path: string) => void; showValue?: boolean }) {
  const { t } = useTranslation();
  const [browsing, setBrowsing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const open = async () => {
    setError(null);
    if (!hasNativeDialogs()) return setBrowsing(true);
    try {
      const chosen = await chooseNativeFolder(purpose);
      if (chosen) onPicked(chosen);
    } catch (caught) {
      setError(toApiError(caught));
    }
  };
  return (
    <div className="picker">
      <div className="picker-row">
        <button type="button" onClick={() => void open()} disabled={disabled} data-testid={testId}>
          {label ?? t('picker.chooseFolder')}
        </button>
        {showValue && <ChosenPath value={value} testId={testId} />}
      </div>
      {browsing && (
        <FolderChooser
          purpose={purpose}
          start={value || undefined}
          onChoose={(path) => {
            setBrowsing(false);
            onPicked(path);
          }}
          onCancel={() => setBrowsing(false)}
        />
      )}
      <ErrorNotice error={error} onClose={() => setError(null)} />
    </div>
  );
}
