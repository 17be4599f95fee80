import type { AssetDefinition } from '../../../../core/asset/schema';
import type { StoreConnections } from '../store/connections';
import type { HistoryEventKind } from '../store/schema';
import * as queries from './store-queries';
import {
  finiteInt,
  type AlarmTransition,
  type HistoryEvent,
  type PlayheadState,
  type WindowQuery,
  type WindowResult,
} from '../store/store-types';

/** What the read side needs of the store besides its connections. */
export interface StoreReadsDeps {
  connections: StoreConnections;
  asset: AssetDefinition;
  /** Raw samples before this were removed by retention. */
  rawFrom(): number;
  /** Throws when the store is closed. */
  assertOpen(): void;
  /** Whether committed samples wait to be rolled up into minutes. */
  rollupIsDirty(): boolean;
  /** Brings the 1-minute rollup up to date (serialised with commits). */
  refreshDirtyRollup(): Promise<void>;
}

/** The read side of the history store: windows, the playhead state, events and spans, all on the reader connection. */
export class StoreReads {
  private readonly tagIndex: Map<string, number>;

  constructor(private readonly deps: StoreReadsDeps) {
    this.tagIndex = new Map(deps.asset.tags.map((t, i) => [t.id, i]));
  }

  private queryContext(): queries.QueryContext {
    const { connections, asset } = this.deps;
    return {
      reader: connections.reader,
      asset,
      tables: connections.tables,
      tagIndex: this.tagIndex,
      rawFrom: this.deps.rawFrom(),
    };
  }

  private assertOpen(): void {
    this.deps.assertOpen();
  }

  async queryWindow(q: WindowQuery): Promise<WindowResult> {
    this.assertOpen();
    const checked = queries.checkWindow(this.queryContext(), q);
    if (q.source !== 'raw' && this.deps.rollupIsDirty()) await this.deps.refreshDirtyRollup();
    return queries.readWindow(this.queryContext(), checked);
  }

  /** State at the playhead: per tag the last non-missing sample at or before ts (within lookBackMs). */
  async valuesAt(
    ts: number,
    options: { tagIds?: readonly string[]; lookBackMs?: number } = {},
  ): Promise<PlayheadState> {
    this.assertOpen();
    return queries.valuesAt(this.queryContext(), ts, options);
  }

  /** Events (and, unless excluded, alarm transitions) with from ≤ ts ≤ to, in time order. */
  async events(
    from: number,
    to: number,
    options: { kinds?: readonly HistoryEventKind[]; includeAlarms?: boolean; limit?: number } = {},
  ): Promise<HistoryEvent[]> {
    this.assertOpen();
    const where = `ts >= ${finiteInt('from', from)} AND ts <= ${finiteInt('to', to)}`;
    return queries.readEvents(this.queryContext(), where, 'ASC', options.limit ?? 10_000, options);
  }

  /** The first event strictly after (forward) or before (backward) ts, or null. */
  async nextEvent(
    ts: number,
    direction: 'forward' | 'backward',
    options: { kinds?: readonly HistoryEventKind[]; includeAlarms?: boolean } = {},
  ): Promise<HistoryEvent | null> {
    this.assertOpen();
    const t = finiteInt('ts', ts);
    const rows = await queries.readEvents(
      this.queryContext(),
      direction === 'forward' ? `ts > ${t}` : `ts < ${t}`,
      direction === 'forward' ? 'ASC' : 'DESC',
      1,
      options,
    );
    return rows[0] ?? null;
  }

  /** Alarm transitions with from ≤ ts ≤ to. */
  async alarmTransitions(from: number, to: number): Promise<AlarmTransition[]> {
    this.assertOpen();
    return queries.alarmTransitions(this.queryContext(), from, to);
  }

  /** Committed sample time span (raw and rolled-up), or null when empty. */
  async timeRange(): Promise<{ from: number; to: number } | null> {
    this.assertOpen();
    return queries.timeRange(this.queryContext());
  }

  /** Committed row count of the raw samples table. */
  async sampleCount(): Promise<number> {
    return queries.sampleCount(this.queryContext());
  }
}
