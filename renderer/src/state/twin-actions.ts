import type { AlarmCommandRequest, InjectFaultRequest, SimCommandRequest } from '../../../core/api/schemas';
import type { SimStatus } from '../../../core/api/types';
import { MAX_MODEL_BYTES } from '../../../core/api/domains/asset-model';
import { isGlbModel } from '../../../core/asset/schema';
import { scenarioHold } from '../../../core/scenario/sim-hold';
import { getTwinClient } from '../api/client';
import { uploadAsset, type AssetFiles } from './asset-upload';
import { connectionsStore, runsLive } from './connections-store';
import { pushNotice, sessionStore } from './session-store';

/** UI-side calls to the TwinApi: results update the session store at once; failures become notices. */

const applySim = (sim: SimStatus) => sessionStore.setState({ sim });

/** Runs a call; a failure becomes an error notice "`what` failed: …" and null. */
export async function attempt<T>(what: string, call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (e) {
    pushNotice('error', `${what} failed: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}

export async function simCommand(req: SimCommandRequest): Promise<void> {
  const hold = req.kind === 'run' || req.kind === 'reset' ? scenarioHold(sessionStore.getState().sim) : null;
  if (hold) return sayWhatHoldsTheSimulator(hold, req);
  const sim = await attempt(`Simulator ${req.kind}`, () => getTwinClient().simCommand(req));
  if (sim) applySim(sim);
}

/**
 * A trainer scenario holds the simulator (its run plays while the plant waits): Run or Reset would not reach
 * the plant. Says so, with the two ways out.
 */
function sayWhatHoldsTheSimulator(hold: string, req: SimCommandRequest): void {
  const trainer = (kind: 'play' | 'stop') =>
    attempt(kind === 'play' ? 'Play scenario' : 'Leave scenario', () =>
      getTwinClient().trainerCommand({ kind }),
    );
  pushNotice('warning', hold, [
    { label: 'Play scenario', testId: 'notice-play-scenario', run: () => void trainer('play') },
    {
      label: 'Leave scenario',
      testId: 'notice-leave-scenario',
      run: () => void trainer('stop').then((left) => left && simCommand(req)),
    },
  ]);
}

/** Space: runs or pauses the simulator; does nothing while the asset runs from its live sources. */
export function toggleRunPause(): void {
  if (runsLive(connectionsStore.getState())) return;
  const running = sessionStore.getState().sim?.running ?? false;
  void simCommand({ kind: running ? 'pause' : 'run' });
}

export async function setControl(controlId: string, value: number): Promise<void> {
  const sim = await attempt('Set control', () => getTwinClient().setControl({ controlId, value }));
  if (sim) applySim(sim);
}

export async function injectFault(req: InjectFaultRequest): Promise<void> {
  const sim = await attempt('Inject fault', () => getTwinClient().injectFault(req));
  if (sim) applySim(sim);
}

export async function clearFault(instanceId: string): Promise<void> {
  const sim = await attempt('Clear fault', () => getTwinClient().clearFault({ instanceId }));
  if (sim) applySim(sim);
}

export async function alarmCommand(req: AlarmCommandRequest): Promise<void> {
  const snapshot = await attempt('Alarm command', () => getTwinClient().alarmCommand(req));
  if (snapshot) sessionStore.setState({ alarms: snapshot.alarms });
}

export async function ackAll(alarmIds: readonly string[]): Promise<void> {
  for (const alarmId of alarmIds) await alarmCommand({ alarmId, action: 'ack' });
}

const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;

/**
 * Sends an asset definition, plus the GLB its `model` names when one was chosen with it (in chunks, with
 * progress in the store), to the backend; a rejected file is kept in the store for the error dialog.
 */
export async function loadAssetFiles(chosen: readonly File[]): Promise<void> {
  const json = chosen.find((f) => !f.name.toLowerCase().endsWith('.glb'));
  if (!json) {
    pushNotice('error', 'Open asset: choose the asset .json file (with its .glb model, if it has one)');
    return;
  }
  let files: AssetFiles;
  try {
    const text = await json.text();
    const model = modelName(text);
    const glb = model ? chosen.find((f) => f.name === baseName(model)) : undefined;
    if (glb && glb.size > MAX_MODEL_BYTES)
      throw new Error(
        `${glb.name} is ${(glb.size / 1e6).toFixed(1)} MB; GLB models are limited to ${MAX_MODEL_BYTES / 1e6} MB`,
      );
    files = glb
      ? {
          fileName: json.name,
          text,
          model: { fileName: glb.name, bytes: new Uint8Array(await glb.arrayBuffer()) },
        }
      : { fileName: json.name, text };
  } catch (e) {
    pushNotice('error', `Could not read ${json.name}: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  const showProgress = (sent: number, total: number) =>
    sessionStore.setState({ upload: { fileName: files.model?.fileName ?? files.fileName, sent, total } });
  const result = await attempt('Open asset', () =>
    uploadAsset(getTwinClient(), files, showProgress).finally(() => sessionStore.setState({ upload: null })),
  );
  if (!result) return;
  if (result.ok) sessionStore.setState({ assetError: null });
  else sessionStore.setState({ assetError: { fileName: result.fileName, problems: result.problems } });
}

/** The `model` field of an asset JSON when it names a file; the backend validates everything else. */
function modelName(text: string): string | null {
  try {
    const model = (JSON.parse(text) as { model?: unknown }).model;
    return typeof model === 'string' && isGlbModel(model) ? model : null;
  } catch {
    return null;
  }
}
