import type { SimStatus } from '../sim/types';

/**
 * Why Run or Reset does not reach the plant: a trainer scenario's sandbox run holds the simulator (the plant
 * is parked until the scenario is left). Null when nothing holds it.
 */
export function scenarioHold(status: Pick<SimStatus, 'run'> | null | undefined): string | null {
  const run = status?.run;
  if (run?.kind !== 'scenario') return null;
  return `The training scenario "${run.title}" holds the simulator, and the plant waits until you leave it. Play the scenario from the Trainer tab, or leave it to run the plant.`;
}
