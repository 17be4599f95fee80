import { useTranslation } from 'react-i18next';
import { useEffect, useRef, useState } from 'react';
import type { ControlDefinition, TagDefinition } from '../../../../../core/asset/schema';
import { setControl } from '../../../state/twin-actions';
import { formatValue } from '../../../format';
import { ControlInputs } from './ControlInputs';

const DEBOUNCE_MS = 100;
/** How long the operator's own value wins over the backend's echo after the last edit. */
const HOLD_MS = 1500;

interface ControlRowProps {
  control: ControlDefinition;
  /** Target as the simulator reports it. */
  target: number | undefined;
  /** Measured value of the tag that follows this control, if any. */
  actual: { tag: TagDefinition; value: number } | null;
}

/** Decimals a control's step needs: 0.5 → 1, 0.05 → 2. */
export const decimalsOf = (step: number) => Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));

/** Slider + numeric field for one setpoint, sent debounced; shows target against the measured value. */
export function ControlRow({ control, target, actual }: ControlRowProps) {
  const [draft, setDraft] = useState<number | null>(null);
  const send = useRef<ReturnType<typeof setTimeout> | null>(null);
  const release = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      if (send.current) clearTimeout(send.current);
      if (release.current) clearTimeout(release.current);
    },
    [],
  );

  const change = (raw: number) => {
    if (!Number.isFinite(raw)) return;
    const value = Math.min(control.max, Math.max(control.min, raw));
    setDraft(value);
    if (send.current) clearTimeout(send.current);
    if (release.current) clearTimeout(release.current);
    send.current = setTimeout(() => void setControl(control.id, value), DEBOUNCE_MS);
    release.current = setTimeout(() => setDraft(null), HOLD_MS);
  };

  const { t } = useTranslation('live');
  const value = draft ?? target ?? control.default;
  const decimals = decimalsOf(control.step);
  const inputId = `control-${control.id}`;

  return (
    <div className="control-row" data-testid="control-row" data-control-id={control.id}>
      <div className="control-head">
        <label htmlFor={inputId}>{control.name}</label>
        <span className="control-readback num" title={t('sim.readbackTitle')}>
          <span className="muted">{t('sim.target')}</span> {formatValue(target ?? Number.NaN, decimals)}
          {actual && (
            <>
              {' '}
              <span className="muted">· {actual.tag.instrument}</span>{' '}
              {formatValue(actual.value, actual.tag.decimals)}
            </>
          )}{' '}
          <span className="muted">{control.unit}</span>
        </span>
      </div>
      <ControlInputs
        control={control}
        value={value}
        decimals={decimals}
        inputId={inputId}
        sliderLabel={`${control.name} (${control.unit})`}
        onChange={change}
      />
    </div>
  );
}
