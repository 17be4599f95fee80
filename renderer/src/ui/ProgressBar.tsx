/** A determinate progress bar with its text, e.g. "Reading file… 42 %". */
export function ProgressBar({
  percent,
  label,
  text,
  testId,
}: {
  percent: number;
  label: string;
  text: string;
  testId?: string;
}) {
  return (
    <div className="history-progress">
      <div
        className="history-progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
        data-testid={testId}
      >
        <div className="history-progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="history-progress-text num">{text}</span>
    </div>
  );
}
