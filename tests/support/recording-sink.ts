// A ConnectorSink that remembers everything a connector reported, for tests and benchmarks.
import type { ConnectionState } from '../../core/api/domains/connections';
import type { SourceQuality } from '../../core/live/source-value';
import type { Said } from '../../core/text/phrase';
import type { ConnectorSink } from '../../electron/services/live/connector';

export interface RecordedValue {
  index: number;
  raw: unknown;
  sourceTs: number | null;
  quality: SourceQuality;
  /** Wall time it was reported. */
  at: number;
}

export interface RecordedState {
  state: ConnectionState;
  error?: string | undefined;
  nextRetryAt?: number | undefined;
  at: number;
}

export class RecordingSink implements ConnectorSink {
  readonly values: RecordedValue[] = [];
  readonly badPayloads: string[] = [];
  readonly unknownMetrics: string[] = [];
  readonly problems: string[] = [];
  readonly states: RecordedState[] = [];
  readonly stales: { indexes: readonly number[]; reason: string }[] = [];
  /** Every problem, bad payload, unknown metric and stale reason reported, in order, with its phrase. */
  readonly said: Said[] = [];
  readonly certificates: ({ thumbprint: string; subject: string } | null)[] = [];
  messages = 0;

  value(index: number, raw: unknown, sourceTs: number | null, quality: SourceQuality): void {
    this.values.push({ index, raw, sourceTs, quality, at: Date.now() });
  }
  message(): void {
    this.messages += 1;
  }
  badPayload(problem: Said): void {
    this.badPayloads.push(this.words(problem));
  }
  unknownMetric(problem: Said): void {
    this.unknownMetrics.push(this.words(problem));
  }
  problem(problem: Said): void {
    this.problems.push(this.words(problem));
  }
  state(state: ConnectionState, detail?: { error?: string; nextRetryAt?: number }): void {
    this.states.push({ state, error: detail?.error, nextRetryAt: detail?.nextRetryAt, at: Date.now() });
  }
  stale(indexes: readonly number[], reason: Said): void {
    this.stales.push({ indexes, reason: this.words(reason) });
  }
  private words(problem: Said): string {
    this.said.push(problem);
    return problem.message;
  }
  untrustedCertificate(info: { thumbprint: string; subject: string } | null): void {
    this.certificates.push(info);
  }

  get lastState(): RecordedState | undefined {
    return this.states.at(-1);
  }

  /** Values reported for one binding, oldest first. */
  valuesOf(index: number): RecordedValue[] {
    return this.values.filter((v) => v.index === index);
  }

  /** Good values of this binding reported at or after `since` (wall ms). */
  goodValuesSince(index: number, since: number): RecordedValue[] {
    return this.values.filter((v) => v.index === index && v.quality === 'good' && v.at >= since);
  }

  /** Forgets what was recorded so far (keeps the counters' meaning per phase of a test). */
  clear(): void {
    for (const list of [
      this.values,
      this.badPayloads,
      this.unknownMetrics,
      this.problems,
      this.states,
      this.stales,
    ])
      list.length = 0;
    this.messages = 0;
  }
}
