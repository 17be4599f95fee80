/** Formatting of values, times and speeds for panels and the status bar (no DOM; numbers in the active locale). */
import { activeLanguage, i18n } from './i18n/i18n';
import { formatDecimals, withUnit } from './i18n/number-format';

export { withUnit };

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** A value with the tag's decimals in the active locale; "—" when missing. */
export const formatValue = formatDecimals;

/** A count or key figure with the locale's thousands separator, e.g. 12,345 (en, zh-CN). */
export function formatNumber(value: number, maximumFractionDigits = 0): string {
  if (!Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(activeLanguage(), { maximumFractionDigits }).format(value);
}

/** Simulated clock time, HH:MM:SS in UTC; "--:--:--" when unknown. */
export function formatClock(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '--:--:--';
  const d = new Date(ms);
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

/** Simulated date and time, YYYY-MM-DD HH:MM:SS in UTC. */
export function formatDateTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '----------  --:--:--';
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${formatClock(ms)}`;
}

/**
 * Reads a date and 24-hour time typed as formatDateTime writes it ("2026-01-01 17:05:09"; seconds optional,
 * "T" for the space, a trailing "Z", "UTC" or "+01:00" zone), as UTC ms; null when it is not one.
 * A 12-hour time ("5:05 PM") is refused rather than guessed.
 */
export function parseDateTime(text: string): number | null {
  const m =
    /^(\d{4}-\d{2}-\d{2})[T ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(\.\d{1,3})?)?\s*(Z|UTC|[+-]\d\d:\d\d)?$/i.exec(
      text.trim(),
    );
  if (!m) return null;
  const [, date, h, min, sec = '00', frac = '', zone = 'Z'] = m;
  const offset = /^[+-]/.test(zone) ? zone : 'Z';
  // Date.parse rolls "02-30" over to March: check the day exists first.
  const day = Date.parse(`${date}T00:00:00Z`);
  if (!Number.isFinite(day) || new Date(day).toISOString().slice(0, 10) !== date) return null;
  return Date.parse(`${date}T${h}:${min}:${sec}${frac}${offset}`);
}

/** Speed factor, e.g. 1000 → "1000×", 0.5 → "0.5×". */
export function formatFactor(speed: number): string {
  if (!Number.isFinite(speed)) return '—';
  const rounded = speed >= 10 ? Math.round(speed) : Math.round(speed * 10) / 10;
  return `${rounded}×`;
}

/** Requested and achieved speed, e.g. "1000× (998×)"; paused shows "paused". */
export function formatSpeed(requested: number, achieved: number, running = true): string {
  if (!running) return i18n.t('common:paused', { speed: formatFactor(requested) });
  return `${formatFactor(requested)} (${formatFactor(achieved)})`;
}

/** Remaining time as M:SS or H:MM:SS; never negative. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad2(m)}:${pad2(s)}` : `${m}:${pad2(s)}`;
}

/** Speeds offered in the simulation panel. */
export const SPEEDS = [1, 10, 100, 1000] as const;

/** Nearest offered speed to the simulator's (log scale), so the select always shows a valid option. */
export function nearestSpeed(speed: number): number {
  if (!(speed > 0)) return SPEEDS[0];
  let best: number = SPEEDS[0];
  for (const s of SPEEDS) if (Math.abs(Math.log(s / speed)) < Math.abs(Math.log(best / speed))) best = s;
  return best;
}
