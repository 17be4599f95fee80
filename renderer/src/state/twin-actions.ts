import type { AlarmCommandRequest, InjectFaultRequest, SimCommandRequest } from '../../../core/api/schemas';
import type { SimStatus } from '../../../core/api/types';
import { MAX_WEB_UPLOAD_MODEL_BYTES } from '../../../core/api/domains/asset-model';
import { isGlbModel } from '../../../core/asset/schema';
import { getTwinClient } from '../api/client';
import { pushNotice, sessionStore } from './session-store';

/** UI-side calls to the TwinApi: results update the session store at once; failures become notices. */

const applySim = (sim: SimStatus) => sessionStore.setState({ sim });

async function attempt<T>(what: string, call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (e) {
    pushNotice('error', `${what} failed: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}

export async function simCommand(req: SimCommandRequest): Promise<void> {
  const sim = await attempt(`Simulator ${req.kind}`, () => getTwinClient().simCommand(req));
  if (sim) applySim(sim);
}

export function toggleRunPause(): void {
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

/** Reads a GLB as base64 in slices, so large files do not overflow the argument list. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;

/**
 * Sends an asset definition, plus the GLB its `model` names when one was chosen with it, to the
 * backend; a rejected file is kept in the store for the error dialog.
 */
export async function loadAssetFiles(files: readonly File[]): Promise<void> {
  const json = files.find((f) => !f.name.toLowerCase().endsWith('.glb'));
  if (!json) {
    pushNotice('error', 'Open asset: choose the asset .json file (with its .glb model, if it has one)');
    return;
  }
  let text: string;
  let modelBase64: string | undefined;
  try {
    text = await json.text();
    const model = modelName(text);
    const glb = model ? files.find((f) => f.name === baseName(model)) : undefined;
    if (glb && glb.size > MAX_WEB_UPLOAD_MODEL_BYTES)
      throw new Error(
        `${glb.name} is ${(glb.size / 1e6).toFixed(1)} MB; the browser can send GLB models up to ` +
          `${MAX_WEB_UPLOAD_MODEL_BYTES / 1e6} MB (the desktop app and --asset take up to 32 MB)`,
      );
    if (glb) modelBase64 = await base64Of(glb);
  } catch (e) {
    pushNotice('error', `Could not read ${json.name}: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  const request =
    modelBase64 === undefined ? { fileName: json.name, text } : { fileName: json.name, text, modelBase64 };
  const result = await attempt('Open asset', () => getTwinClient().loadAsset(request));
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
