/** Wording and number formats of the Models dialog. */
import { i18n } from '../../i18n/i18n';
import { formatDecimals } from '../../i18n/number-format';
import type { RetrainProgress } from './models-store';

/** A figure with fixed decimals in the active locale; "—" when missing. */
export const fixed = (x: number | null | undefined, digits: number): string => formatDecimals(x, digits);

/** "1 min 20 s", "45 s", "2 h 05 min" (1 分 20 秒 …) in the active language. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  if (s < 60) return i18n.t('models:duration.seconds', { s });
  if (s < 3600) return i18n.t('models:duration.minutes', { m: Math.floor(s / 60), s: two(s % 60) });
  return i18n.t('models:duration.hours', { h: Math.floor(s / 3600), m: two(Math.floor((s % 3600) / 60)) });
}

/** One line under the progress bar. */
export function progressLine(p: RetrainProgress): string {
  if (p.phase !== 'training') return i18n.t(`models:retrain.phase.${p.phase}`);
  return i18n.t('models:retrain.progress', {
    epoch: p.epoch,
    epochs: p.epochs,
    batch: p.batch,
    batches: p.batches,
    loss: fixed(p.loss, 3),
    left:
      p.etaS === null
        ? i18n.t('models:retrain.estimating')
        : i18n.t('models:retrain.timeLeft', { duration: duration(p.etaS) }),
  });
}

/** Simulated span as "11-28 18:24–20:00 UTC". */
export function span(from: number, to: number): string {
  const a = new Date(from).toISOString();
  const b = new Date(to).toISOString();
  const day = (iso: string) => iso.slice(5, 10);
  const hm = (iso: string) => iso.slice(11, 16);
  return day(a) === day(b)
    ? `${day(a)} ${hm(a)}–${hm(b)} UTC`
    : `${day(a)} ${hm(a)} – ${day(b)} ${hm(b)} UTC`;
}
