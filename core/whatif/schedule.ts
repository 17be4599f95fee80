import type { AssetDefinition } from '../asset/schema';
import type { ControlChange, FaultInjection, WhatIfPlan } from '../scenario/whatif-request';

/** Checks a what-if plan against the asset; throws an Error naming the offending field. */
export function validatePlan(asset: AssetDefinition, plan: WhatIfPlan): void {
  plan.controls.forEach((c, i) => {
    const where = `controls[${i}]`;
    const def = asset.controls.find((x) => x.id === c.controlId);
    if (!def)
      throw new Error(
        `${where}.controlId: unknown control "${c.controlId}"; this asset has ${asset.controls.map((x) => x.id).join(', ')}`,
      );
    if (c.to < def.min || c.to > def.max)
      throw new Error(
        `${where}.to: ${c.to} ${def.unit} is outside the limits of ${def.name} (${def.min}…${def.max} ${def.unit})`,
      );
  });
  plan.faults.forEach((f, i) => {
    const where = `faults[${i}]`;
    const def = asset.faults.find((x) => x.id === f.faultId);
    if (!def)
      throw new Error(
        `${where}.faultId: unknown fault "${f.faultId}"; this asset has ${asset.faults.map((x) => x.id).join(', ')}`,
      );
    if (def.targetsTag && (f.targetTag === undefined || !asset.tags.some((t) => t.id === f.targetTag)))
      throw new Error(`${where}.targetTag: sensor fault "${f.faultId}" needs the id of a tag of this asset`);
  });
}

/** A control change resolved to what the simulator is asked at each instant. */
interface ResolvedChange {
  controlId: string;
  startS: number;
  endS: number;
  to: number;
  from: number | null;
}

/**
 * Control targets over time for a plan: steps at their time, ramps as straight lines from the value in force
 * when they start. The plant's own rate limits still apply on top, as they do live.
 */
export class ControlSchedule {
  private readonly changes: ResolvedChange[];
  private readonly faults: FaultInjection[];
  private nextFault = 0;

  constructor(changes: readonly ControlChange[], faults: readonly FaultInjection[]) {
    this.changes = [...changes]
      .sort((a, b) => a.atS - b.atS)
      .map((c) => ({
        controlId: c.controlId,
        startS: c.atS,
        endS: c.shape === 'ramp' ? c.atS + c.rampS : c.atS,
        to: c.to,
        from: null,
      }));
    this.faults = [...faults].sort((a, b) => a.onsetS - b.onsetS);
  }

  /** Targets to set at tS (seconds after the fork), given the targets in force; only the ones that change. */
  targetsAt(tS: number, current: Readonly<Record<string, number>>): Record<string, number> {
    const out: Record<string, number> = {};
    // Sorted by start, so the latest change of a control that has started wins.
    for (const c of this.changes) {
      if (c.startS > tS) break;
      c.from ??= out[c.controlId] ?? current[c.controlId] ?? c.to;
      out[c.controlId] =
        tS >= c.endS ? c.to : c.from + ((c.to - c.from) * (tS - c.startS)) / (c.endS - c.startS);
    }
    for (const [id, v] of Object.entries(out)) if (current[id] === v) delete out[id];
    return out;
  }

  /** Faults whose onset has come by tS, each returned once. */
  faultsDue(tS: number): FaultInjection[] {
    const due: FaultInjection[] = [];
    while (this.nextFault < this.faults.length && (this.faults[this.nextFault]?.onsetS ?? Infinity) <= tS) {
      const f = this.faults[this.nextFault++];
      if (f) due.push(f);
    }
    return due;
  }
}
