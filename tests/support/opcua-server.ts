// A real node-opcua server in the test process (127.0.0.1, a free port), publishing a few pump-skid tags
// as "ns=1;s=P101.<tag>" (see opcua-address-space.ts). Free of vitest so e2e tests and benches can use it.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  DataType,
  MessageSecurityMode,
  OPCUACertificateManager,
  OPCUAServer,
  SecurityPolicy,
  StatusCodes,
  get_mini_nodeset_filename,
  type StatusCode,
  type UAVariable,
} from 'node-opcua';
import {
  PUBLISHED_TAGS,
  addPumpSkid,
  animatedValue,
  nodeIdOf,
  publishedTag,
  type PublishedTag,
  type SetpointStore,
  type TagOrNodeId,
  type WritableSetpoint,
} from './opcua-address-space';

export * from './opcua-address-space';

export interface TestOpcuaServerOptions {
  /** Which endpoints the server offers: None only (default) or SignAndEncrypt with Basic256Sha256 only. */
  security?: 'None' | 'SignAndEncrypt';
  /** User name → password; when given, anonymous sessions are refused. */
  users?: Record<string, string>;
  /** Folder for the server's PKI; pass the same one to several servers to reuse their certificate (fast). */
  pkiDir?: string;
  /** How often the animated values change, ms (default 100). */
  updateMs?: number;
  /** TCP port (default: a free one). */
  port?: number;
  /**
   * Other URLs clients reach this server by (e.g. through a proxy). The mini nodeset lacks the event type
   * node-opcua raises for an unknown endpoint URL, so such a URL must be declared here.
   */
  advertisedUrls?: string[];
}

export interface TestOpcuaServer {
  readonly url: string;
  readonly port: number;
  /** SHA-1 of the server certificate (DER), lower-case hex pairs joined by ":". */
  readonly certificateThumbprint: string;
  /** Sessions clients have created, over all restarts (a reactivated session is not counted again). */
  readonly sessionsCreated: number;
  /** Every value written to a writable setpoint, oldest first. */
  readonly writes: readonly { name: WritableSetpoint; value: number }[];
  /** Sets a published tag's value (it stops animating); `sourceTimestamp` defaults to now. */
  setValue(tag: TagOrNodeId, value: number, sourceTimestamp?: Date): void;
  /** Gives a published tag this Bad (or Uncertain) status with no value; it stops animating. */
  setBad(tag: TagOrNodeId, statusCode: StatusCode): void;
  /** Lets a tag animate again with status Good. */
  animate(tag: TagOrNodeId): void;
  /** The setpoint's current value on the server. */
  setpoint(name: WritableSetpoint): number;
  /** Shuts the server down (the port stays free until restart()). */
  stop(): Promise<void>;
  /** A new server on the same port, certificate and address space (sessions and subscriptions are gone). */
  restart(): Promise<void>;
  /** Stops it and removes its PKI folder when the server created it. */
  dispose(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (typeof address !== 'object' || !address) throw new Error('could not find a free TCP port');
  return address.port;
}

const sha1Thumbprint = (der: Buffer) =>
  (createHash('sha1').update(der).digest('hex').match(/../g) ?? []).join(':');

export async function startTestOpcuaServer(options: TestOpcuaServerOptions = {}): Promise<TestOpcuaServer> {
  const ownPki = options.pkiDir === undefined;
  const pkiDir = options.pkiDir ?? mkdtempSync(path.join(os.tmpdir(), 'twin-opcua-server-'));
  const port = options.port ?? (await freePort());
  const secure = options.security === 'SignAndEncrypt';
  const users = options.users;
  const setpoints: SetpointStore = { values: { speed_setpoint: 50, valve_setpoint: 80 }, writes: [] };
  const manual = new Set<PublishedTag>();
  let variables = new Map<PublishedTag, UAVariable>();
  let server: OPCUAServer | null = null;
  let timer: NodeJS.Timeout | null = null;
  let sessionsCreated = 0;

  const certificateManager = (name: string) =>
    new OPCUACertificateManager({
      rootFolder: path.join(pkiDir, name),
      automaticallyAcceptUnknownCertificate: true,
      disableFileWatchers: true,
    });

  async function begin(): Promise<OPCUAServer> {
    const created = new OPCUAServer({
      port,
      host: '127.0.0.1',
      hostname: '127.0.0.1',
      advertisedEndpoints: options.advertisedUrls ?? [],
      // The mini nodeset starts in well under a second; the full standard one takes several.
      nodeset_filename: [get_mini_nodeset_filename()],
      securityModes: [secure ? MessageSecurityMode.SignAndEncrypt : MessageSecurityMode.None],
      // Basic256Sha256 next to None lets the None endpoint take an encrypted user name and password token.
      securityPolicies: secure
        ? [SecurityPolicy.Basic256Sha256]
        : [SecurityPolicy.None, SecurityPolicy.Basic256Sha256],
      allowAnonymous: !users,
      serverCertificateManager: certificateManager('server'),
      userCertificateManager: certificateManager('user'),
      ...(users
        ? { userManager: { isValidUser: (name: string, password: string) => users[name] === password } }
        : {}),
      buildInfo: { productName: 'Twinscape test OPC UA server' },
    });
    created.on('create_session', () => sessionsCreated++);
    await created.initialize();
    variables = addPumpSkid(created, setpoints);
    await created.start();
    server = created;
    timer = setInterval(() => {
      for (const name of PUBLISHED_TAGS)
        if (!manual.has(name))
          variables
            .get(name)
            ?.setValueFromSource({ dataType: DataType.Double, value: animatedValue(name, Date.now()) });
    }, options.updateMs ?? 100);
    return created;
  }

  async function stop() {
    if (timer) clearInterval(timer);
    timer = null;
    variables = new Map();
    const running = server;
    server = null;
    if (running) await running.shutdown(0);
  }

  const variable = (tag: TagOrNodeId) => {
    const name = publishedTag(tag);
    const found = variables.get(name);
    if (!found) throw new Error(`test OPC UA server is stopped; ${nodeIdOf(name)} cannot change`);
    manual.add(name);
    return found;
  };

  const certificate = (await begin()).getCertificate();

  return {
    url: `opc.tcp://127.0.0.1:${port}`,
    port,
    certificateThumbprint: sha1Thumbprint(certificate),
    get sessionsCreated() {
      return sessionsCreated;
    },
    writes: setpoints.writes,
    setValue(tag, value, sourceTimestamp = new Date()) {
      variable(tag).setValueFromSource(
        { dataType: DataType.Double, value },
        StatusCodes.Good,
        sourceTimestamp,
      );
    },
    setBad(tag, statusCode) {
      variable(tag).setValueFromSource({ dataType: DataType.Null }, statusCode, new Date());
    },
    animate(tag) {
      manual.delete(publishedTag(tag));
    },
    setpoint: (name) => setpoints.values[name],
    stop,
    async restart() {
      await stop();
      await begin();
    },
    async dispose() {
      await stop();
      if (ownPki) rmSync(pkiDir, { recursive: true, force: true });
    },
  };
}
