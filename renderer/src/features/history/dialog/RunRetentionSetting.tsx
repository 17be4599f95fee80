import { useState } from 'react';
import { useTranslation } from 'react-i18next';

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
  const { t } = useTranslation('history');
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
      <span>{t('dialog.retention.keepRuns')}</span>
      <input
        type="number"
        min={1}
        max={3650}
        step={1}
        aria-label={t('dialog.retention.runsLabel')}
        data-testid="history-run-retention-days"
        value={text}
        disabled={disabled}
        onChange={(e) => setText(e.target.value)}
      />
      <span>{t('dialog.days')}</span>
      <button
        type="button"
        data-testid="btn-history-run-retention"
        disabled={disabled || !valid || value === days}
        onClick={() => void onSave(value)}
      >
        {t('dialog.apply')}
      </button>
      <span className="muted">{t('dialog.retention.runsNote')}</span>
    </div>
  );
}
