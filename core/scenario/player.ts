import { englishText, textIn, type LocalizedText } from './localized-text';
import {
  ACTION_NOTES,
  acknowledged,
  answerLogText,
  cameraTo,
  PAUSED_BY_SCENARIO,
  scenarioFinished,
  secondsAfterAlarm,
} from './player-text';
import { ID_LOG_NAMES, type LogNames } from './log-names';
import type { Scenario, TimelineEvent } from './schema';
import { ActionClocks, windowAt } from './action-clocks';
import type { ActionResult, ActionWindow, LogKind, ScenarioSummary, TrainerState } from './trainer-state';

function fmtFault(e: Extract<TimelineEvent, { kind: 'fault' }>, names: LogNames): LocalizedText {
  const fault = names.fault(e.faultId);
  const tag = e.targetTag ? names.tag(e.targetTag) : null;
  const severity = e.severity.toFixed(2);
  return {
    en: `Fault ${fault.en} starts (severity ${severity}, +${e.growthPerHour}/h${tag ? ` on ${tag.en}` : ''})`,
    'zh-CN': `故障“${textIn(fault, 'zh-CN')}”开始（严重程度 ${severity}，每小时 +${e.growthPerHour}${tag ? `，作用于 ${textIn(tag, 'zh-CN')}` : ''}）`,
  };
}

/** "Script sets Valve opening to 60 %": `who` in English and Chinese, then the control and its value. */
function setsLine(who: LocalizedText, to: LocalizedText): LocalizedText {
  return { en: `${who.en} sets ${to.en}`, 'zh-CN': `${textIn(who, 'zh-CN')}将${textIn(to, 'zh-CN')}` };
}
const SCRIPT: LocalizedText = { en: 'Script', 'zh-CN': '脚本' };
const TRAINEE: LocalizedText = { en: 'Trainee', 'zh-CN': '学员' };

/**
 * Plays a scenario's timeline against simulated time and scores the trainee. Pure: the host feeds it the
 * elapsed time and what it observed (alarms, acks, setpoint changes) and carries out the events it returns.
 */
export class ScenarioPlayer {
  private next = 0;
  private readonly clocks: ActionClocks;
  private readonly st: TrainerState;

  constructor(
    readonly scenario: Scenario,
    readonly summary: ScenarioSummary,
    /** How the log names controls, faults and tags (logNamesOf the asset); ids without it. */
    readonly names: LogNames = ID_LOG_NAMES,
  ) {
    this.clocks = new ActionClocks(scenario);
    const actions: ActionResult[] = scenario.expectedActions.map((a) => ({
      id: a.id,
      description: a.description,
      points: a.points,
      status: 'pending',
      atS: null,
      note: null,
    }));
    const questionPoints = scenario.timeline.reduce((s, e) => s + (e.kind === 'question' ? e.points : 0), 0);
    this.st = {
      scenario: summary,
      status: 'ready',
      elapsedS: 0,
      caption: null,
      camera: null,
      question: null,
      answers: [],
      actions,
      log: [],
      score: 0,
      maxScore: questionPoints + actions.reduce((s, a) => s + a.points, 0),
      startedAt: null,
      actionWindow: null,
    };
  }

  state(): TrainerState {
    return structuredClone(this.st);
  }

  get status() {
    return this.st.status;
  }

  setStatus(status: TrainerState['status'], startedAt?: number): void {
    this.st.status = status;
    if (startedAt !== undefined) this.st.startedAt = startedAt;
  }

  /** Action clocks that alarms started so far: a trainer step stops when one more starts. */
  get actionClocksStarted(): number {
    return this.clocks.started;
  }

  /** The windows of the pending actions whose clocks have started: from the clock's start to the deadline. */
  actionWindows(): ActionWindow[] {
    return this.clocks.windows((i) => this.st.actions[i]?.status === 'pending');
  }

  /** The action window open at atS (the one that closes first), or null. */
  windowAt(atS: number): ActionWindow | null {
    return windowAt(this.actionWindows(), atS);
  }

  /** Simulated seconds per wall second at atS: the action pace inside an action window, else fast-forward. */
  speedAt(atS: number): number {
    const { pace } = this.scenario;
    return this.windowAt(atS) ? pace.actionWindow : pace.fastForward;
  }

  /** Where a step from atS stops: the next timeline event, start or end of an action window, or the end. */
  nextStopS(atS: number): number {
    const next = this.scenario.timeline[this.next]?.atS;
    const times = [
      ...(next === undefined ? [] : [next]),
      ...this.actionWindows().flatMap((w) => [w.fromS, w.untilS]),
    ];
    return Math.min(this.scenario.durationS, ...times.filter((t) => t > atS));
  }

  /**
   * Moves the clock to elapsedS and returns the timeline events now due, in order. It stops after a question
   * or pause: the host pauses the simulation until the answer or play.
   */
  advanceTo(elapsedS: number): TimelineEvent[] {
    if (this.st.status === 'finished') return [];
    this.st.elapsedS = Math.max(this.st.elapsedS, elapsedS);
    const due: TimelineEvent[] = [];
    while (this.next < this.scenario.timeline.length) {
      const e = this.scenario.timeline[this.next];
      if (!e || e.atS > elapsedS) break;
      this.next++;
      due.push(e);
      this.apply(e);
      if (e.kind === 'question' || e.kind === 'pause') break;
    }
    if (this.st.caption && this.st.caption.untilS < elapsedS && due.every((e) => e.kind !== 'caption'))
      this.st.caption = null;
    this.checkDeadlines(elapsedS);
    if (elapsedS >= this.scenario.durationS && this.st.status !== 'question') this.finish();
    this.noteWindow(elapsedS);
    return due;
  }

  private noteWindow(atS: number): void {
    this.st.actionWindow =
      this.st.status === 'finished' ? null : this.windowAt(Math.max(atS, this.st.elapsedS));
  }

  private apply(e: TimelineEvent): void {
    switch (e.kind) {
      case 'caption':
        this.st.caption = { text: e.text, atS: e.atS, untilS: e.atS + e.durationS };
        return this.log(e.atS, 'caption', e.text);
      case 'camera':
        this.st.camera = { componentId: e.componentId, token: (this.st.camera?.token ?? 0) + 1 };
        return this.log(e.atS, 'camera', cameraTo(this.names.component(e.componentId)));
      case 'fault':
        return this.log(e.atS, 'fault', fmtFault(e, this.names), e.hidden);
      case 'control':
        return this.log(e.atS, 'control', setsLine(SCRIPT, this.names.controlTo(e.controlId, e.value)));
      case 'question':
        this.st.status = 'question';
        this.st.question = { id: e.id, prompt: e.prompt, choices: [...e.choices], points: e.points };
        return this.log(e.atS, 'question', e.prompt);
      case 'pause':
        this.st.status = 'paused';
        return this.log(e.atS, 'pause', e.note ?? PAUSED_BY_SCENARIO);
    }
  }

  /** Records the trainee's answer to the open question; throws naming a wrong id or choice. */
  answer(questionId: string, choice: number): void {
    const q = this.scenario.timeline.find((e) => e.kind === 'question' && e.id === questionId);
    if (!q || q.kind !== 'question' || this.st.question?.id !== questionId)
      throw new Error(`questionId: "${questionId}" is not the open question`);
    const text = q.choices[choice];
    if (text === undefined) throw new Error(`choice: ${choice} is not one of 0..${q.choices.length - 1}`);
    const correct = choice === q.correct;
    const points = correct ? q.points : 0;
    this.st.answers.push({
      questionId,
      prompt: q.prompt,
      choice: text,
      rightChoice: q.choices[q.correct] ?? englishText(''),
      correct,
      points,
      atS: this.st.elapsedS,
      explanation: q.explanation ?? null,
    });
    this.st.score += points;
    this.st.question = null;
    this.st.status = 'playing';
    this.log(this.st.elapsedS, 'answer', answerLogText(correct, text));
  }

  /** `message`: the alarm's text (LogNames.alarm), or its English message alone. */
  alarmRaised(tagId: string, kind: string, message: string | LocalizedText, atS: number): void {
    const trip = kind.startsWith('trip');
    this.clocks.alarmRaised(tagId, trip, atS);
    this.log(atS, trip ? 'trip' : 'alarm', message);
    this.noteWindow(atS);
  }

  alarmAcknowledged(tagId: string, message: string | LocalizedText, atS: number): void {
    this.log(atS, 'ack', acknowledged(typeof message === 'string' ? englishText(message) : message));
    this.scenario.expectedActions.forEach((a, i) => {
      if (a.kind !== 'ack-alarm' || (a.tagId !== undefined && a.tagId !== tagId)) return;
      const raised = this.clocks.raisedFor(a.id);
      if (raised !== undefined && atS - raised <= a.withinS)
        this.settle(i, 'met', atS, secondsAfterAlarm(Math.round(atS - raised)));
    });
    this.noteWindow(atS);
  }

  traineeSetControl(controlId: string, value: number, atS: number): void {
    this.log(atS, 'trainee-control', setsLine(TRAINEE, this.names.controlTo(controlId, value)));
    this.scenario.expectedActions.forEach((a, i) => {
      if (a.kind !== 'set-control' || a.controlId !== controlId) return;
      if (a.direction === 'below' ? value >= a.value : value <= a.value) return;
      if (a.beforeTrip && this.clocks.tripS !== null) return;
      const deadline = this.clocks.deadline(a.from, a.withinS);
      if (deadline !== null && atS > deadline) return;
      this.settle(i, 'met', atS, null);
    });
    this.noteWindow(atS);
  }

  private checkDeadlines(nowS: number): void {
    this.scenario.expectedActions.forEach((a, i) => {
      if (a.kind === 'ack-alarm') {
        const raised = this.clocks.raisedFor(a.id);
        if (raised !== undefined && nowS - raised > a.withinS)
          this.settle(i, 'missed', raised + a.withinS, ACTION_NOTES.notAcknowledgedInTime);
        return;
      }
      const { tripS } = this.clocks;
      if (a.beforeTrip && tripS !== null) this.settle(i, 'missed', tripS, ACTION_NOTES.tripCameFirst);
      const deadline = this.clocks.deadline(a.from, a.withinS);
      if (deadline !== null && nowS > deadline) this.settle(i, 'missed', deadline, ACTION_NOTES.tooLate);
    });
  }

  private settle(i: number, status: 'met' | 'missed', atS: number, note: LocalizedText | null): void {
    const r = this.st.actions[i];
    if (!r || r.status !== 'pending') return;
    r.status = status;
    r.atS = atS;
    r.note = note;
    if (status === 'met') this.st.score += r.points;
  }

  /** Ends the run: whatever is still pending is missed. */
  finish(): void {
    if (this.st.status === 'finished') return;
    this.st.actions.forEach((a, i) => this.settle(i, 'missed', this.st.elapsedS, this.noteAtEnd(i)));
    this.st.status = 'finished';
    this.st.question = null;
    this.st.actionWindow = null;
    this.log(this.st.elapsedS, 'end', scenarioFinished(this.st.score, this.st.maxScore));
  }

  private noteAtEnd(i: number): LocalizedText {
    const a = this.scenario.expectedActions[i];
    return a?.kind === 'ack-alarm' && this.clocks.raisedFor(a.id) === undefined
      ? ACTION_NOTES.alarmNeverCame
      : ACTION_NOTES.notDone;
  }

  private log(atS: number, kind: LogKind, text: LocalizedText | string, hidden = false): void {
    this.st.log.push({ atS, kind, text: typeof text === 'string' ? englishText(text) : text, hidden });
  }
}
