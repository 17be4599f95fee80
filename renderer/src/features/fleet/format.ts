/** "87 ± 12 cycles", or "—" without a prediction. */
export function formatRul(rul: number | null, std: number | null): string {
  if (rul === null || !Number.isFinite(rul)) return '—';
  return std === null || !Number.isFinite(std)
    ? `${Math.round(rul)} cycles`
    : `${Math.round(rul)} ± ${Math.round(std)} cycles`;
}
