import { createPumpSkidSimulator, type PumpSkidSnapshot } from '../../../../core/sim';
import { SNAPSHOT_EVERY_S } from '../../live-simulation';
import type { HistoryStore } from '../store/history-store';
import { nearestSnapshotTimes, snapshotAtOrBefore } from './snapshots';

/** A fork replays at most one recording interval from the stored state before it. */
export const MAX_REPLAY_MS = SNAPSHOT_EVERY_S * 1000;

export interface SimulatorStateAt {
  /** The simulator state at `simTime`. */
  snapshot: PumpSkidSnapshot;
  /** Time of the sample the state stands at: the last one at or before the time asked for. */
  simTime: number;
  /** Time of the stored state it was replayed from. */
  snapshotTime: number;
  /** Simulated seconds replayed from the stored state. */
  replayedS: number;
}

const clock = (t: number) => `${new Date(t).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

function spanText(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

/** "no simulator state stored at …; the nearest is …" with what the store does hold. */
export function noStateMessage(at: number, nearest: { before: number | null; after: number | null }): string {
  const head = `no simulator state stored at ${clock(at)}`;
  const { before, after } = nearest;
  if (before === null && after === null)
    return `${head}; this history holds none (imported data, or recorded before simulator states were kept)`;
  const pick =
    before === null ? (after as number) : after === null || at - before <= after - at ? before : after;
  const side = pick <= at ? 'earlier' : 'later';
  return (
    `${head}; the nearest is ${clock(pick)} (${spanText(pick - at)} ${side}` +
    `${pick <= at ? `; a fork replays at most ${spanText(MAX_REPLAY_MS)} from a stored state` : ''})`
  );
}

/**
 * The live simulator's state at `at`, rebuilt from the history: the newest stored state at or before it,
 * advanced sample by sample (`step` + `sample`, as LiveSimulation does) to the last sample time ≤ `at`.
 * Exact: the recorder stores a state after every setpoint change and fault, so nothing was applied in between.
 */
export async function simulatorStateAt(store: HistoryStore, at: number): Promise<SimulatorStateAt> {
  const stored = await snapshotAtOrBefore(store, at);
  if (!stored || at - stored.ts > MAX_REPLAY_MS)
    throw new Error(noStateMessage(at, await nearestSnapshotTimes(store, at)));
  const sim = createPumpSkidSimulator({ seed: stored.snapshot.seed });
  sim.restore(stored.snapshot);
  const stepMs = stored.stepS * 1000;
  const n = Math.floor((at - stored.ts) / stepMs + 1e-9);
  const buffer = new Float32Array(sim.tagIds.length);
  for (let k = 0; k < n; k++) {
    sim.step(stored.stepS);
    sim.sample(buffer);
  }
  return {
    snapshot: sim.snapshot(),
    simTime: sim.simTime,
    snapshotTime: stored.ts,
    replayedS: n * stored.stepS,
  };
}
