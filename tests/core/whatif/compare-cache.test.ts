import { describe, expect, it } from 'vitest';
import { compareWhatIf } from '../../../core/whatif/compare';
import { LiveSimulation } from '../../../electron/services/live-simulation';
import { pumpSkid } from './helpers';

const asset = pumpSkid();

describe('"do nothing" cache', () => {
  it('does not hand one fork the baseline of another fork at the same second with other setpoints', () => {
    const live = new LiveSimulation({
      asset,
      seed: 3,
      onTelemetry: () => {},
      onAlarms: () => {},
      now: () => 0,
    });
    live.advance(120_000);
    const before = live.snapshot();
    live.setControl('speed_setpoint', 38);
    const after = live.snapshot();
    expect(after.simTime).toBe(before.simTime);

    const cache = new Map();
    const plan = { controls: [], faults: [] };
    const opts = { asset, horizonS: 120, plan, ensemble: 1, rulLookaheadS: 0, baselineCache: cache };
    const a = compareWhatIf({ ...opts, from: before });
    const b = compareWhatIf({ ...opts, from: after });
    const k = a.tagIds.indexOf('flow');
    const flowA = a.baseline.values[k] ?? [];
    const flowB = b.baseline.values[k] ?? [];
    // Slower pump, less flow a minute later: the second answer must be its own rollout.
    expect(flowB.at(-1)).toBeLessThan((flowA.at(-1) as number) - 1);
  });
});
