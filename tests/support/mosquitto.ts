// A real Mosquitto broker for tests, benchmarks and scripts: one process on 127.0.0.1, a free port, its
// config, log, persistence and certificates in a temp folder. Free of vitest so scripts can use it too.
// The broker dies with the process that started it, even one killed outright (see guarded-process.ts).
//
//   const broker = await startMosquitto({ tls: true, users: { twinscape: 'secret' } });
//   broker.url  // "mqtts://127.0.0.1:40123"; broker.certificates!.caFile for the client
//   await broker.kill(); await broker.restart(); await broker.dispose();
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findExecutable } from './executables';
import { GuardedProcess } from './guarded-process';
import { writePasswordFile } from './mosquitto-passwords';
import { makeTestCertificates, type TestCertificates } from './test-certificates';

export interface MosquittoOptions {
  /** A TLS listener (mqtts://) with a test CA and server certificate made by openssl at start. */
  tls?: boolean;
  /** User name → password; when given, anonymous clients are refused. */
  users?: Readonly<Record<string, string>>;
}

const READY_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 10_000;

/** Why broker tests cannot run here (mosquitto or openssl missing), or null when they can. */
export function mosquittoSkipReason(options: { tls?: boolean } = {}): string | null {
  if (!findExecutable('mosquitto'))
    return 'mosquitto is not installed (Debian/Ubuntu: apt-get install mosquitto); MQTT broker tests skipped';
  if (options.tls && !findExecutable('openssl')) return 'openssl is not installed; MQTT TLS tests skipped';
  return null;
}

/** A port nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export class Mosquitto {
  private process: GuardedProcess | null = null;

  private constructor(
    readonly port: number,
    /** Temp folder with the config, log, persistence and certificates. */
    readonly dir: string,
    /** The test CA and server certificate when started with `tls`. */
    readonly certificates: TestCertificates | null,
    private readonly mosquittoPath: string,
  ) {}

  static async start(options: MosquittoOptions = {}): Promise<Mosquitto> {
    const skip = mosquittoSkipReason(options);
    if (skip) throw new Error(skip);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twinscape-mosquitto-'));
    try {
      const certificates = options.tls ? makeTestCertificates(path.join(dir, 'certs')) : null;
      const broker = new Mosquitto(
        await freePort(),
        dir,
        certificates,
        findExecutable('mosquitto') as string,
      );
      broker.writeConfig(options);
      await broker.launch();
      return broker;
    } catch (error) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  get url(): string {
    return `${this.certificates ? 'mqtts' : 'mqtt'}://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.process !== null;
  }

  /** What the broker logged so far (handy in a failing test's message). */
  log(): string {
    try {
      return fs.readFileSync(path.join(this.dir, 'mosquitto.log'), 'utf8');
    } catch {
      return '';
    }
  }

  /** How many times the log shows a subscription to exactly `topic` (by any client). */
  subscriptionCount(topic: string): number {
    const escaped = topic.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.log().match(new RegExp(`^\\d+: \\S+ \\d ${escaped}$`, 'gm'))?.length ?? 0;
  }

  /** Waits until the broker logged `count` subscriptions to `topic` (a client's SUBACK is not visible outside). */
  async waitForSubscription(topic: string, count = 1, timeoutMs = READY_TIMEOUT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.subscriptionCount(topic) < count) {
      if (Date.now() > deadline)
        throw new Error(
          `no client subscribed to ${topic} at ${this.url} within ${timeoutMs} ms:\n${this.log()}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Stops the broker cleanly (SIGTERM: it saves its sessions and queued QoS 1 messages first). */
  stop(): Promise<void> {
    return this.signal('SIGTERM');
  }

  /** Kills the broker at once (SIGKILL), as a crash would: clients see the connection drop. */
  kill(): Promise<void> {
    return this.signal('SIGKILL');
  }

  /** Stops the broker if it runs, starts it again on the same port and waits until it accepts connections. */
  async restart(): Promise<void> {
    await this.stop();
    await this.launch();
  }

  /** Stops the broker and deletes its temp folder. */
  async dispose(): Promise<void> {
    await this.stop();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private writeConfig(options: MosquittoOptions): void {
    const lines = [
      `listener ${this.port} 127.0.0.1`,
      `persistence true`,
      `persistence_location ${this.dir}${path.sep}`,
      `log_dest file ${path.join(this.dir, 'mosquitto.log')}`,
      'log_type error',
      'log_type warning',
      'log_type notice',
      'log_type information',
      'log_type subscribe',
      'connection_messages true',
    ];
    // Run as root, mosquitto would switch to the "mosquitto" user, which cannot read the temp folder.
    if (process.getuid?.() === 0) lines.push('user root');
    if (this.certificates) {
      const { caFile, serverCertFile, serverKeyFile } = this.certificates;
      lines.push(`cafile ${caFile}`, `certfile ${serverCertFile}`, `keyfile ${serverKeyFile}`);
    }
    if (options.users) {
      const passwordFile = path.join(this.dir, 'passwords');
      writePasswordFile(passwordFile, options.users);
      lines.push(`password_file ${passwordFile}`, 'allow_anonymous false');
    } else lines.push('allow_anonymous true');
    fs.writeFileSync(path.join(this.dir, 'mosquitto.conf'), `${lines.join('\n')}\n`);
  }

  private async launch(): Promise<void> {
    const broker = await GuardedProcess.start(this.mosquittoPath, [
      '-c',
      path.join(this.dir, 'mosquitto.conf'),
    ]);
    this.process = broker;
    void broker.exited.then(() => {
      if (this.process === broker) this.process = null;
    });
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (!(await canConnect(this.port))) {
      if (broker.exitedHow || Date.now() > deadline) {
        const why = broker.exitedHow ?? `did not accept connections within ${READY_TIMEOUT_MS} ms`;
        await broker.stop('SIGKILL', STOP_TIMEOUT_MS);
        throw new Error(`mosquitto on port ${this.port} ${why}:\n${broker.stderr}${this.log()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    await this.process?.stop(signal, STOP_TIMEOUT_MS);
  }
}

export const startMosquitto = (options?: MosquittoOptions): Promise<Mosquitto> => Mosquitto.start(options);
