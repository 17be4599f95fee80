import { OPCUAClient, type ClientSession, type OPCUACertificateManager } from 'node-opcua';
import type { ControlWrite, OpcuaConnectionDefinition } from '../../../../core/asset/sources-schema';
import { said } from '../../../../core/text/phrase';
import {
  asError,
  type Connector,
  type ConnectorContext,
  type ConnectorFactory,
  type ConnectorSink,
} from '../connector';
import { clientCertificateFile, openClientPki } from './client-pki';
import {
  reportClientEvents,
  reportSessionEvents,
  skipRepeatedStates,
  type ConnectionEventsContext,
} from './connection-events';
import { probeEndpoint } from './endpoint-probe';
import { clientOptions, securityModeOf, securityPolicyOf, userIdentity } from './opcua-client-options';
import { describeOpcuaError, errorText } from './opcua-errors';
import { BindingReporter, monitorBindings, type MonitoredBinding } from './opcua-monitoring';
import { writeNumber } from './opcua-write';
import { fetchServerCertificate, normalizeThumbprint, type ServerCertificate } from './server-certificate';

/** Wait before a new attempt after a failure node-opcua does not retry itself (e.g. session creation). */
const RETRY_AFTER_FAILURE_MS = 5000;

export const createOpcuaConnector: ConnectorFactory = (context) => {
  if (context.connection.kind !== 'opcua')
    throw new Error(`connection "${context.connection.id}" is ${context.connection.kind}, not OPC UA`);
  return new OpcuaConnector(context, context.connection);
};

class OpcuaConnector implements Connector {
  private running = false;
  /** Bumped by every (re)start and stop: callbacks of an older attempt see they are stale. */
  private attempt = 0;
  private pki: Promise<OPCUACertificateManager> | null = null;
  private client: OPCUAClient | null = null;
  private session: ClientSession | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private probes = new AbortController();
  private pendingCertificate: ServerCertificate | null = null;
  private readonly bindings: MonitoredBinding[];
  private readonly sink: ConnectorSink;

  constructor(
    private readonly context: ConnectorContext,
    private readonly connection: OpcuaConnectionDefinition,
  ) {
    this.sink = skipRepeatedStates(context.sink);
    this.bindings = context.bindings.flatMap(({ index, binding }) =>
      binding.nodeId ? [{ index, nodeId: binding.nodeId }] : [],
    );
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.attempt++;
    await this.closeClient();
    const pki = this.pki;
    this.pki = null;
    await (await pki?.catch(() => null))?.dispose();
    this.sink.state('disconnected');
  }

  async write(write: ControlWrite, value: number): Promise<void> {
    if (!write.nodeId) throw new Error(`control "${write.control}" has no OPC UA nodeId to write`);
    const session = this.session;
    if (!session || !this.client || this.client.isReconnecting)
      throw new Error(`OPC UA ${write.nodeId}: not connected to ${this.connection.url}, nothing was written`);
    await writeNumber(session, write.nodeId, value);
  }

  async trust(thumbprint: string): Promise<void> {
    const url = this.connection.url;
    const pending = this.pendingCertificate;
    if (!pending) throw new Error(`no server certificate of ${url} is waiting to be trusted`);
    if (normalizeThumbprint(thumbprint) !== normalizeThumbprint(pending.thumbprint))
      throw new Error(
        `thumbprint ${thumbprint} does not match the server certificate of ${url} waiting to be trusted (${pending.thumbprint})`,
      );
    await (await this.openPki()).trustCertificate(pending.der);
    this.pendingCertificate = null;
    this.sink.untrustedCertificate(null);
    if (this.running) {
      this.attempt++;
      await this.closeClient();
      void this.connect();
    }
  }

  private async connect(): Promise<void> {
    const attempt = ++this.attempt;
    const isCurrent = () => this.running && attempt === this.attempt;
    const sink = this.sink;
    sink.state('connecting');
    try {
      const pki = await this.openPki();
      const identity = userIdentity(this.connection, this.context.password);
      if (!isCurrent()) return;
      const client = OPCUAClient.create(clientOptions(this.connection, pki));
      this.client = client;
      const events = this.eventsContext(isCurrent);
      reportClientEvents(client, events);
      await client.connect(this.connection.url);
      if (!isCurrent()) return;
      const session = await client.createSession(identity);
      this.session = session;
      reportSessionEvents(session, events);
      if (!isCurrent()) return;
      await monitorBindings(session, this.connection, this.bindings, new BindingReporter(sink));
      if (isCurrent()) sink.state('connected');
    } catch (error) {
      if (!isCurrent()) return;
      await this.closeClient();
      if (isCurrent()) await this.fail(error, isCurrent);
    }
  }

  /** The client PKI, opened once per connector (and closed by stop()). */
  private openPki(): Promise<OPCUACertificateManager> {
    this.pki ??= openClientPki(this.context.dataDir).catch((error: unknown) => {
      this.pki = null;
      throw new Error(`cannot open the OPC UA certificate folder: ${errorText(error)}`);
    });
    return this.pki;
  }

  private eventsContext(isCurrent: () => boolean): ConnectionEventsContext {
    return {
      connection: this.connection,
      sink: this.sink,
      isCurrent,
      probe: async (timeoutMs) => {
        const reason = await probeEndpoint(this.connection.url, timeoutMs, this.probes.signal);
        return isCurrent() ? reason : null;
      },
    };
  }

  private async fail(error: unknown, isCurrent: () => boolean): Promise<void> {
    const sink = this.sink;
    const failure = describeOpcuaError(error, this.connection);
    if (failure.kind === 'untrusted-server-certificate') {
      const certificate = await fetchServerCertificate(
        this.connection.url,
        securityModeOf(this.connection),
        securityPolicyOf(this.connection),
        await this.openPki(),
      ).catch(() => null);
      if (!isCurrent()) return;
      if (certificate) {
        this.pendingCertificate = certificate;
        sink.untrustedCertificate({ thumbprint: certificate.thumbprint, subject: certificate.subject });
        const { url } = this.connection;
        const { thumbprint } = certificate;
        sink.state(
          'failed',
          asError(
            said(
              'serverCertAwaitingTrust',
              { url, thumbprint },
              `server certificate of ${url} is not trusted yet (thumbprint ${thumbprint}); trust it in the Connections panel`,
            ),
          ),
        );
        return;
      }
    }
    if (failure.kind === 'client-certificate-refused') {
      const ownCertificate = clientCertificateFile(await this.openPki());
      if (!isCurrent()) return;
      failure.message += ` (Twinscape's certificate: ${ownCertificate})`;
      failure.phrase = {
        code: 'clientCertRefusedFile',
        params: { ...failure.phrase.params, ownCertificate },
      };
    }
    if (failure.needsUser) {
      sink.state('failed', asError(failure));
      return;
    }
    const nextRetryAt = Date.now() + RETRY_AFTER_FAILURE_MS;
    sink.state('reconnecting', { ...asError(failure), nextRetryAt });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (isCurrent()) void this.connect();
    }, RETRY_AFTER_FAILURE_MS);
  }

  /** Ends the current attempt's timers, probes, session and client (the client closes its subscriptions). */
  private async closeClient(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.probes.abort();
    this.probes = new AbortController();
    const client = this.client;
    this.client = null;
    this.session = null;
    if (client)
      await client
        .disconnect()
        .catch((error: unknown) =>
          this.sink.problem(
            said(
              'opcuaCloseFailed',
              { url: this.connection.url, detail: errorText(error) },
              `OPC UA ${this.connection.url}: closing the connection failed (${errorText(error)})`,
            ),
          ),
        );
  }
}
