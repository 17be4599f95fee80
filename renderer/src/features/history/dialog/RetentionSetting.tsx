import { useState } from 'react';
import { getTwinClient } from '../../../api/client';
import { useCanCall } from '../../../state/session-role';

/** The History dialog's raw-retention field and its Apply button (setRetention, an operator method). */
export function RetentionSetting({
  retentionDays,
  onSaved,
}: {
  retentionDays: number;
  onSaved: () => unknown;
}) {
  const [days, setDays] = useState(String(retentionDays));
  // A new stored value (after saving, or from another window) replaces the field; the message stays.
  const [storedDays, setStoredDays] = useState(retentionDays);
  if (storedDays !== retentionDays) {
    setStoredDays(retentionDays);
    setDays(String(retentionDays));
  }
  const [retention, setRetention] = useState<{ busy: boolean; message: string | null }>({
    busy: false,
    message: null,
  });
  const { allowed, refusal } = useCanCall('setRetention', 'changing the retention');
  const rawDays = Number(days);
  const daysValid = Number.isInteger(rawDays) && rawDays >= 1 && rawDays <= 36_500;
  const applyRetention = async () => {
    setRetention({ busy: true, message: null });
    try {
      const r = await getTwinClient().setRetention({ rawDays });
      setRetention({
        busy: false,
        message: `Saved. ${r.deletedRows.toLocaleString('en-US')} raw rows older than ${r.retentionDays} days folded into rollups.`,
      });
      await onSaved();
    } catch (e) {
      setRetention({ busy: false, message: `Not saved: ${(e as Error).message}` });
    }
  };
  return (
    <>
      <dd className="history-retention">
        <span>Keep raw samples for</span>
        <input
          type="number"
          min={1}
          max={36_500}
          step={1}
          aria-label="Raw retention in days"
          data-testid="history-retention-days"
          value={days}
          disabled={!allowed}
          title={refusal}
          onChange={(e) => setDays(e.target.value)}
        />
        <span>days</span>
        <button
          type="button"
          data-testid="btn-history-retention"
          disabled={!allowed || !daysValid || retention.busy || rawDays === retentionDays}
          title={refusal}
          onClick={() => void applyRetention()}
        >
          Apply
        </button>
        <span className="muted">older data stays as 1-minute min/max/first/last rollups</span>
      </dd>
      {retention.message && (
        <dd className="history-retention-message" data-testid="history-retention-message">
          {retention.message}
        </dd>
      )}
    </>
  );
}
