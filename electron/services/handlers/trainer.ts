import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { trainerRequestSchemas } from '../../../core/api/domains/trainer';
import { describeScenarioProblems, parseScenarioJson } from '../../../core/scenario/parse';
import { logNamesOf } from '../../../core/scenario/log-names';
import type { Scenario } from '../../../core/scenario/schema';
import type { ScenarioSummary } from '../../../core/scenario/trainer-state';
import type { BackendContext } from '../backend-context';
import { TrainerSession } from '../trainer/trainer-session';
import type { TwinHandlers } from '../twin-handlers';

export type TrainerHandlers = Pick<TwinHandlers, keyof typeof trainerRequestSchemas>;

const summarise = (s: Scenario, source: string): ScenarioSummary => ({
  id: s.id,
  title: s.title,
  summary: s.summary,
  faultType: s.faultType ?? null,
  durationS: s.durationS,
  pace: s.pace,
  source,
});

/** Handlers of the trainer methods: plays scenario files on the live simulator and scores the trainee. */
export function createTrainerHandlers(ctx: BackendContext): TrainerHandlers {
  const library = new Map<string, { scenario: Scenario; source: string }>();
  let builtInsLoaded = false;
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
  const emitSim = () => ctx.emit({ type: 'sim', status: requireLive().status() });
  const session = new TrainerSession(requireLive, emitSim);
  const emitState = () => {
    lastEmit = Date.now();
    ctx.emit({ type: 'trainer-state', state: session.state() });
  };
  const entry = (scenarioId: string) => {
    loadBuiltIns();
    const found = library.get(scenarioId);
    if (!found) throw new Error(`scenarioId: no scenario "${scenarioId}"`);
    return found;
  };

  ctx.onDispose(
    ctx.subscribe((event) => {
      if (session.observe(event) || (event.type === 'telemetry' && Date.now() - lastEmit > 500)) emitState();
    }),
  );

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
    trainerGetScenario: (req) => entry(req.scenarioId).scenario,
    trainerCommand: (req) => {
      const live = requireLive();
      if (req.kind === 'load') {
        const { scenario, source } = entry(req.scenarioId);
        session.load(scenario, summarise(scenario, source), logNamesOf(ctx.asset()));
      } else if (req.kind === 'stop') session.leave();
      else if (req.kind === 'record-start') {
        session.leave();
        live.startRun('recording', 'Recorded drill', req.seed);
        live.running = true;
      } else if (req.kind === 'record-stop') {
        if (live.run?.kind === 'recording') live.endRun();
      } else if (req.kind === 'restart') session.restart();
      else if (req.kind === 'play') session.play();
      else if (req.kind === 'pause') session.pause();
      else session.step();
      emitSim();
      emitState();
      return session.state();
    },
    trainerAnswer: (req) => {
      session.answer(req.questionId, req.choice);
      emitState();
      return session.state();
    },
    trainerState: () => session.state(),
  };
}
