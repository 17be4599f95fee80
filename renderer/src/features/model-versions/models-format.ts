/** Wording and number formats of the Models dialog. */
import type { RetrainProgress } from './models-store';

export const fixed = (x: number | null | undefined, digits: number): string =>
  x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(digits);

/** "1 min 20 s", "45 s", "2 h 05 min". */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** One line under the progress bar. */
export function progressLine(p: RetrainProgress): string {
  if (p.phase !== 'training') return `${p.phase[0]!.toUpperCase()}${p.phase.slice(1)}…`;
  const parts = [
    `Epoch ${p.epoch}/${p.epochs}`,
    `batch ${p.batch}/${p.batches}`,
    `loss ${fixed(p.loss, 3)}`,
    p.etaS === null ? 'estimating time left' : `${duration(p.etaS)} left`,
  ];
  return parts.join(' · ');
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
