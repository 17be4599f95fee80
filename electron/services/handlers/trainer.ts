import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { trainerRequestSchemas } from '../../../core/api/domains/trainer';
import type { Alarm, TwinEvent } from '../../../core/api/types';
import { describeScenarioProblems, parseScenarioJson } from '../../../core/scenario/parse';
import { logNamesOf } from '../../../core/scenario/log-names';
import { ScenarioPlayer } from '../../../core/scenario/player';
import type { Scenario } from '../../../core/scenario/schema';
import { idleTrainerState, type ScenarioSummary } from '../../../core/scenario/trainer-state';
import type { BackendContext } from '../backend-context';
import type { TwinHandlers } from '../twin-handlers';

export type TrainerHandlers = Pick<TwinHandlers, keyof typeof trainerRequestSchemas>;

/** Read through a call so TypeScript does not keep a narrowing across calls that change it. */
const statusOf = (p: ScenarioPlayer) => p.status;

const summarise = (s: Scenario, source: string): ScenarioSummary => ({
  id: s.id,
  title: s.title,
  summary: s.summary,
  faultType: s.faultType ?? null,
  durationS: s.durationS,
  speed: s.speed,
  source,
});

/** Handlers of the trainer methods: plays scenario files on the live simulator and scores the trainee. */
export function createTrainerHandlers(ctx: BackendContext): TrainerHandlers {
  const library = new Map<string, { scenario: Scenario; source: string }>();
  let builtInsLoaded = false;
  let player: ScenarioPlayer | null = null;
  let startedAt = 0;
  let knownAlarms = new Map<string, Alarm>();
  let controls: Record<string, number> = {};
  const scripted = new Map<string, number>();
  let lastEmit = 0;

  const loadBuiltIns = () => {
    if (builtInsLoaded) return;
    builtInsLoaded = true;
    const dir = path.join(ctx.appRoot, 'assets', 'scenarios');
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const parsed = parseScenarioJson(readFileSync(path.join(dir, name), 'utf8'), ctx.asset(), name);
      if (parsed.ok) library.set(parsed.scenario.id, { scenario: parsed.scenario, source: 'built-in' });
      // Built-in scenarios of another built-in asset are not this asset's: nothing to warn about.
      else if (parsed.problems.every((p) => p.path === 'assetId')) continue;
      else
        ctx.emit({
          type: 'notice',
          level: 'warning',
          message: `Scenario ${name} skipped:\n${describeScenarioProblems(parsed.problems)}`,
        });
    }
  };

  const requireLive = () => {
    const live = ctx.live();
    if (!live) throw new Error(`asset "${ctx.asset().id}" has no simulator to play scenarios on`);
    return live;
  };
  const requirePlayer = () => {
    if (!player) throw new Error('no scenario is loaded; load one first');
    return player;
  };
  const state = () => player?.state() ?? idleTrainerState();
  const emitState = () => {
    lastEmit = Date.now();
    ctx.emit({ type: 'trainer-state', state: state() });
  };
  const elapsedAt = (simTime: number) => (simTime - startedAt) / 1000;

  const start = (p: ScenarioPlayer) => {
    const live = requireLive();
    const s = p.scenario;
    live.reset(s.seed);
    for (const [id, v] of Object.entries(s.initialControls)) live.setControl(id, v);
    live.speed = s.speed;
    const status = live.status();
    startedAt = status.simTime;
    controls = status.controls;
    knownAlarms = new Map();
    scripted.clear();
    p.setStatus('playing', startedAt);
    live.running = true;
    carryOut(p, 0);
    ctx.emit({ type: 'sim', status: live.status() });
  };

  /** Moves the player to elapsedS and does what the timeline asks of the simulator. */
  const carryOut = (p: ScenarioPlayer, elapsedS: number) => {
    const live = requireLive();
    const due = p.advanceTo(elapsedS);
    for (const e of due) {
      if (e.kind === 'fault') {
        const spec = { faultId: e.faultId, severity: e.severity, growthPerHour: e.growthPerHour };
        live.injectFault(e.targetTag === undefined ? spec : { ...spec, targetTag: e.targetTag });
      } else if (e.kind === 'control') {
        live.setControl(e.controlId, e.value);
        scripted.set(e.controlId, live.status().controls[e.controlId] ?? e.value);
      }
    }
    if (p.status !== 'playing') live.running = false;
    return due.length > 0;
  };

  /** Setpoint changes since the last look that the script did not make are the trainee's. */
  const observeControls = (p: ScenarioPlayer, elapsedS: number) => {
    const now = requireLive().status().controls;
    for (const [id, v] of Object.entries(now)) {
      if (controls[id] === v) continue;
      if (scripted.get(id) === v) scripted.delete(id);
      else p.traineeSetControl(id, v, elapsedS);
    }
    controls = now;
  };

  const observeAlarms = (p: ScenarioPlayer, alarms: Alarm[], elapsedS: number) => {
    const next = new Map(alarms.map((a) => [a.id, a]));
    for (const a of alarms) {
      const before = knownAlarms.get(a.id);
      if (!before) p.alarmRaised(a.tagId, a.kind, a.message, Math.max(0, elapsedAt(a.raisedAt)));
      else if (before.state === 'unack' && a.state === 'ack')
        p.alarmAcknowledged(a.tagId, a.message, elapsedS);
    }
    // Acknowledging an alarm that already returned to normal removes it.
    for (const [id, before] of knownAlarms)
      if (!next.has(id) && before.state === 'rtn-unack')
        p.alarmAcknowledged(before.tagId, before.message, elapsedS);
    knownAlarms = next;
  };

  const onEvent = (event: TwinEvent) => {
    const p = player;
    if (!p || p.status === 'idle' || p.status === 'ready' || p.status === 'finished') return;
    const live = ctx.live();
    if (!live) return;
    const elapsedS = elapsedAt(live.status().simTime);
    let changed = false;
    if (event.type === 'alarms') {
      observeAlarms(p, event.snapshot.alarms, elapsedS);
      changed = true;
    } else if (event.type === 'telemetry') {
      const before = p.status;
      changed = carryOut(p, elapsedAt(event.batch.t.at(-1) ?? live.status().simTime));
      observeControls(p, elapsedS);
      changed ||= statusOf(p) !== before;
    } else return;
    if (changed || Date.now() - lastEmit > 500) emitState();
  };
  ctx.onDispose(ctx.subscribe(onEvent));

  return {
    trainerListScenarios: () => {
      loadBuiltIns();
      return [...library.values()].map((e) => summarise(e.scenario, e.source));
    },
    trainerOpenScenario: (req) => {
      loadBuiltIns();
      const parsed = parseScenarioJson(req.text, ctx.asset(), req.fileName);
      if (!parsed.ok) return { ok: false, fileName: req.fileName, problems: parsed.problems };
      library.set(parsed.scenario.id, { scenario: parsed.scenario, source: req.fileName });
      return { ok: true, scenario: summarise(parsed.scenario, req.fileName) };
    },
    trainerGetScenario: (req) => {
      loadBuiltIns();
      const entry = library.get(req.scenarioId);
      if (!entry) throw new Error(`scenarioId: no scenario "${req.scenarioId}"`);
      return entry.scenario;
    },
    trainerCommand: (req) => {
      loadBuiltIns();
      const live = requireLive();
      if (req.kind === 'load') {
        const entry = library.get(req.scenarioId);
        if (!entry) throw new Error(`scenarioId: no scenario "${req.scenarioId}"`);
        player = new ScenarioPlayer(
          entry.scenario,
          summarise(entry.scenario, entry.source),
          logNamesOf(ctx.asset()),
        );
      } else if (req.kind === 'stop') {
        player = null;
      } else {
        const p = requirePlayer();
        if (req.kind === 'restart') {
          const summary = p.state().scenario ?? summarise(p.scenario, 'built-in');
          player = new ScenarioPlayer(p.scenario, summary, logNamesOf(ctx.asset()));
          start(player);
        } else if (p.status === 'question') {
          throw new Error('answer the open question first');
        } else if (req.kind === 'play') {
          if (p.status === 'ready' || p.status === 'finished') start(p);
          else {
            p.setStatus('playing');
            live.running = true;
          }
        } else if (req.kind === 'pause') {
          if (p.status === 'playing') p.setStatus('paused');
          live.running = false;
        } else if (req.kind === 'step') {
          if (p.status === 'ready' || p.status === 'finished') start(p);
          const gapS = Math.max(1, p.nextEventS() - p.state().elapsedS);
          p.setStatus('playing');
          live.running = true;
          live.advance((gapS * 1000) / live.speed);
          if (p.status === 'playing') p.setStatus('paused');
          live.running = false;
        }
      }
      ctx.emit({ type: 'sim', status: live.status() });
      emitState();
      return state();
    },
    trainerAnswer: (req) => {
      const p = requirePlayer();
      p.answer(req.questionId, req.choice);
      const live = requireLive();
      // Events queued behind the question (same instant) run now.
      carryOut(p, p.state().elapsedS);
      if (p.status === 'playing') live.running = true;
      emitState();
      return state();
    },
    trainerState: () => state(),
  };
}
