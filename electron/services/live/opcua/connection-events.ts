import type { ClientSession, OPCUAClient } from 'node-opcua';
import type { OpcuaConnectionDefinition } from '../../../../core/asset/sources-schema';
import { said, type Said } from '../../../../core/text/phrase';
import { asError, type ConnectorSink } from '../connector';
import { describeOpcuaError } from './opcua-errors';

export interface ConnectionEventsContext {
  connection: OpcuaConnectionDefinition;
  sink: ConnectorSink;
  /** Why the endpoint cannot be reached right now, in plain words; null when the attempt was stopped meanwhile. */
  probe(timeoutMs: number): Promise<Said | null>;
  /** False once the attempt these events belong to was stopped or replaced. */
  isCurrent(): boolean;
}

/** How long a reachability probe may take at most before the next retry. */
const MAX_PROBE_MS = 3000;

/**
 * node-opcua retries and repairs the connection on its own (new secure channel, session reactivated or
 * recreated, subscriptions transferred or recreated); this maps its events to the connection's state.
 */
export function reportClientEvents(client: OPCUAClient, context: ConnectionEventsContext): void {
  const { connection, sink } = context;
  const reconnecting = (why: Said, nextRetryAt?: number) => {
    if (context.isCurrent())
      sink.state('reconnecting', nextRetryAt === undefined ? asError(why) : { ...asError(why), nextRetryAt });
  };
  // Counts the times a channel came up, so that a probe finishing after that says nothing.
  let channelsUp = 0;
  for (const event of ['connected', 'after_reconnection', 'connection_reestablished'] as const)
    client.on(event, () => channelsUp++);
  client.on('backoff', (_count, delay) => {
    const nextRetryAt = Date.now() + delay;
    const upBefore = channelsUp;
    void context.probe(Math.min(MAX_PROBE_MS, Math.max(200, delay))).then((reason) => {
      if (reason !== null && channelsUp === upBefore) reconnecting(reason, nextRetryAt);
    });
  });
  const { url } = connection;
  client.on('connection_lost', () =>
    reconnecting(said('lostConnection', { url }, `lost the connection to ${url}`)),
  );
  client.on('reconnection_attempt_has_failed', (error) =>
    reconnecting(describeOpcuaError(error, connection)),
  );
  client.on('connection_reestablished', () => {
    if (context.isCurrent()) sink.state('connected');
  });
}

export function reportSessionEvents(session: ClientSession, context: ConnectionEventsContext): void {
  session.on('session_restored', () => {
    if (context.isCurrent()) context.sink.state('connected');
  });
}

/**
 * The sink, minus a state identical to the one just reported: node-opcua signals a repaired connection
 * both on the client and on the session.
 */
export function skipRepeatedStates(sink: ConnectorSink): ConnectorSink {
  let last = '';
  return {
    value: (index, raw, sourceTs, quality) => sink.value(index, raw, sourceTs, quality),
    message: () => sink.message(),
    badPayload: (problem) => sink.badPayload(problem),
    unknownMetric: (problem) => sink.unknownMetric(problem),
    problem: (problem) => sink.problem(problem),
    stale: (indexes, reason) => sink.stale(indexes, reason),
    untrustedCertificate: (info) => sink.untrustedCertificate(info),
    state: (state, detail) => {
      const key = JSON.stringify([state, detail ?? {}]);
      if (key === last) return;
      last = key;
      if (detail) sink.state(state, detail);
      else sink.state(state);
    },
  };
}
