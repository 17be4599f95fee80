import type { TwinClient } from '../../core/api/twin-api';
import type { SessionInfo, TwinEvent } from '../../core/api/types';
import { pushNotice, sessionStore } from './state/session-store';
import { ingestTelemetry, resetTelemetry } from './state/telemetry-store';
import { viewStore } from './state/view-store';

/** Ring capacity: one hour of 1 Hz samples, plenty for sparklines and the selection chart. */
const RING_CAPACITY = 3600;

function applySession(session: SessionInfo): void {
  const previous = sessionStore.getState().session;
  if (!previous || previous.asset !== session.asset) resetTelemetry(session.asset.tags.length, RING_CAPACITY);
  sessionStore.setState({ session, sim: session.sim, alarms: session.alarms });
  const selected = viewStore.getState().selectedComponent;
  if (selected && !session.asset.components.some((c) => c.id === selected))
    viewStore.setState({ selectedComponent: null });
}

function onEvent(event: TwinEvent, client: TwinClient): void {
  switch (event.type) {
    case 'telemetry':
      ingestTelemetry(event.batch);
      break;
    case 'sim':
      sessionStore.setState({ sim: event.status });
      break;
    case 'alarms':
      sessionStore.setState({ alarms: event.snapshot.alarms });
      break;
    case 'session':
      applySession(event.session);
      pushNotice('info', `Loaded asset "${event.session.asset.name}" from ${event.session.assetSource}`);
      break;
    case 'notice':
      if (event.message === 'connected') {
        sessionStore.setState({ connection: 'open' });
        void client.getSession({}).then(applySession);
      } else if (event.message === 'disconnected') sessionStore.setState({ connection: 'closed' });
      else pushNotice(event.level, event.message);
      break;
  }
}

/** Wires backend events into the stores and loads the first session. */
export function connectToBackend(client: TwinClient): () => void {
  const unsubscribe = client.subscribe((event) => onEvent(event, client));
  // The Electron bridge is connected from the start; the WebSocket client announces 'connected'.
  if (window.twin) {
    sessionStore.setState({ connection: 'open' });
    void client.getSession({}).then(applySession);
  }
  return unsubscribe;
}
