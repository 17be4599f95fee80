import type { TwinEvent } from '../../../../core/api/types';
import type { HistoryService } from '../service';

/** A history service whose store is opening: events wait for it, in order, and are recorded once it is open. */
export class QueuedService {
  private waiting: TwinEvent[] | null = [];
  readonly ready: Promise<void>;

  constructor(
    readonly service: HistoryService,
    open: (service: HistoryService) => Promise<void>,
    /** Runs once the store is open, before the waiting events are recorded. */
    onOpen: (service: HistoryService) => void = () => undefined,
  ) {
    this.ready = open(service)
      .then(() => onOpen(service))
      .finally(() => {
        const waiting = this.waiting ?? [];
        this.waiting = null;
        for (const e of waiting) service.handle(e);
      });
  }

  handle(event: TwinEvent): void {
    if (this.waiting) this.waiting.push(event);
    else this.service.handle(event);
  }

  async close(): Promise<void> {
    await this.ready.catch(() => undefined);
    await this.service.close();
  }
}
