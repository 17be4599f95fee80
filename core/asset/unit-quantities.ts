import { isKnownUnit, unitInfo, unitsOf, type Quantity } from '../units/units';
import type { AssetDefinition } from './schema';
import { SIMULATOR_SIGNAL_QUANTITIES } from './simulator-signals';

/** How many of a quantity's units the error message lists before "…". */
const UNITS_LISTED = 3;

/**
 * Tags whose unit measures another quantity than the tag does — that of the simulator signal feeding it, else
 * the one declared on the tag — and declared quantities that contradict the signal. Unknown units are left to
 * the unknown-unit check.
 */
export function unitQuantityProblems(asset: AssetDefinition): { path: string; message: string }[] {
  const signals = asset.simulator === undefined ? undefined : SIMULATOR_SIGNAL_QUANTITIES[asset.simulator];
  const problems: { path: string; message: string }[] = [];
  asset.tags.forEach((tag, i) => {
    if (!isKnownUnit(tag.unit)) return;
    const signal = signals?.[tag.id];
    const unitQuantity = unitInfo(tag.unit).quantity;
    if (tag.quantity !== undefined && signal !== undefined && tag.quantity !== signal)
      problems.push({
        path: `tags[${i}].quantity`,
        message: `"${tag.quantity}" differs from the ${signal} that ${asset.simulator}'s signal ${tag.id} measures`,
      });
    const wanted = signal ?? tag.quantity;
    if (wanted !== undefined && unitQuantity !== wanted)
      problems.push({
        path: `tags[${i}].unit`,
        message: `"${tag.unit}" is a ${unitQuantity} unit, but ${tag.id} measures ${wanted} (${unitList(wanted)})`,
      });
  });
  return problems;
}

function unitList(quantity: Quantity): string {
  const units = unitsOf(quantity);
  return units.length > UNITS_LISTED ? `${units.slice(0, UNITS_LISTED).join(', ')}, …` : units.join(', ');
}
