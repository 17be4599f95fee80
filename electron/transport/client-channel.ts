import type { WebSocket } from 'ws';
import type { TelemetryBatch, TwinEvent } from '../../core/api/types';
import { encodeTelemetryFrame } from '../../core/api/telemetry-frame';
import type { ServerMessage } from '../../core/api/wire';
import { mergeBatches } from '../services/telemetry-batcher';

/** Bytes queued in a socket above which telemetry is coalesced instead of sent. */
const BACKPRESSURE_BYTES = 256 * 1024;

/**
 * What the server sends to one client: JSON results and events, and telemetry as binary frames that
 * coalesce while the client is slow. A client that lets more than `maxBufferedBytes` pile up is cut off.
 */
export class ClientChannel {
  private pendingTelemetry: TelemetryBatch | null = null;
  private flushTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly socket: WebSocket,
    private readonly maxBufferedBytes: number,
    private readonly onStalled: (bufferedBytes: number) => void,
  ) {}

  send(message: ServerMessage): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    this.socket.send(JSON.stringify(message));
    this.checkBuffered();
  }

  /** Telemetry coalesces while the client is slow, so it is never more than one batch behind. */
  sendEvent(event: TwinEvent): void {
    if (event.type !== 'telemetry') {
      this.send({ kind: 'event', event });
      return;
    }
    this.pendingTelemetry = this.pendingTelemetry
      ? mergeBatches(this.pendingTelemetry, event.batch)
      : event.batch;
    this.flush();
  }

  private flush(): void {
    if (!this.pendingTelemetry) return;
    if (this.socket.bufferedAmount > BACKPRESSURE_BYTES) {
      this.flushTimer ??= setTimeout(() => {
        this.flushTimer = null;
        this.flush();
      }, 50);
      return;
    }
    const batch = this.pendingTelemetry;
    this.pendingTelemetry = null;
    // Telemetry goes as a binary message (core/api/telemetry-frame); everything else as JSON text.
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(encodeTelemetryFrame(batch));
  }

  /** A client that does not read would make the server hold its replies forever. */
  private checkBuffered(): void {
    const buffered = this.socket.bufferedAmount;
    if (buffered > this.maxBufferedBytes) this.onStalled(buffered);
  }

  close(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.pendingTelemetry = null;
  }
}
