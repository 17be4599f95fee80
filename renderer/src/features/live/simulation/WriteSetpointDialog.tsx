import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ControlDefinition, TagDefinition } from '../../../../../core/asset/schema';
import { writeControl } from '../../../state/connection-actions';
import { pushNotice } from '../../../state/session-store';
import { ModalDialog } from '../../../ui/ModalDialog';
import { formatValue, withUnit } from '../../../format';
import type { WriteConnection } from './connection-address';

const NOT_CONNECTED = ['connecting', 'reconnecting', 'failed', 'disconnected'] as const;
type NotConnected = (typeof NOT_CONNECTED)[number];
const notConnected = (state: string | null | undefined): NotConnected | 'unknown' =>
  NOT_CONNECTED.find((s) => s === state) ?? 'unknown';

export interface SetpointWrite {
  control: ControlDefinition;
  /** The measured tag that follows the control, if the asset has one. */
  tag: TagDefinition | null;
  /** The value the user saw before (the plant's, frozen when the dialog opened); null when unknown. */
  from: number | null;
  to: number;
  decimals: number;
  connection: WriteConnection;
}

/** Asks before a setpoint goes to the real equipment: what, from, to, through which connection; then writes it. */
export function WriteSetpointDialog({ write, onClose }: { write: SetpointWrite; onClose: () => void }) {
  const { t } = useTranslation('live');
  const { control, tag, from, to, decimals, connection } = write;
  const [busy, setBusy] = useState(false);
  const cancelButton = useRef<HTMLButtonElement>(null);
  // The safe choice has the focus: Enter alone never writes to the plant.
  useEffect(() => cancelButton.current?.focus(), []);
  const text = (v: number | null) => (v === null ? '—' : withUnit(formatValue(v, decimals), control.unit));
  const reachable = connection.state === 'connected';

  const confirm = () => {
    setBusy(true);
    void writeControl(control.id, to, from).then((answer) => {
      if (answer.ok)
        pushNotice(
          'info',
          t('liveSetpoints.dialog.written', {
            control: control.name,
            value: text(to),
            connection: connection.id,
          }),
        );
      else
        pushNotice(
          'error',
          t('liveSetpoints.dialog.notWritten', { control: control.name, error: answer.error }),
        );
      onClose();
    });
  };

  return (
    <ModalDialog
      className="write-setpoint-dialog"
      role="alertdialog"
      labelledBy="write-setpoint-title"
      testId="write-setpoint-dialog"
      onClose={() => !busy && onClose()}
    >
      <h2 id="write-setpoint-title">{t('liveSetpoints.dialog.title')}</h2>
      <dl className="write-setpoint-facts">
        <dt>{t('liveSetpoints.dialog.control')}</dt>
        <dd>{control.name}</dd>
        {tag && (
          <>
            <dt>{t('liveSetpoints.dialog.followsTag')}</dt>
            <dd>
              <span className="tag-instrument">{tag.instrument}</span> {tag.name}
            </dd>
          </>
        )}
        <dt>{t('liveSetpoints.dialog.now')}</dt>
        <dd className={from === null ? undefined : 'num'} data-testid="write-from">
          {from === null ? <span className="muted">{t('liveSetpoints.dialog.unknown')}</span> : text(from)}
        </dd>
        <dt>{t('liveSetpoints.dialog.newSetpoint')}</dt>
        <dd className="num write-setpoint-to" data-testid="write-to">
          {text(to)}
        </dd>
        <dt>{t('liveSetpoints.dialog.connection')}</dt>
        <dd>
          {connection.id} <span className="muted">· {connection.address}</span>
        </dd>
      </dl>
      <p className="write-setpoint-warning" role="note">
        <span aria-hidden="true">▲</span> {t('liveSetpoints.dialog.warning', { value: text(to) })}
      </p>
      {!reachable && (
        <p className="write-setpoint-blocked" data-testid="write-blocked">
          {t('liveSetpoints.dialog.blocked', {
            connection: connection.id,
            state: t(`liveSetpoints.dialog.state.${notConnected(connection.state)}`),
          })}
        </p>
      )}
      <div className="dialog-actions write-setpoint-actions">
        <button ref={cancelButton} type="button" disabled={busy} onClick={onClose}>
          {t('liveSetpoints.dialog.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy || !reachable}
          data-testid="btn-write-confirm"
          onClick={confirm}
        >
          {busy ? t('liveSetpoints.dialog.writing') : t('liveSetpoints.dialog.write', { value: text(to) })}
        </button>
      </div>
    </ModalDialog>
  );
}
