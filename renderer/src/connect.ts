import type { TwinClient } from '../../core/api/twin-api';
import type { ConnectionEvent, TwinClientEvent } from '../../core/api/client-events';
import type { SessionInfo } from '../../core/api/types';
import { refreshConnections } from './state/connection-actions';
import { applyConnections, resetConnections } from './state/connections-store';
import { setLivePredictiveAlarm } from './state/predictive-alarm-store';
import { pushNotice, sessionStore } from './state/session-store';
import { ingestTelemetry, resetTelemetry } from './state/telemetry-store';
import { viewStore } from './state/view-store';
import { phraseText } from './i18n/phrase-text';
import { sessionNoticeText } from './shell/session-notice';

/** Ring capacity: one hour of 1 Hz samples, plenty for sparklines and the selection chart. */
const RING_CAPACITY = 3600;

function applySession(session: SessionInfo): void {
  const previous = sessionStore.getState().session;
  if (!previous || previous.asset !== session.asset) resetTelemetry(session.asset.tags.length, RING_CAPACITY);
  if (previous?.asset.id !== session.asset.id) resetConnections();
  sessionStore.setState({ session, sim: session.sim, alarms: session.alarms });
  setLivePredictiveAlarm(session.predictiveAlarm ?? null);
  // A new session may run from other sources (asset change, source switch): ask how they stand.
  void refreshConnections();
  const selected = viewStore.getState().selectedComponent;
  if (selected && !session.asset.components.some((c) => c.id === selected))
    viewStore.setState({ selectedComponent: null });
}

/** The session's connection state, which the status bar words, from the transport's typed event. */
function onConnection(connection: ConnectionEvent, client: TwinClient): void {
  if (connection.kind === 'connected') {
    sessionStore.setState({ connection: 'open' });
    void client.getSession({}).then(applySession);
  } else sessionStore.setState({ connection: 'closed' });
}

function onEvent(event: TwinClientEvent, client: TwinClient): void {
  switch (event.type) {
    case 'telemetry':
      ingestTelemetry(event.frame);
      break;
    case 'sim':
      sessionStore.setState({ sim: event.status });
      break;
    case 'alarms':
      sessionStore.setState({ alarms: event.snapshot.alarms });
      if (event.snapshot.predictive !== undefined) setLivePredictiveAlarm(event.snapshot.predictive);
      break;
    case 'session': {
      const before = sessionStore.getState().session;
      const sameAsset =
        before?.asset.id === event.session.asset.id && before.assetSource === event.session.assetSource;
      applySession(event.session);
      // The same asset again means its data source changed (simulator ⇄ live sources), not a new asset.
      pushNotice('info', sessionNoticeText(event.session, sameAsset));
      break;
    }
    case 'connection':
      onConnection(event.connection, client);
      break;
    case 'notice':
      pushNotice(event.level, event.phrase ? phraseText(event.phrase, event.message) : event.message);
      break;
    case 'connections':
      applyConnections(event.snapshot, sessionStore.getState().session?.asset.id ?? null);
      break;
  }
}

/** Wires backend events into the stores and loads the first session. */
export function connectToBackend(client: TwinClient): () => void {
  const unsubscribe = client.subscribe((event) => onEvent(event, client));
  // The Electron bridge is connected from the start; the WebSocket client announces its connection.
  if (window.twin) {
    sessionStore.setState({ connection: 'open' });
    void client.getSession({}).then(applySession);
  }
  return unsubscribe;
}
