import { useState } from 'react';

/** How long sandbox runs are kept: older ones are deleted (never the plant's history). */
export function RunRetentionSetting({
  days,
  disabled,
  onSave,
}: {
  days: number;
  disabled: boolean;
  onSave: (days: number) => Promise<void>;
}) {
  const [text, setText] = useState(String(days));
  const [stored, setStored] = useState(days);
  if (stored !== days) {
    setStored(days);
    setText(String(days));
  }
  const value = Number(text);
  const valid = Number.isInteger(value) && value >= 1 && value <= 3650;
  return (
    <div className="history-inline history-run-retention">
      <span>Keep runs for</span>
      <input
        type="number"
        min={1}
        max={3650}
        step={1}
        aria-label="Run retention in days"
        data-testid="history-run-retention-days"
        value={text}
        disabled={disabled}
        onChange={(e) => setText(e.target.value)}
      />
      <span>days</span>
      <button
        type="button"
        data-testid="btn-history-run-retention"
        disabled={disabled || !valid || value === days}
        onClick={() => void onSave(value)}
      >
        Apply
      </button>
      <span className="muted">
        older runs are deleted; the plant&apos;s history is kept by its own setting
      </span>
    </div>
  );
}
