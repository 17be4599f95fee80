import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssetDefinition } from '../../../../../core/asset/schema';
import { useSession } from '../../../state/use-store';
import { ModalDialog } from '../../../ui/ModalDialog';
import { applyToLive } from '../whatif-actions';
import { useWhatIf } from '../use-whatif';
import { whatIfStore } from '../whatif-store';

/** Before a what-if's setpoints go to the live plant: each setpoint's old → new value, then Apply or Cancel. */
export function ApplyConfirmDialog({ asset }: { asset: AssetDefinition }) {
  const { t } = useTranslation('whatif');
  const pending = useWhatIf((s) => s.pendingApply);
  const live = useSession((s) => s.sim?.controls);
  const cancelButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (pending) cancelButton.current?.focus();
  }, [pending]);
  if (!pending) return null;
  const close = () => whatIfStore.setState({ pendingApply: null });
  const confirm = () => {
    close();
    void applyToLive(pending);
  };
  return (
    <ModalDialog
      className="apply-confirm-dialog"
      role="alertdialog"
      labelledBy="apply-confirm-title"
      testId="apply-confirm-dialog"
      onClose={close}
    >
      <h2 id="apply-confirm-title">{t('applyDialog.title')}</h2>
      <table className="kpi-table">
        <thead>
          <tr>
            <th>{t('applyDialog.setpoint')}</th>
            <th>{t('applyDialog.now')}</th>
            <th>{t('applyDialog.new')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(pending).map(([id, to]) => {
            const control = asset.controls.find((c) => c.id === id);
            const from = live?.[id];
            return (
              <tr key={id} data-testid="apply-confirm-row" data-control-id={id}>
                <td>{control?.name ?? id}</td>
                <td className="num">
                  {from === undefined ? '—' : from} {control?.unit}
                </td>
                <td className="num">
                  <strong>{to}</strong> {control?.unit}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="form-note">{t('applyDialog.note')}</p>
      <div className="dialog-actions">
        <button type="button" ref={cancelButton} onClick={close}>
          {t('applyDialog.cancel')}
        </button>
        <button type="button" className="primary" data-testid="apply-confirm" onClick={confirm}>
          {t('applyDialog.apply')}
        </button>
      </div>
    </ModalDialog>
  );
}
