import { activeLanguage } from './i18n';

const valueFormats = new Map<string, Intl.NumberFormat>();

/**
 * A value with fixed decimals in the active locale's digits and decimal sign; "—" when missing. Tag values
 * keep plain digits (no thousands separator), like a plant's HMI.
 */
export function formatDecimals(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const d = Math.max(0, Math.min(6, Math.trunc(decimals)));
  const key = `${activeLanguage()}:${d}`;
  let format = valueFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(activeLanguage(), {
      minimumFractionDigits: d,
      maximumFractionDigits: d,
      useGrouping: false,
    });
    valueFormats.set(key, format);
  }
  const text = format.format(value);
  // Avoid "-0.0" flicker around zero.
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

/** Shortest human unit text: "bool" prints nothing, "%" without a space; SI symbols as they are. */
export function withUnit(text: string, unit: string): string {
  if (unit === 'bool') return text;
  return unit === '%' ? `${text}${unit}` : `${text} ${unit}`;
}
