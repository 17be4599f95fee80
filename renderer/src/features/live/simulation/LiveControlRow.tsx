import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ControlDefinition, TagDefinition } from '../../../../../core/asset/schema';
import type { ControlDrive } from '../../../state/connections-store';
import { useCanCall } from '../../../state/session-role';
import { formatValue } from '../../../format';
import { decimalsOf } from './ControlRow';
import { WriteSetpointDialog, type SetpointWrite } from './WriteSetpointDialog';
import { ControlInputs } from './ControlInputs';

interface Props {
  control: ControlDefinition;
  /** Measured value of the tag that follows this control, if any. */
  actual: { tag: TagDefinition; value: number } | null;
  drive: Exclude<ControlDrive, 'simulator'>;
  /** Connection a write goes through; null when the control has none. */
  connection: SetpointWrite['connection'] | null;
}

/**
 * A setpoint while the asset runs from its live sources: read-only unless the asset file marks it writable;
 * a writable one is edited freely and only written after the operator confirms (WriteSetpointDialog).
 */
export function LiveControlRow({ control, actual, drive, connection }: Props) {
  const { t } = useTranslation('live');
  const access = useCanCall('writeControl', t('liveSetpoints.access'));
  const [draft, setDraft] = useState<number | null>(null);
  const [pending, setPending] = useState<SetpointWrite | null>(null);
  const decimals = decimalsOf(control.step);
  const measured = actual && Number.isFinite(actual.value) ? actual.value : null;
  const value = draft ?? measured ?? control.default;
  const inputId = `live-control-${control.id}`;

  const readback = (
    <span className="control-readback num" title={t('liveSetpoints.measured')}>
      {actual ? (
        <>
          <span className="muted">{actual.tag.instrument}</span>{' '}
          {formatValue(actual.value, actual.tag.decimals)} <span className="muted">{control.unit}</span>
        </>
      ) : (
        <span className="muted">{t('liveSetpoints.noMeasured')}</span>
      )}
    </span>
  );

  if (drive === 'read-only')
    return (
      <div
        className="control-row is-read-only"
        data-testid="control-row"
        data-control-id={control.id}
        data-drive={drive}
      >
        <div className="control-head">
          <span className="control-name">{control.name}</span>
          {readback}
        </div>
        <p className="control-note" data-testid="control-read-only">
          {t('liveSetpoints.readOnly')}
        </p>
      </div>
    );

  const change = (raw: number) => {
    if (Number.isFinite(raw)) setDraft(Math.min(control.max, Math.max(control.min, raw)));
  };
  const canWrite = access.allowed && connection !== null && draft !== null;

  return (
    <div
      className="control-row is-writable"
      data-testid="control-row"
      data-control-id={control.id}
      data-drive={drive}
    >
      <div className="control-head">
        <label htmlFor={inputId}>{control.name}</label>
        {readback}
      </div>
      <ControlInputs
        control={control}
        value={value}
        decimals={decimals}
        inputId={inputId}
        sliderLabel={t('liveSetpoints.sliderLabel', { name: control.name, unit: control.unit })}
        onChange={change}
      />
      <div className="control-write">
        <span className="control-note">
          {t('liveSetpoints.writesTo', { connection: connection?.id ?? t('liveSetpoints.noConnection') })}
        </span>
        <span className="section-spacer" />
        {draft !== null && (
          <button type="button" onClick={() => setDraft(null)}>
            {t('liveSetpoints.undo')}
          </button>
        )}
        <button
          type="button"
          data-testid={`control-write-${control.id}`}
          disabled={!canWrite}
          title={access.refusal ?? t('liveSetpoints.writeTitle')}
          onClick={() =>
            connection &&
            draft !== null &&
            setPending({ control, tag: actual?.tag ?? null, from: measured, to: draft, decimals, connection })
          }
        >
          {t('liveSetpoints.write')}
        </button>
      </div>
      {pending && (
        <WriteSetpointDialog
          write={pending}
          onClose={() => {
            setPending(null);
            setDraft(null);
          }}
        />
      )}
    </div>
  );
}
