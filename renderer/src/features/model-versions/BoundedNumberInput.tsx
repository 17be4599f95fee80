/** A number field that passes on only values in (0, max] (others are left as typed, not taken). */
export function BoundedNumberInput(props: {
  testId: string;
  min: number;
  max: number;
  value: number;
  disabled: boolean;
  onValue: (n: number) => void;
}) {
  const { testId, min, max, value, disabled, onValue } = props;
  return (
    <input
      type="number"
      min={min}
      max={max}
      step="any"
      className="models-epochs"
      data-testid={testId}
      value={value}
      disabled={disabled}
      onChange={(e) => {
        const n = Number(e.target.value);
        if (n > 0 && n <= max) onValue(n);
      }}
    />
  );
}
