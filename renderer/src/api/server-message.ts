import type { TwinClientEvent } from '../../../core/api/client-events';
import { decodeTelemetryFrame } from '../../../core/api/telemetry-frame';
import type { TwinEvent } from '../../../core/api/types';
import { parseServerMessage } from '../../../core/api/wire';

/** A call waiting for its result. */
export type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

/**
 * One message from the backend as client events: binary messages are telemetry frames, text messages
 * JSON results and events. A message that cannot be read becomes an error notice.
 */
export function readServerMessage(
  data: unknown,
  pending: Map<number, Pending>,
  emit: (event: TwinClientEvent) => void,
): void {
  if (data instanceof ArrayBuffer) {
    try {
      emit({ type: 'telemetry', frame: decodeTelemetryFrame(data) });
    } catch (e) {
      emit({ type: 'notice', level: 'error', message: (e as Error).message });
    }
    return;
  }
  const parsed = parseServerMessage(String(data));
  if (!parsed.ok) {
    emit({ type: 'notice', level: 'error', message: parsed.error });
    return;
  }
  const m = parsed.message;
  if (m.kind === 'event') {
    // Telemetry never comes as text; one that claims to is dropped.
    const event = m.event as TwinEvent;
    if (event.type !== 'telemetry') emit(event);
    return;
  }
  const p = pending.get(m.id);
  if (!p) return;
  pending.delete(m.id);
  if (m.result.ok) p.resolve(m.result.value);
  else p.reject(new Error(m.result.error));
}
