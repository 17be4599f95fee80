import type { Alarm, TwinEvent } from '../../../core/api/types';
import type { LogNames } from '../../../core/scenario/log-names';
import { ScenarioPlayer } from '../../../core/scenario/player';
import type { Scenario } from '../../../core/scenario/schema';
import {
  idleTrainerState,
  type ScenarioSummary,
  type TrainerState,
} from '../../../core/scenario/trainer-state';
import type { LiveSimulation } from '../live-simulation';

/** Read through a call so TypeScript does not keep a narrowing across calls that change it. */
const statusOf = (p: ScenarioPlayer) => p.status;

/**
 * One scenario on the live simulator: a sandbox run (the plant parked meanwhile) set up from the scenario's
 * seed and setpoints, its timeline carried out as telemetry reports simulated time, the trainee's alarms,
 * acks and setpoints observed, and the speed set by the scenario's pace whenever an action window opens or
 * closes (the trainee may change it in between).
 */
export class TrainerSession {
  private player: ScenarioPlayer | null = null;
  /** The sandbox run the scenario plays in, once set up. */
  private runId: string | null = null;
  private startedAt = 0;
  private knownAlarms = new Map<string, Alarm>();
  private controls: Record<string, number> = {};
  private readonly scripted = new Map<string, number>();
  private pacedSpeed: number | null = null;

  constructor(
    private readonly requireLive: () => LiveSimulation,
    /** Tells the renderer the simulator's status changed (speed set by the pace). */
    private readonly emitSim: () => void,
  ) {}

  state(): TrainerState {
    return this.player?.state() ?? idleTrainerState();
  }

  /** Chooses a scenario: the plant keeps running until Play. `names`: how its log names the asset's ids. */
  load(scenario: Scenario, summary: ScenarioSummary, names?: LogNames): void {
    this.leave();
    this.player = new ScenarioPlayer(scenario, summary, names);
  }

  /** Leaves the scenario: the plant goes on where it was parked. */
  leave(): void {
    this.player = null;
    const live = this.requireLive();
    if (live.run && live.run.id === this.runId) live.endRun();
    this.runId = null;
  }

  /** The simulator went with another asset: so did the scenario's run. */
  forget(): void {
    this.player = null;
    this.runId = null;
  }

  play(): void {
    const p = this.requirePlayer();
    if (p.status === 'question') throw new Error('answer the open question first');
    const ready = p.status === 'finished' ? this.restart() : p;
    if (this.runId === null) this.setUp(ready);
    const fromStart = ready.status === 'ready';
    ready.setStatus('playing');
    this.requireLive().running = true;
    if (fromStart) this.carryOut(ready, 0);
  }

  pause(): void {
    const p = this.requirePlayer();
    if (p.status === 'question') throw new Error('answer the open question first');
    if (p.status === 'playing') p.setStatus('paused');
    this.requireLive().running = false;
  }

  /** A fresh run of the same scenario, set up at its start and paused: Play starts it. */
  restart(): ScenarioPlayer {
    const p = this.requirePlayer();
    this.player = new ScenarioPlayer(p.scenario, p.state().scenario ?? p.summary, p.names);
    this.setUp(this.player);
    return this.player;
  }

  /**
   * Runs to where the trainee should look next and pauses: the next timeline event, the start or end of an
   * action window, or an alarm that starts an action's clock, whichever comes first.
   */
  step(): void {
    let p = this.requirePlayer();
    if (p.status === 'question') throw new Error('answer the open question first');
    if (p.status === 'finished') p = this.restart();
    if (this.runId === null) this.setUp(p);
    const live = this.requireLive();
    if (p.status === 'ready') {
      p.setStatus('playing');
      this.carryOut(p, 0);
    }
    if (statusOf(p) !== 'question') {
      const from = p.state().elapsedS;
      const clocks = p.actionClocksStarted;
      p.setStatus('playing');
      live.running = true;
      live.runFor(Math.max(1, Math.ceil(p.nextStopS(from) - from)), () => p.actionClocksStarted !== clocks);
    }
    if (statusOf(p) === 'playing') p.setStatus('paused');
    live.running = false;
  }

  answer(questionId: string, choice: number): void {
    const p = this.requirePlayer();
    p.answer(questionId, choice);
    // Events queued behind the question (same instant) run now.
    this.carryOut(p, p.state().elapsedS);
    if (p.status === 'playing') this.requireLive().running = true;
  }

  /** Follows the live simulator; true when the state changed enough to tell the renderer at once. */
  observe(event: TwinEvent): boolean {
    if (event.type === 'session') {
      this.forget();
      return true;
    }
    const p = this.player;
    const live = this.requireLiveOrNull();
    if (!p || !live || live.run?.id !== this.runId || this.runId === null) return false;
    if (p.status === 'ready' || p.status === 'finished') return false;
    const elapsedS = this.elapsedAt(live.status().simTime);
    if (event.type === 'alarms') {
      this.observeAlarms(p, event.snapshot.alarms, elapsedS);
      this.pace(p, elapsedS);
      return true;
    }
    if (event.type === 'telemetry') {
      const before = p.status;
      const due = this.carryOut(p, this.elapsedAt(event.batch.t.at(-1) ?? live.status().simTime));
      this.observeControls(p, elapsedS);
      return due || statusOf(p) !== before;
    }
    if (event.type === 'sim' && p.status === 'playing' && !event.status.running) {
      // Paused from the Simulation tab or with Space: the scenario pauses with it.
      p.setStatus('paused');
      return true;
    }
    return false;
  }

  private requirePlayer(): ScenarioPlayer {
    if (!this.player) throw new Error('no scenario is loaded; load one first');
    return this.player;
  }

  private requireLiveOrNull(): LiveSimulation | null {
    try {
      return this.requireLive();
    } catch {
      return null;
    }
  }

  private elapsedAt(simTime: number): number {
    return (simTime - this.startedAt) / 1000;
  }

  /** Parks the plant and sets the scenario's plant up at its start, paused. */
  private setUp(p: ScenarioPlayer): void {
    const live = this.requireLive();
    const s = p.scenario;
    this.runId = live.startRun('scenario', s.title.en, s.seed).id;
    for (const [id, v] of Object.entries(s.initialControls)) live.setControl(id, v);
    const status = live.status();
    this.startedAt = status.simTime;
    this.controls = status.controls;
    this.knownAlarms = new Map();
    this.scripted.clear();
    this.pacedSpeed = null;
    p.setStatus('ready', this.startedAt);
    this.pace(p, 0);
  }

  /** Sets the speed when the scenario's pace changes (an action window opens or closes). */
  private pace(p: ScenarioPlayer, elapsedS: number): void {
    const speed = p.speedAt(elapsedS);
    if (speed === this.pacedSpeed) return;
    this.pacedSpeed = speed;
    this.requireLive().speed = speed;
    this.emitSim();
  }

  /** Moves the player to elapsedS and does what the timeline asks of the simulator. */
  private carryOut(p: ScenarioPlayer, elapsedS: number): boolean {
    const live = this.requireLive();
    const due = p.advanceTo(elapsedS);
    for (const e of due) {
      if (e.kind === 'fault') {
        const spec = { faultId: e.faultId, severity: e.severity, growthPerHour: e.growthPerHour };
        live.injectFault(e.targetTag === undefined ? spec : { ...spec, targetTag: e.targetTag });
      } else if (e.kind === 'control') {
        live.setControl(e.controlId, e.value);
        this.scripted.set(e.controlId, live.status().controls[e.controlId] ?? e.value);
      }
    }
    if (p.status !== 'playing') live.running = false;
    this.pace(p, elapsedS);
    return due.length > 0;
  }

  /** Setpoint changes since the last look that the script did not make are the trainee's. */
  private observeControls(p: ScenarioPlayer, elapsedS: number): void {
    const now = this.requireLive().status().controls;
    for (const [id, v] of Object.entries(now)) {
      if (this.controls[id] === v) continue;
      if (this.scripted.get(id) === v) this.scripted.delete(id);
      else p.traineeSetControl(id, v, elapsedS);
    }
    this.controls = now;
  }

  private observeAlarms(p: ScenarioPlayer, alarms: Alarm[], elapsedS: number): void {
    const next = new Map(alarms.map((a) => [a.id, a]));
    for (const a of alarms) {
      const before = this.knownAlarms.get(a.id);
      if (!before) p.alarmRaised(a.tagId, a.kind, p.names.alarm(a), Math.max(0, this.elapsedAt(a.raisedAt)));
      else if (before.state === 'unack' && a.state === 'ack')
        p.alarmAcknowledged(a.tagId, p.names.alarm(a), elapsedS);
    }
    // Acknowledging an alarm that already returned to normal removes it.
    for (const [id, before] of this.knownAlarms)
      if (!next.has(id) && before.state === 'rtn-unack')
        p.alarmAcknowledged(before.tagId, p.names.alarm(before), elapsedS);
    this.knownAlarms = next;
  }
}
