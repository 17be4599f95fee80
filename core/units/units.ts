/** Physical quantities a tag can measure; each unit below measures one of them. */
export const QUANTITIES = [
  'pressure',
  'temperature',
  'flow',
  'mass flow',
  'flow per pressure',
  'length',
  'velocity',
  'acceleration',
  'power',
  'current',
  'voltage',
  'frequency',
  'time',
  'count',
  'ratio',
  'state',
  'angle',
] as const;

export type Quantity = (typeof QUANTITIES)[number];

/** Engineering units the app knows, each with its factor and offset to the canonical SI unit. */
export interface UnitInfo {
  /** Symbol shown on screen. */
  symbol: string;
  /** Quantity measured, e.g. "pressure". */
  quantity: Quantity;
  /** Canonical SI unit symbol for this quantity. */
  si: string;
  /** si = value * factor + offset */
  factor: number;
  offset: number;
}

const table: UnitInfo[] = [
  { symbol: 'Pa', quantity: 'pressure', si: 'Pa', factor: 1, offset: 0 },
  { symbol: 'kPa', quantity: 'pressure', si: 'Pa', factor: 1e3, offset: 0 },
  { symbol: 'bar', quantity: 'pressure', si: 'Pa', factor: 1e5, offset: 0 },
  { symbol: 'bar(g)', quantity: 'pressure', si: 'Pa', factor: 1e5, offset: 0 },
  { symbol: 'psi', quantity: 'pressure', si: 'Pa', factor: 6894.757293168, offset: 0 },
  { symbol: 'K', quantity: 'temperature', si: 'K', factor: 1, offset: 0 },
  { symbol: '°C', quantity: 'temperature', si: 'K', factor: 1, offset: 273.15 },
  { symbol: '°F', quantity: 'temperature', si: 'K', factor: 5 / 9, offset: 273.15 - (32 * 5) / 9 },
  { symbol: 'm3/s', quantity: 'flow', si: 'm3/s', factor: 1, offset: 0 },
  { symbol: 'm3/h', quantity: 'flow', si: 'm3/s', factor: 1 / 3600, offset: 0 },
  { symbol: 'L/h', quantity: 'flow', si: 'm3/s', factor: 1 / 3.6e6, offset: 0 },
  { symbol: 'L/min', quantity: 'flow', si: 'm3/s', factor: 1 / 60000, offset: 0 },
  { symbol: 'gpm', quantity: 'flow', si: 'm3/s', factor: 6.30901964e-5, offset: 0 },
  { symbol: 'm', quantity: 'length', si: 'm', factor: 1, offset: 0 },
  { symbol: 'mm', quantity: 'length', si: 'm', factor: 1e-3, offset: 0 },
  { symbol: 'ft', quantity: 'length', si: 'm', factor: 0.3048, offset: 0 },
  { symbol: 'm/s', quantity: 'velocity', si: 'm/s', factor: 1, offset: 0 },
  { symbol: 'mm/s', quantity: 'velocity', si: 'm/s', factor: 1e-3, offset: 0 },
  { symbol: 'in/s', quantity: 'velocity', si: 'm/s', factor: 0.0254, offset: 0 },
  { symbol: 'g', quantity: 'acceleration', si: 'm/s2', factor: 9.80665, offset: 0 },
  { symbol: 'gE', quantity: 'acceleration', si: 'm/s2', factor: 9.80665, offset: 0 },
  { symbol: 'm/s2', quantity: 'acceleration', si: 'm/s2', factor: 1, offset: 0 },
  { symbol: 'W', quantity: 'power', si: 'W', factor: 1, offset: 0 },
  { symbol: 'kW', quantity: 'power', si: 'W', factor: 1e3, offset: 0 },
  { symbol: 'A', quantity: 'current', si: 'A', factor: 1, offset: 0 },
  { symbol: 'V', quantity: 'voltage', si: 'V', factor: 1, offset: 0 },
  { symbol: 'Hz', quantity: 'frequency', si: 'Hz', factor: 1, offset: 0 },
  { symbol: 'rpm', quantity: 'frequency', si: 'Hz', factor: 1 / 60, offset: 0 },
  { symbol: 's', quantity: 'time', si: 's', factor: 1, offset: 0 },
  { symbol: 'h', quantity: 'time', si: 's', factor: 3600, offset: 0 },
  { symbol: 'cycles', quantity: 'count', si: 'cycles', factor: 1, offset: 0 },
  { symbol: '%', quantity: 'ratio', si: '1', factor: 0.01, offset: 0 },
  { symbol: '1', quantity: 'ratio', si: '1', factor: 1, offset: 0 },
  { symbol: 'bool', quantity: 'state', si: 'bool', factor: 1, offset: 0 },
  // Imperial units of the NASA C-MAPSS turbofan data (Saxena et al. 2008).
  { symbol: 'psia', quantity: 'pressure', si: 'Pa', factor: 6894.757293168, offset: 0 },
  { symbol: '°R', quantity: 'temperature', si: 'K', factor: 5 / 9, offset: 0 },
  { symbol: 'kft', quantity: 'length', si: 'm', factor: 304.8, offset: 0 },
  { symbol: 'pps', quantity: 'mass flow', si: 'kg/s', factor: 0.45359237, offset: 0 },
  { symbol: 'kg/s', quantity: 'mass flow', si: 'kg/s', factor: 1, offset: 0 },
  // Fuel flow (lbm/s) per static pressure (psi).
  {
    symbol: 'pps/psi',
    quantity: 'flow per pressure',
    si: 'kg/(s·Pa)',
    factor: 0.45359237 / 6894.757293168,
    offset: 0,
  },
  { symbol: '°', quantity: 'angle', si: 'rad', factor: Math.PI / 180, offset: 0 },
  { symbol: 'rad', quantity: 'angle', si: 'rad', factor: 1, offset: 0 },
];

const bySymbol = new Map(table.map((u) => [u.symbol, u]));

/** The symbols of the units that measure `quantity`, in the table's order. */
export function unitsOf(quantity: Quantity): string[] {
  return table.filter((u) => u.quantity === quantity).map((u) => u.symbol);
}

export function isKnownUnit(symbol: string): boolean {
  return bySymbol.has(symbol);
}

export function unitInfo(symbol: string): UnitInfo {
  const info = bySymbol.get(symbol);
  if (!info) throw new Error(`unknown unit "${symbol}"; known units: ${[...bySymbol.keys()].join(', ')}`);
  return info;
}

export function toSI(value: number, unit: string): number {
  const u = unitInfo(unit);
  return value * u.factor + u.offset;
}

export function fromSI(value: number, unit: string): number {
  const u = unitInfo(unit);
  return (value - u.offset) / u.factor;
}

/** Converts between two units of the same quantity; throws naming both units when they differ in kind. */
export function convert(value: number, from: string, to: string): number {
  if (from === to) return value;
  const a = unitInfo(from);
  const b = unitInfo(to);
  if (a.quantity !== b.quantity)
    throw new Error(`cannot convert ${a.quantity} "${from}" to ${b.quantity} "${to}"`);
  return fromSI(toSI(value, from), to);
}
