import type { TagDefinition } from '../asset/schema';
import type { TagBinding } from '../asset/sources-schema';
import type { Phrase } from '../text/phrase';
import type { PhraseCode } from '../text/phrase-codes';
import { convert } from '../units/units';

/** Quality a source reports with a value (OPC UA StatusCode, Sparkplug is_null…). */
export type SourceQuality = 'good' | 'uncertain' | 'bad';

/** A value that is not a number says why: `problem` in English, `cause` as a phrase (a `tagValueBad` cause). */
export type SourceNumber = { ok: true; value: number } | { ok: false; problem: string; cause: Phrase };

const shown = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

const notNumber = (code: PhraseCode, problem: string, value?: string): SourceNumber => ({
  ok: false,
  problem,
  cause: { code, params: value === undefined ? {} : { value } },
});

/**
 * The number a source sent, or why it is not one. Booleans count as 1 and 0 (valve open/closed); a number
 * sent as a string is refused, as gateways that do so usually send units or locales along.
 */
export function readSourceNumber(raw: unknown): SourceNumber {
  if (typeof raw === 'number')
    return Number.isFinite(raw)
      ? { ok: true, value: raw }
      : notNumber('valueNotFinite', `is not finite (${raw})`, String(raw));
  if (typeof raw === 'boolean') return { ok: true, value: raw ? 1 : 0 };
  if (typeof raw === 'bigint') return { ok: true, value: Number(raw) };
  if (typeof raw === 'string')
    return raw.trim() !== '' && Number.isFinite(Number(raw))
      ? notNumber('valueNumberString', `is a string (${shown(raw)}), not a number`, shown(raw))
      : notNumber('valueNotNumber', `is not a number (${shown(raw)})`, shown(raw));
  if (raw === null || raw === undefined) return notNumber('valueMissing', 'has no value');
  return Array.isArray(raw)
    ? notNumber('valueArray', 'is an array, not a number')
    : notNumber('valueObject', 'is an object, not a number');
}

/** Source value → tag value: unit conversion, then scale and offset; and the deadband filter. */
export class TagTransform {
  private readonly fromUnit: string;
  private last = Number.NaN;

  constructor(
    private readonly binding: TagBinding,
    private readonly tag: TagDefinition,
  ) {
    this.fromUnit = binding.unit ?? tag.unit;
  }

  /** The value in the tag's unit. */
  toTagUnit(sourceValue: number): number {
    const inTagUnit = convert(sourceValue, this.fromUnit, this.tag.unit);
    return inTagUnit * this.binding.scale + this.binding.offset;
  }

  /** True when `value` differs from the last accepted one by more than the deadband (and remembers it). */
  accept(value: number): boolean {
    const { deadband } = this.binding;
    if (deadband > 0 && Number.isFinite(this.last) && Math.abs(value - this.last) <= deadband) return false;
    this.last = value;
    return true;
  }
}
