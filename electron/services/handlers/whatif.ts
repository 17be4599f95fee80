import type { whatifRequestSchemas, WhatIfFork } from '../../../core/api/domains/whatif';
import { createPumpSkidSimulator, type PumpSkidSnapshot } from '../../../core/sim';
import { compareWhatIf, type WhatIfOptions } from '../../../core/whatif/compare';
import { suggestSetpoints } from '../../../core/whatif/optimiser';
import type { BackendContext } from '../backend-context';
import { simulatorStateAt } from '../history/snapshots/snapshot-fork';
import { feedLiveSnapshots } from '../history/snapshots/snapshots-live';
import { runShownInstead } from '../history/runs/history-workspace';
import { storePath } from '../history/service';
import type { TwinHandlers } from '../twin-handlers';

export type WhatIfHandlers = Pick<TwinHandlers, keyof typeof whatifRequestSchemas>;

/** Forks kept for what-ifs; the oldest goes first. */
const MAX_FORKS = 8;

/** Handlers of the whatif methods of the TwinApi. Rollouts run on the physics simulator in this process. */
export function createWhatIfHandlers(ctx: BackendContext): WhatIfHandlers {
  const forks = new Map<string, PumpSkidSnapshot>();
  const baselineCache: NonNullable<WhatIfOptions['baselineCache']> = new Map();
  let forkNo = 0;
  const snapshots = feedLiveSnapshots(ctx);

  const requireLive = () => {
    const live = ctx.live();
    if (!live) throw new Error(`asset "${ctx.asset().id}" has no simulator to run what-ifs on`);
    return live;
  };

  const keep = (snapshot: PumpSkidSnapshot): string => {
    const forkId = `fork-${++forkNo}`;
    forks.set(forkId, snapshot);
    while (forks.size > MAX_FORKS) forks.delete(forks.keys().next().value as string);
    return forkId;
  };

  const fork = (): WhatIfFork => {
    const live = requireLive();
    const snapshot = live.snapshot();
    const s = live.status();
    return {
      forkId: keep(snapshot),
      simTime: snapshot.simTime,
      controls: s.controls,
      faults: s.faults,
      origin: 'live',
    };
  };

  /** The state at `at` rebuilt from the history store's simulator states (committed first). */
  const forkFromHistory = async (at: number): Promise<WhatIfFork> => {
    requireLive();
    const shownRun = runShownInstead(storePath(ctx.dataDir, ctx.asset().id));
    if (shownRun !== null)
      throw new Error(
        `at: the history shown is the run "${shownRun}", which keeps no simulator states; show the plant's history to fork from the past`,
      );
    const service = snapshots.deliverWaiting();
    const store = service?.store;
    if (!service || !store || store.isClosed)
      throw new Error(
        `at: history is not open, so there is no simulator state to fork from (${service?.problems[0]?.message ?? 'the store is not open'})`,
      );
    await service.snapshots?.flush();
    const range = await store.timeRange();
    if (range && at > range.to)
      throw new Error(
        `at: ${new Date(at).toISOString()} is after the newest stored sample (${new Date(range.to).toISOString()}); fork from live instead`,
      );
    const state = await simulatorStateAt(store, at);
    const sim = createPumpSkidSimulator({ seed: state.snapshot.seed });
    sim.restore(state.snapshot);
    return {
      forkId: keep(state.snapshot),
      simTime: state.simTime,
      controls: sim.controls(),
      faults: sim.activeFaults(),
      origin: 'history',
      history: { requestedAt: at, snapshotTime: state.snapshotTime, replayedS: state.replayedS },
    };
  };

  const resolve = (forkId: string | undefined): { forkId: string; from: PumpSkidSnapshot } => {
    const id = forkId ?? fork().forkId;
    const from = forks.get(id);
    if (!from)
      throw new Error(`forkId: no fork "${id}" (forks older than the last ${MAX_FORKS} are dropped)`);
    return { forkId: id, from };
  };

  return {
    whatifFork: (req) => (req.at === undefined ? fork() : forkFromHistory(req.at)),
    whatifRun: (req) => {
      const { forkId, from } = resolve(req.forkId);
      const result = compareWhatIf({
        asset: ctx.asset(),
        from,
        horizonS: req.horizonS,
        plan: req.plan,
        ensemble: req.ensemble,
        maxPoints: req.maxPoints,
        baselineKeepsFaults: req.baselineKeepsFaults,
        rulLookaheadS: req.rulLookaheadS,
        baselineCache,
      });
      return { ...result, forkId };
    },
    whatifSuggest: (req) => {
      const { forkId, from } = resolve(req.forkId);
      const opts = {
        asset: ctx.asset(),
        from,
        horizonS: req.horizonS,
        targets: req.targets,
        energyWeight: req.energyWeight,
        faults: req.faults,
        iterations: req.iterations,
        population: req.population,
        seed: req.seed,
      };
      const result = suggestSetpoints(req.controlIds ? { ...opts, controlIds: req.controlIds } : opts);
      return { ...result, forkId };
    },
    whatifApply: (req) => {
      const live = requireLive();
      const before = live.status().controls;
      const previous: Record<string, number> = {};
      for (const id of Object.keys(req.controls)) {
        if (before[id] === undefined) throw new Error(`controls.${id}: unknown control "${id}"`);
        previous[id] = before[id];
      }
      for (const [id, value] of Object.entries(req.controls)) live.setControl(id, value);
      const status = live.status();
      ctx.emit({ type: 'sim', status });
      return { previous, status };
    },
  };
}
