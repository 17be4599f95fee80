import { z } from 'zod';

const id = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, 'must be lower-case letters, digits, "_" or "-", starting with a letter');

/** Name of an environment variable that holds a secret (web mode); the secret itself never goes in the file. */
const envName = z
  .string()
  .regex(/^[A-Z_][A-Z0-9_]*$/, 'must be an environment variable name like "TWINSCAPE_BROKER_PASSWORD"');

const mqttUrl = z
  .string()
  .max(512)
  .regex(
    /^mqtts?:\/\/[^\s/]+(:\d+)?\/?$/,
    'must be an address like "mqtt://host:1883" or "mqtts://host:8883"',
  );

const opcuaUrl = z
  .string()
  .max(512)
  .regex(/^opc\.tcp:\/\/[^\s]+$/, 'must be an endpoint like "opc.tcp://host:4840"');

export const mqttConnectionSchema = z
  .object({
    id,
    kind: z.literal('mqtt'),
    /** Broker address; `--connection <id>=<url>` overrides it at start. */
    url: mqttUrl,
    /** Payload convention: plain JSON topics or Sparkplug B (spBv1.0). */
    payload: z.enum(['json', 'sparkplug']).default('json'),
    username: z.string().min(1).max(256).optional(),
    /** Environment variable holding the password in web mode; the desktop app keeps it with safeStorage. */
    passwordEnv: envName.optional(),
    /** Certificate authority (PEM file, relative to the asset file or absolute) that signs the broker's certificate. */
    caFile: z.string().min(1).max(1024).optional(),
    /** MQTT client id; a persistent session needs a stable one. Default "twinscape-<asset>-<connection>-<host>". */
    clientId: z.string().min(1).max(128).optional(),
    /** Sparkplug B: the group id whose edge nodes are subscribed to. */
    sparkplugGroup: z.string().min(1).max(128).optional(),
  })
  .strict();

export const opcuaConnectionSchema = z
  .object({
    id,
    kind: z.literal('opcua'),
    /** Endpoint URL; `--connection <id>=<url>` overrides it at start. */
    url: opcuaUrl,
    securityMode: z.enum(['None', 'SignAndEncrypt']).default('None'),
    /** Basic256Sha256 with SignAndEncrypt; None with None. */
    securityPolicy: z.enum(['None', 'Basic256Sha256']).default('None'),
    username: z.string().min(1).max(256).optional(),
    passwordEnv: envName.optional(),
    /** How often the server samples each monitored item, ms. */
    samplingIntervalMs: z.number().int().min(10).max(60_000).default(1000),
  })
  .strict()
  .superRefine((c, ctx) => {
    if ((c.securityMode === 'None') !== (c.securityPolicy === 'None'))
      ctx.addIssue({
        code: 'custom',
        path: ['securityPolicy'],
        message: `security mode ${c.securityMode} needs policy ${c.securityMode === 'None' ? 'None' : 'Basic256Sha256'}`,
      });
  });

export const connectionSchema = z.discriminatedUnion('kind', [mqttConnectionSchema, opcuaConnectionSchema]);

/** JSON pointer (RFC 6901), e.g. "/pressure" or "" for the whole payload. */
const jsonPointer = z
  .string()
  .max(256)
  .regex(/^(\/[^/]*)*$/, 'must be a JSON pointer like "/value" or "/data/0/v" ("" for the whole payload)');

const mqttTopic = z
  .string()
  .min(1)
  .max(512)
  .refine((t) => !/[#+]/.test(t), 'must be a plain topic without the wildcards "+" or "#"');

export const tagBindingSchema = z
  .object({
    /** Tag of the asset this binding feeds. */
    tag: id,
    /** Connection (by id) the value comes from. */
    connection: id,
    /** MQTT JSON: the topic, and where in its JSON payload the value (and optionally the timestamp) is. */
    topic: mqttTopic.optional(),
    value: jsonPointer.optional(),
    timestamp: jsonPointer.optional(),
    /** Sparkplug B: edge node, optional device, metric name (the group is the connection's). */
    edgeNode: z.string().min(1).max(128).optional(),
    device: z.string().min(1).max(128).optional(),
    metric: z.string().min(1).max(256).optional(),
    /** OPC UA: NodeId of the variable, e.g. "ns=2;s=P101.FT101". */
    nodeId: z.string().min(1).max(512).optional(),
    /** Unit the source sends, converted to the tag's unit; default the tag's unit. */
    unit: z.string().min(1).optional(),
    /** Applied after unit conversion: value × scale + offset. */
    scale: z.number().finite().default(1),
    offset: z.number().finite().default(0),
    /** Changes smaller than this (tag's unit) are not taken as a new value. */
    deadband: z.number().finite().min(0).default(0),
    /** Seconds without an update after which the tag turns stale. */
    staleAfterS: z.number().positive().max(86_400).default(10),
  })
  .strict();

/** A control that may be written back to real equipment (read-only unless listed here). */
export const controlWriteSchema = z
  .object({
    control: id,
    connection: id,
    /** MQTT: the topic the new setpoint is published on, as {"value": v, "timestamp": ms}. */
    topic: mqttTopic.optional(),
    /** OPC UA: the variable written. */
    nodeId: z.string().min(1).max(512).optional(),
    /** Writing needs this to be true, on purpose, per control. */
    writable: z.boolean().default(false),
  })
  .strict();

export const sourcesSchema = z
  .object({
    /** Where the asset's data comes from when it starts: its simulator or its live sources. */
    use: z.enum(['simulator', 'live']).default('live'),
    connections: z.array(connectionSchema).min(1).max(32),
    bindings: z.array(tagBindingSchema).max(10_000),
    writes: z.array(controlWriteSchema).max(256).default([]),
    /** Source clock ahead of or behind the host by more than this is reported, seconds. */
    clockSkewWarnS: z.number().positive().max(86_400).default(5),
    /** How long samples wait for late ones from other tags before a row is formed, ms. */
    reorderWindowMs: z.number().int().min(0).max(10_000).default(100),
  })
  .strict()
  .superRefine((sources, ctx) => {
    const byId = new Map(sources.connections.map((c) => [c.id, c]));
    const seen = new Set<string>();
    sources.connections.forEach((c, i) => {
      if (seen.has(c.id))
        ctx.addIssue({
          code: 'custom',
          path: ['connections', i, 'id'],
          message: `duplicate connection id "${c.id}"`,
        });
      seen.add(c.id);
    });
    sources.bindings.forEach((b, i) => {
      const connection = byId.get(b.connection);
      const at = (field: string) => ['bindings', i, field];
      if (!connection) {
        ctx.addIssue({
          code: 'custom',
          path: at('connection'),
          message: `unknown connection "${b.connection}"; the file has: ${[...byId.keys()].join(', ')}`,
        });
        return;
      }
      const need = (field: keyof typeof b, why: string) => {
        if (b[field] === undefined)
          ctx.addIssue({ code: 'custom', path: at(field), message: `${field} is needed ${why}` });
      };
      if (connection.kind === 'opcua') need('nodeId', 'for an OPC UA connection');
      else if (connection.payload === 'sparkplug') {
        need('edgeNode', 'for a Sparkplug B connection');
        need('metric', 'for a Sparkplug B connection');
        if (!connection.sparkplugGroup)
          ctx.addIssue({
            code: 'custom',
            path: ['connections', sources.connections.indexOf(connection), 'sparkplugGroup'],
            message: 'sparkplugGroup is needed for a Sparkplug B connection',
          });
      } else need('topic', 'for an MQTT JSON connection');
    });
    sources.writes.forEach((w, i) => {
      const connection = byId.get(w.connection);
      if (!connection)
        ctx.addIssue({
          code: 'custom',
          path: ['writes', i, 'connection'],
          message: `unknown connection "${w.connection}"`,
        });
      else if (connection.kind === 'opcua' && !w.nodeId)
        ctx.addIssue({
          code: 'custom',
          path: ['writes', i, 'nodeId'],
          message: 'nodeId is needed for an OPC UA connection',
        });
      else if (connection.kind === 'mqtt' && !w.topic)
        ctx.addIssue({
          code: 'custom',
          path: ['writes', i, 'topic'],
          message: 'topic is needed for an MQTT connection',
        });
    });
  });

export type ConnectionDefinition = z.infer<typeof connectionSchema>;
export type MqttConnectionDefinition = z.infer<typeof mqttConnectionSchema>;
export type OpcuaConnectionDefinition = z.infer<typeof opcuaConnectionSchema>;
export type TagBinding = z.infer<typeof tagBindingSchema>;
export type ControlWrite = z.infer<typeof controlWriteSchema>;
export type SourcesDefinition = z.infer<typeof sourcesSchema>;
