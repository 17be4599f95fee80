import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getTwinClient } from '../../../api/client';
import { formatNumber } from '../../../format';
import { useCanCall } from '../../../state/session-role';

/** The History dialog's raw-retention field and its Apply button (setRetention, an operator method). */
export function RetentionSetting({
  retentionDays,
  onSaved,
}: {
  retentionDays: number;
  onSaved: () => unknown;
}) {
  const { t } = useTranslation('history');
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
  const { allowed, refusal } = useCanCall('setRetention', t('dialog.retention.access'));
  const rawDays = Number(days);
  const daysValid = Number.isInteger(rawDays) && rawDays >= 1 && rawDays <= 36_500;
  const applyRetention = async () => {
    setRetention({ busy: true, message: null });
    try {
      const r = await getTwinClient().setRetention({ rawDays });
      setRetention({
        busy: false,
        message: t('dialog.retention.saved', { rows: formatNumber(r.deletedRows), days: r.retentionDays }),
      });
      await onSaved();
    } catch (e) {
      setRetention({
        busy: false,
        message: t('dialog.retention.notSaved', { message: (e as Error).message }),
      });
    }
  };
  return (
    <>
      <dd className="history-retention">
        <span>{t('dialog.retention.keepRaw')}</span>
        <input
          type="number"
          min={1}
          max={36_500}
          step={1}
          aria-label={t('dialog.retention.rawLabel')}
          data-testid="history-retention-days"
          value={days}
          disabled={!allowed}
          title={refusal}
          onChange={(e) => setDays(e.target.value)}
        />
        <span>{t('dialog.days')}</span>
        <button
          type="button"
          data-testid="btn-history-retention"
          disabled={!allowed || !daysValid || retention.busy || rawDays === retentionDays}
          title={refusal}
          onClick={() => void applyRetention()}
        >
          {t('dialog.apply')}
        </button>
        <span className="muted">{t('dialog.retention.rollups')}</span>
      </dd>
      {retention.message && (
        <dd className="history-retention-message" data-testid="history-retention-message">
          {retention.message}
        </dd>
      )}
    </>
  );
}
