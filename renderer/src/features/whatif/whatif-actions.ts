import { i18n } from '../../i18n/i18n';
import { getTwinClient } from '../../api/client';
import { playbackStore } from '../../state/playback-store';
import { pushNotice, sessionStore } from '../../state/session-store';
import { runSurrogate } from './surrogate/surrogate';
import { planKey } from './surrogate/surrogate-rollout';
import { previewFrames } from './preview-frames';
import { whatIfStore, type PreviewSource } from './whatif-store';
import { currentPlan } from './current-plan';
import { installWhatIfAnswerHook } from './whatif-answer-hook';

export { currentPlan };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function forkFromLive(): Promise<void> {
  try {
    const fork = await getTwinClient().whatifFork({});
    whatIfStore.setState({
      fork,
      result: null,
      suggestion: null,
      tuning: {},
      error: null,
      surrogate: null,
      surrogateNote: null,
    });
    endPreview();
  } catch (e) {
    whatIfStore.setState({ error: message(e) });
  }
}

let latestRequest = 0;

/**
 * Runs the plan on the physics from the fork (forking from live first if needed); stale answers are dropped.
 * The surrogate answers the same plan alongside (it usually lands first).
 */
export async function runWhatIf(opts: { quick?: boolean; surrogate?: boolean } = {}): Promise<void> {
  if (!whatIfStore.getState().fork) await forkFromLive();
  const s = whatIfStore.getState();
  if (!s.fork) return;
  if (opts.surrogate ?? true) void runSurrogate(currentPlan());
  const request = ++latestRequest;
  const started = performance.now();
  const plan = currentPlan();
  whatIfStore.setState({ running: true, error: null });
  try {
    const result = await getTwinClient().whatifRun({
      forkId: s.fork.forkId,
      horizonS: s.horizonS,
      plan,
      ensemble: opts.quick ? 1 : 8,
      rulLookaheadS: opts.quick ? 0 : 3 * 86_400,
    });
    if (request !== latestRequest) return;
    const previewIndex = whatIfStore.getState().previewIndex;
    whatIfStore.setState({
      result,
      resultKey: planKey(s.fork.forkId, plan, s.horizonS),
      running: false,
      responseMs: performance.now() - started,
    });
    if (previewIndex !== null) showPreview(Math.min(previewIndex, result.t.length - 1));
  } catch (e) {
    if (request === latestRequest) whatIfStore.setState({ running: false, error: message(e) });
  }
}

let tuneTimer: ReturnType<typeof setTimeout> | null = null;
/**
 * A tuning slider moved: the surrogate answers at once (moves during its call are coalesced to the latest),
 * the physics re-runs shortly after the last move (one member, no look past the horizon).
 */
export function tune(controlId: string, value: number): void {
  whatIfStore.setState((s) => ({ tuning: { ...s.tuning, [controlId]: value } }));
  if (whatIfStore.getState().fork) void runSurrogate(currentPlan());
  if (tuneTimer) clearTimeout(tuneTimer);
  tuneTimer = setTimeout(() => void runWhatIf({ quick: true, surrogate: false }), 120);
}

/** Shows the predicted state at result.t[index] in the 3D view: the scene colors show the future. */
export function showPreview(index: number): void {
  const { result } = whatIfStore.getState();
  if (!result) return;
  whatIfStore.setState({ previewIndex: index });
  const frames = previewFrames();
  if (!frames) return;
  playbackStore.setState({
    mode: 'preview',
    values: Float32Array.from(frames.scenario),
    quality: new Uint8Array(frames.scenario.length),
    alarms: null,
    playhead: result.t[index] ?? 0,
  });
}

/** Chooses the answer the 3D preview shows; the preview (if any) is redrawn from it. */
export function setPreviewSource(source: PreviewSource): void {
  whatIfStore.setState({ previewSource: source });
  const { previewIndex } = whatIfStore.getState();
  if (previewIndex !== null) showPreview(previewIndex);
}

/**
 * Redraws a preview taken from the surrogate whenever a new surrogate answer lands (and installs the test hook
 * that says which answer the preview shows); returns the stop.
 */
export function startWhatIfPreviewSync(): () => void {
  const stopHook = installWhatIfAnswerHook();
  const stopSync = whatIfStore.subscribe((s, prev) => {
    if (s.surrogate !== prev.surrogate && s.previewSource === 'surrogate' && s.previewIndex !== null)
      showPreview(s.previewIndex);
  });
  return () => {
    stopSync();
    stopHook();
  };
}

export function endPreview(): void {
  if (playbackStore.getState().mode === 'preview')
    playbackStore.setState({ mode: 'live', values: null, quality: null, alarms: null });
  whatIfStore.setState({ previewIndex: null });
}

/** Sets setpoints on the live plant; keeps the previous ones for one-click undo. */
/** Asks the user first (old → new per setpoint); applyToLive runs once they confirm. */
export function requestApply(controls: Record<string, number>): void {
  if (Object.keys(controls).length > 0) whatIfStore.setState({ pendingApply: controls });
}

export async function applyToLive(controls: Record<string, number>): Promise<void> {
  try {
    const r = await getTwinClient().whatifApply({ controls });
    sessionStore.setState({ sim: r.status });
    whatIfStore.setState({ undo: r.previous });
    pushNotice(
      'info',
      i18n.t('whatif:applyDialog.applied', {
        changes: Object.entries(controls)
          .map(([k, v]) => `${k} = ${v}`)
          .join(', '),
      }),
    );
  } catch (e) {
    pushNotice('error', i18n.t('whatif:applyDialog.failed', { error: message(e) }));
  }
}

export async function undoApply(): Promise<void> {
  const previous = whatIfStore.getState().undo;
  if (!previous) return;
  try {
    const r = await getTwinClient().whatifApply({ controls: previous });
    sessionStore.setState({ sim: r.status });
    whatIfStore.setState({ undo: null });
    pushNotice('info', i18n.t('whatif:applyDialog.restored'));
  } catch (e) {
    pushNotice('error', i18n.t('whatif:applyDialog.undoFailed', { error: message(e) }));
  }
}

export async function suggest(
  targets: { tagId: string; target: number; weight: number }[],
  energyWeight: number,
): Promise<void> {
  if (!whatIfStore.getState().fork) await forkFromLive();
  const s = whatIfStore.getState();
  if (!s.fork) return;
  whatIfStore.setState({ suggesting: true, error: null });
  try {
    const suggestion = await getTwinClient().whatifSuggest({
      forkId: s.fork.forkId,
      horizonS: Math.min(s.horizonS, 3600),
      targets,
      energyWeight,
      faults: s.faults,
    });
    const asked = Object.fromEntries(targets.map((t) => [t.tagId, t.target]));
    whatIfStore.setState({ suggestion: { ...suggestion, targets: asked }, suggesting: false });
  } catch (e) {
    whatIfStore.setState({ suggesting: false, error: message(e) });
  }
}
