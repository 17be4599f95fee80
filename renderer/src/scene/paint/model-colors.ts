/**
 * Colors of the model color modes: fault type (categorical), remaining useful life and the forecast
 * (viridis positions). Pure, so the legend and the 3D view cannot disagree and tests can check both.
 */
import { rulColorPosition } from '../../../../core/fleet/colors';
import type { AssetDefinition } from '../../../../core/asset/schema';
import { FAULT_CLASSES, SENSOR_FAULT_CLASS } from '../../../../core/ml/pump/spec';

/**
 * One muted color per fault class. ISA-101: kept clear of the alarm red, amber and magenta, and of the
 * viridis yellow end, so a fault-type color never reads as an alarm or a data extreme.
 */
export const FAULT_TYPE_COLORS: Readonly<Record<string, string>> = {
  bearing_wear: '#9c755f',
  impeller_wear: '#59a14f',
  cavitation: '#76b7b2',
  seal_leak: '#4e79a7',
  valve_stiction: '#7b6fa6',
  cooling_failure: '#8c8a4a',
  sensor_fault: '#8e6c8a',
};

/** The color of a fault class, or null for "healthy" and unknown classes (the part stays grey). */
export function faultTypeColor(faultId: string | null | undefined): string | null {
  return faultId ? (FAULT_TYPE_COLORS[faultId] ?? null) : null;
}

export interface FaultLegendEntry {
  faultId: string;
  name: string;
  color: string;
}

/** Legend rows for the fault types present on screen only, each once, in the model's class order. */
export function faultTypeLegend(
  present: readonly (string | null)[],
  nameOf: (faultId: string) => string,
): FaultLegendEntry[] {
  const shown = new Set(present.filter((f): f is string => faultTypeColor(f) !== null));
  return FAULT_CLASSES.filter((f) => shown.has(f)).map((faultId) => ({
    faultId,
    name: nameOf(faultId),
    color: FAULT_TYPE_COLORS[faultId]!,
  }));
}

/** Viridis position of a remaining useful life: 1 (bright end) at 0 h, 0 at the cap or beyond; NaN: grey. */
export const rulPosition = (hours: number, capHours: number): number =>
  rulColorPosition(Number.isFinite(hours) ? hours : null, capHours);

/** Hour marks of the RUL legend, cap first (left, dark end) to 0 h (right, bright end), with positions. */
export function rulLegendTicks(capHours: number, count = 4): { label: string; at: number }[] {
  if (!(capHours > 0) || count < 2) throw new Error(`RUL legend: cap ${capHours} h, ${count} ticks`);
  return Array.from({ length: count }, (_, k) => {
    const hours = capHours * (1 - k / (count - 1));
    return { label: `${Math.round(hours)} h`, at: k / (count - 1) };
  });
}

/** Plant-language name of a fault class: the asset's fault name; the model's one sensor class as such. */
export function faultClassName(asset: Pick<AssetDefinition, 'faults'> | null, faultId: string): string {
  if (faultId === SENSOR_FAULT_CLASS) return 'Sensor fault';
  return asset?.faults.find((f) => f.id === faultId)?.name ?? faultId;
}
