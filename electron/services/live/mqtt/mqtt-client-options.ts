import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IClientOptions } from 'mqtt';
import type { MqttConnectionDefinition } from '../../../../core/asset/sources-schema';

/** How long the broker keeps our session (subscriptions, queued QoS 1 messages) after we went away. */
export const SESSION_EXPIRY_S = 3600;

/** Fixed for the life of this process; see defaultClientId. */
const PROCESS_SUFFIX = crypto.randomBytes(3).toString('hex');

/**
 * "twinscape-<asset>-<connection>-<host>-<random>". The broker drops a session when another client connects
 * with its id, so two backends sharing an id (desktop and web mode on one host, or two copies of the app)
 * would knock each other off in turns. The random part is drawn once per process: the persistent session
 * still carries us across reconnects and broker restarts (the case that matters for live values), and the
 * session of a process that is gone expires after SESSION_EXPIRY_S instead of queueing messages forever.
 * An asset that wants its session to outlive the app sets `clientId`, which is then used as it is.
 */
export function defaultClientId(assetId: string, connectionId: string): string {
  const host = os
    .hostname()
    .replace(/[^A-Za-z0-9_-]/g, '_')
    .slice(0, 32);
  return `twinscape-${assetId}-${connectionId}-${host}-${PROCESS_SUFFIX}`;
}

export type ClientOptionsResult = { ok: true; options: IClientOptions } | { ok: false; problem: string };

/** The mqtt.js options for this connection, or why they cannot be made (an unreadable CA file). */
export function mqttClientOptions(
  connection: MqttConnectionDefinition,
  context: { assetId: string; assetDir: string; password: string | undefined },
): ClientOptionsResult {
  const options: IClientOptions = {
    clientId: connection.clientId ?? defaultClientId(context.assetId, connection.id),
    clean: false,
    protocolVersion: 5,
    // MQTT 5 ends a session when the connection closes unless it is given an expiry.
    properties: { sessionExpiryInterval: SESSION_EXPIRY_S },
    // The connector drives reconnects itself (exponential backoff); 0 turns mqtt.js's fixed period off.
    reconnectPeriod: 0,
    connectTimeout: 10_000,
    keepalive: 30,
    resubscribe: false,
    // A setpoint must never be sent late from an offline queue; writes are refused while disconnected.
    queueQoSZero: false,
  };
  if (connection.username) options.username = connection.username;
  if (context.password !== undefined) options.password = context.password;
  if (connection.caFile) {
    const file = path.resolve(context.assetDir, connection.caFile);
    try {
      options.ca = fs.readFileSync(file);
    } catch (error) {
      const why =
        (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
      return { ok: false, problem: `cannot read caFile ${file} of connection "${connection.id}": ${why}` };
    }
  }
  return { ok: true, options };
}
