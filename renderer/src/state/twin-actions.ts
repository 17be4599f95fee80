import type { AlarmCommandRequest, InjectFaultRequest, SimCommandRequest } from '../../../core/api/schemas';
import type { SimStatus } from '../../../core/api/types';
import { MAX_MODEL_BYTES } from '../../../core/api/domains/asset-model';
import { isGlbModel } from '../../../core/asset/schema';
import { getTwinClient } from '../api/client';
import { i18n } from '../i18n/i18n';
import { uploadAsset, type AssetFiles } from './asset-upload';
import { connectionsStore, runsLive } from './connections-store';
import { pushNotice, sessionStore } from './session-store';

/** UI-side calls to the TwinApi: results update the session store at once; failures become notices. */

const applySim = (sim: SimStatus) => sessionStore.setState({ sim });

/** Runs a call; a failure becomes an error notice "`what` failed: …" (`what` in the active language) and null. */
export async function attempt<T>(what: string, call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    pushNotice('error', i18n.t('shell:actions.failed', { what, message }));
    return null;
  }
}

export async function simCommand(req: SimCommandRequest): Promise<void> {
  const run = sessionStore.getState().sim?.run;
  const held = (req.kind === 'run' || req.kind === 'reset') && run?.kind === 'scenario';
  if (held) return sayWhatHoldsTheSimulator(run.title, req);
  const sim = await attempt(i18n.t(`shell:actions.simulator.${req.kind}`), () =>
    getTwinClient().simCommand(req),
  );
  if (sim) applySim(sim);
}

/**
 * A trainer scenario holds the simulator (its run plays while the plant waits): Run or Reset would not reach
 * the plant. Says so, with the two ways out.
 */
function sayWhatHoldsTheSimulator(title: string, req: SimCommandRequest): void {
  const play = i18n.t('shell:actions.playScenario');
  const leave = i18n.t('shell:actions.leaveScenario');
  const trainer = (kind: 'play' | 'stop') =>
    attempt(kind === 'play' ? play : leave, () => getTwinClient().trainerCommand({ kind }));
  pushNotice('warning', i18n.t('shell:actions.scenarioHolds', { title }), [
    { label: play, testId: 'notice-play-scenario', run: () => void trainer('play') },
    {
      label: leave,
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
  const sim = await attempt(i18n.t('shell:actions.setControl'), () =>
    getTwinClient().setControl({ controlId, value }),
  );
  if (sim) applySim(sim);
}

export async function injectFault(req: InjectFaultRequest): Promise<void> {
  const sim = await attempt(i18n.t('shell:actions.injectFault'), () => getTwinClient().injectFault(req));
  if (sim) applySim(sim);
}

export async function clearFault(instanceId: string): Promise<void> {
  const sim = await attempt(i18n.t('shell:actions.clearFault'), () =>
    getTwinClient().clearFault({ instanceId }),
  );
  if (sim) applySim(sim);
}

export async function alarmCommand(req: AlarmCommandRequest): Promise<void> {
  const snapshot = await attempt(i18n.t('shell:actions.alarmCommand'), () =>
    getTwinClient().alarmCommand(req),
  );
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
    pushNotice('error', i18n.t('shell:actions.chooseAssetJson'));
    return;
  }
  let files: AssetFiles;
  try {
    const text = await json.text();
    const model = modelName(text);
    const glb = model ? chosen.find((f) => f.name === baseName(model)) : undefined;
    if (glb && glb.size > MAX_MODEL_BYTES)
      throw new Error(
        i18n.t('shell:actions.glbTooLarge', {
          file: glb.name,
          size: (glb.size / 1e6).toFixed(1),
          limit: MAX_MODEL_BYTES / 1e6,
        }),
      );
    files = glb
      ? {
          fileName: json.name,
          text,
          model: { fileName: glb.name, bytes: new Uint8Array(await glb.arrayBuffer()) },
        }
      : { fileName: json.name, text };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    pushNotice('error', i18n.t('shell:actions.cannotRead', { file: json.name, message }));
    return;
  }
  const showProgress = (sent: number, total: number) =>
    sessionStore.setState({ upload: { fileName: files.model?.fileName ?? files.fileName, sent, total } });
  const result = await attempt(i18n.t('shell:actions.openAsset'), () =>
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
