import type { ControlDefinition } from '../../../../../core/asset/schema';

interface ControlInputsProps {
  control: ControlDefinition;
  value: number;
  decimals: number;
  /** Id of the number input, for the row's label. */
  inputId: string;
  /** Accessible name of the slider. */
  sliderLabel: string;
  onChange(raw: number): void;
}

/** A control's slider between its limits and its number field, both in the control's unit. */
export function ControlInputs({
  control,
  value,
  decimals,
  inputId,
  sliderLabel,
  onChange,
}: ControlInputsProps) {
  return (
    <div className="control-inputs">
      <span className="control-limit num muted">{control.min}</span>
      <input
        type="range"
        min={control.min}
        max={control.max}
        step={control.step}
        value={value}
        aria-label={sliderLabel}
        data-testid={`control-slider-${control.id}`}
        onChange={(e) => onChange(e.target.valueAsNumber)}
      />
      <span className="control-limit num muted">{control.max}</span>
      <input
        id={inputId}
        type="number"
        className="num"
        min={control.min}
        max={control.max}
        step={control.step}
        value={Number(value.toFixed(decimals))}
        data-testid={`control-input-${control.id}`}
        onChange={(e) => onChange(e.target.valueAsNumber)}
      />
      <span className="control-unit">{control.unit}</span>
    </div>
  );
}
