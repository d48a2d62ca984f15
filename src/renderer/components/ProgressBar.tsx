/** A determinate bar, or an indeterminate one when progress is unknown (null). */
export function ProgressBar({ value, label }: { value: number | null; label?: string }) {
  return (
    <div
      className={`progress ${value === null ? 'progress-indeterminate' : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value === null ? undefined : Math.round(value * 100)}
    >
      <div className="progress-fill" style={{ width: value === null ? '30%' : `${Math.round(value * 100)}%` }} />
    </div>
  );
}
