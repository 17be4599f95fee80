import type { ConnectionState, ConnectionStatus } from '../../../core/api/domains/connections';
import type { ConnectionDefinition } from '../../../core/asset/sources-schema';
import type { Phrase, Said } from '../../../core/text/phrase';
import type { StateDetail } from './connector';

const MAX_PROBLEMS = 20;

/** Address without credentials, for the panel and logs. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

/** What the Connections panel shows about one connection: its state, rate and counters. */
export class ConnectionMonitor {
  private state: ConnectionState = 'disconnected';
  private nextRetryAt: number | null = null;
  private error: string | null = null;
  private errorPhrase: Phrase | null = null;
  private messages = 0;
  private rate = 0;
  private rateWindowStart: number;
  private lastMessageAt: number | null = null;
  private untrusted: ConnectionStatus['untrustedCertificate'] = null;
  private readonly problems: ConnectionStatus['recentProblems'] = [];
  badPayloads = 0;
  unknownMetrics = 0;

  constructor(
    readonly definition: ConnectionDefinition,
    private readonly now: () => number = Date.now,
  ) {
    this.rateWindowStart = now();
  }

  get currentState(): ConnectionState {
    return this.state;
  }

  setState(state: ConnectionState, detail?: StateDetail): void {
    this.state = state;
    this.nextRetryAt = detail?.nextRetryAt ?? null;
    if (state === 'connected') {
      this.error = null;
      this.errorPhrase = null;
    } else if (detail?.error) {
      if (detail.error !== this.error) this.addProblem(detail.error, detail.phrase);
      this.error = detail.error;
      this.errorPhrase = detail.phrase ?? null;
    }
  }

  message(): void {
    this.messages++;
    this.lastMessageAt = this.now();
  }

  badPayload({ message, phrase }: Said): void {
    this.badPayloads++;
    this.addProblem(message, phrase);
  }

  unknownMetric({ message, phrase }: Said): void {
    this.unknownMetrics++;
    this.addProblem(message, phrase);
  }

  addProblem(message: string, phrase?: Phrase): void {
    const last = this.problems[0];
    // A flood of the same problem keeps one line, its counter moves instead.
    if (last?.message === message) last.t = this.now();
    else this.problems.unshift({ t: this.now(), message, ...(phrase ? { phrase } : {}) });
    if (this.problems.length > MAX_PROBLEMS) this.problems.length = MAX_PROBLEMS;
  }

  setUntrusted(info: ConnectionStatus['untrustedCertificate']): void {
    this.untrusted = info;
  }

  status(): ConnectionStatus {
    const now = this.now();
    const windowMs = now - this.rateWindowStart;
    if (windowMs >= 1000) {
      this.rate = (this.messages * 1000) / windowMs;
      this.messages = 0;
      this.rateWindowStart = now;
    }
    const { definition } = this;
    return {
      id: definition.id,
      kind: definition.kind,
      ...(definition.kind === 'mqtt' ? { payload: definition.payload } : {}),
      url: displayUrl(definition.url),
      state: this.state,
      nextRetryAt: this.nextRetryAt,
      error: this.error,
      errorPhrase: this.errorPhrase,
      messagesPerSecond: Math.round(this.rate * 10) / 10,
      lastMessageAt: this.lastMessageAt,
      badPayloads: this.badPayloads,
      unknownMetrics: this.unknownMetrics,
      untrustedCertificate: this.untrusted,
      recentProblems: this.problems.map((p) => ({ ...p })),
    };
  }
}
