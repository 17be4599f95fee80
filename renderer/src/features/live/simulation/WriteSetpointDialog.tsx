import { useEffect, useRef, useState } from 'react';
import type { ControlDefinition, TagDefinition } from '../../../../../core/asset/schema';
import { writeControl } from '../../../state/connection-actions';
import { pushNotice } from '../../../state/session-store';
import { ModalDialog } from '../../../ui/ModalDialog';
import { formatValue, withUnit } from '../../../format';
import type { WriteConnection } from './connection-address';

const NOT_CONNECTED: Record<string, string> = {
  connecting: 'is still connecting',
  reconnecting: 'is reconnecting',
  failed: 'has failed',
  disconnected: 'is disconnected',
};

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
      if (answer.ok) pushNotice('info', `${control.name} set to ${text(to)} through ${connection.id}`);
      else pushNotice('error', `${control.name} was not written: ${answer.error}`);
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
      <h2 id="write-setpoint-title">Write a setpoint to the plant</h2>
      <dl className="write-setpoint-facts">
        <dt>Control</dt>
        <dd>{control.name}</dd>
        {tag && (
          <>
            <dt>Follows tag</dt>
            <dd>
              <span className="tag-instrument">{tag.instrument}</span> {tag.name}
            </dd>
          </>
        )}
        <dt>Now</dt>
        <dd className={from === null ? undefined : 'num'} data-testid="write-from">
          {from === null ? <span className="muted">unknown: no measured value yet</span> : text(from)}
        </dd>
        <dt>New setpoint</dt>
        <dd className="num write-setpoint-to" data-testid="write-to">
          {text(to)}
        </dd>
        <dt>Connection</dt>
        <dd>
          {connection.id} <span className="muted">· {connection.address}</span>
        </dd>
      </dl>
      <p className="write-setpoint-warning" role="note">
        <span aria-hidden="true">▲</span> This changes the real equipment. Make sure the plant can take{' '}
        {text(to)} now.
      </p>
      {!reachable && (
        <p className="write-setpoint-blocked" data-testid="write-blocked">
          {connection.id} {NOT_CONNECTED[connection.state ?? ''] ?? 'is in an unknown state'}: a setpoint can
          only be written while it is connected.
        </p>
      )}
      <div className="dialog-actions write-setpoint-actions">
        <button ref={cancelButton} type="button" disabled={busy} onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy || !reachable}
          data-testid="btn-write-confirm"
          onClick={confirm}
        >
          {busy ? 'Writing…' : `Write ${text(to)}`}
        </button>
      </div>
    </ModalDialog>
  );
}
