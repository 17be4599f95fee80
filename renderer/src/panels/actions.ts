import type { AlarmCommandRequest, InjectFaultRequest, SimCommandRequest } from '../../../core/api/schemas';
import type { SimStatus } from '../../../core/api/types';
import { getTwinClient } from '../api/client';
import { pushNotice, sessionStore } from '../state/session-store';

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

/** Sends an asset file to the backend; a rejected file is kept in the store for the error dialog. */
export async function loadAssetFile(file: File): Promise<void> {
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    pushNotice('error', `Could not read ${file.name}: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  const result = await attempt('Open asset', () => getTwinClient().loadAsset({ fileName: file.name, text }));
  if (!result) return;
  if (result.ok) sessionStore.setState({ assetError: null });
  else sessionStore.setState({ assetError: { fileName: result.fileName, problems: result.problems } });
}
