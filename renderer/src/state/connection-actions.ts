/** UI-side calls of the live-sources API: each answer updates the connections store at once. */
import type { ConnectionsSnapshot, ControlWriteResult } from '../../../core/api/domains/connections';
import { getTwinClient } from '../api/client';
import { i18n } from '../i18n/i18n';
import { applyConnections } from './connections-store';
import { sessionStore } from './session-store';
import { attempt } from './twin-actions';

/** The outcome of a call whose failure the caller words itself (in a dialog rather than a notice). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

const currentAssetId = () => sessionStore.getState().session?.asset.id ?? null;

const apply = (snapshot: ConnectionsSnapshot | null) => {
  if (snapshot) applyConnections(snapshot, currentAssetId());
};

async function outcome<T>(call: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Asks for the current snapshot (session start, asset change); an old backend without the API is left alone. */
export async function refreshConnections(): Promise<void> {
  const answer = await outcome(() => getTwinClient().connectionsStatus({}));
  if (answer.ok) apply(answer.value);
}

export async function connectionCommand(
  connectionId: string,
  action: 'connect' | 'disconnect',
): Promise<void> {
  apply(
    await attempt(i18n.t(`shell:actions.${action}`, { connection: connectionId }), () =>
      getTwinClient().connectionCommand({ connectionId, action }),
    ),
  );
}

export async function trustServerCertificate(connectionId: string, thumbprint: string): Promise<void> {
  apply(
    await attempt(i18n.t('shell:actions.trustCertificate', { connection: connectionId }), () =>
      getTwinClient().trustServerCertificate({ connectionId, thumbprint }),
    ),
  );
}

export async function setSourceMode(use: 'simulator' | 'live'): Promise<void> {
  apply(await attempt(i18n.t('shell:actions.switchSource'), () => getTwinClient().setSourceMode({ use })));
}

/** Keeps a connection's password (desktop); web mode answers with the environment variable to set instead. */
export async function setConnectionPassword(
  connectionId: string,
  password: string,
): Promise<Outcome<ConnectionsSnapshot>> {
  const answer = await outcome(() => getTwinClient().setConnectionPassword({ connectionId, password }));
  if (answer.ok) apply(answer.value);
  return answer;
}

/** Writes a setpoint to the real equipment; `from` is the value the user saw when confirming. */
export function writeControl(
  controlId: string,
  value: number,
  from: number | null,
): Promise<Outcome<ControlWriteResult>> {
  return outcome(() => getTwinClient().writeControl({ controlId, value, from }));
}
