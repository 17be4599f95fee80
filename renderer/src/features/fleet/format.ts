import { i18n } from '../../i18n/i18n';

/** "87 ± 12 cycles", or "—" without a prediction. */
export function formatRul(rul: number | null, std: number | null): string {
  if (rul === null || !Number.isFinite(rul)) return '—';
  return std === null || !Number.isFinite(std)
    ? i18n.t('fleet:detail.rul', { rul: Math.round(rul) })
    : i18n.t('fleet:detail.rulStd', { rul: Math.round(rul), std: Math.round(std) });
}
