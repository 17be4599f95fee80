import { BrowserWindow } from 'electron';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_EVENTS, IPC_INVOKE, IPC_TELEMETRY } from '../../core/api/channels';
import { encodeTelemetryFrame } from '../../core/api/telemetry-frame';
import { invokeEnvelope, type TwinMethod } from '../../core/api/schemas';
import type { InvokeResult } from '../../core/api/twin-api';
import type { TwinEvent } from '../../core/api/types';
import { describeIssues } from '../../core/validation/describe-issues';
import { isRendererUrl } from './app-origin';

/** The part of the backend the IPC shell needs (structurally TwinBackend). */
export interface IpcBackend {
  invoke(method: TwinMethod, payload: unknown): Promise<InvokeResult>;
  subscribe(listener: (event: TwinEvent) => void): () => void;
}

/** Where backend events go: the main window's webContents while it exists. */
export interface EventSink {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

export const UNTRUSTED_SENDER_ERROR =
  'rejected: the call did not come from the Twinscape window (untrusted sender or frame)';

/**
 * Trusted = sent by our main window's top frame while it shows a page of the app://twinscape origin.
 * Anything else (another window, an iframe, a page navigated elsewhere, file://) is refused.
 */
export function createSenderCheck(getWindow: () => BrowserWindow | null): SenderCheck {
  return (event) => {
    const ours = getWindow();
    if (!ours || ours.isDestroyed()) return false;
    if (BrowserWindow.fromWebContents(event.sender) !== ours) return false;
    const frame = event.senderFrame;
    // Only the top frame: an iframe inside the page is not trusted.
    if (!frame || frame.parent !== null) return false;
    return isRendererUrl(frame.url);
  };
}

/**
 * Registers the one invoke handler and forwards backend events to the window.
 * Returns a function that undoes both.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  backend: IpcBackend,
  isTrustedSender: SenderCheck,
  getTarget: () => EventSink | null = () => null,
): () => void {
  ipcMain.handle(IPC_INVOKE, async (event, envelope: unknown): Promise<InvokeResult> => {
    if (!isTrustedSender(event)) {
      console.warn(`Twinscape: refused IPC call from ${event.senderFrame?.url ?? 'an unknown frame'}`);
      return { ok: false, error: UNTRUSTED_SENDER_ERROR };
    }
    const parsed = invokeEnvelope.safeParse(envelope);
    if (!parsed.success) {
      return {
        ok: false,
        error: describeIssues(parsed.error, { prefix: 'malformed request', rootLabel: '(envelope)' }),
      };
    }
    try {
      // The backend validates the payload against requestSchemas[method] itself.
      return await backend.invoke(parsed.data.method, parsed.data.payload);
    } catch (e) {
      return { ok: false, error: `${parsed.data.method} failed: ${(e as Error).message}` };
    }
  });

  const unsubscribe = backend.subscribe((twinEvent) => {
    const target = getTarget();
    if (!target || target.isDestroyed()) return;
    // One ArrayBuffer per batch: a binary structured clone instead of a clone of every value.
    if (twinEvent.type === 'telemetry') target.send(IPC_TELEMETRY, encodeTelemetryFrame(twinEvent.batch));
    else target.send(IPC_EVENTS, twinEvent);
  });

  return () => {
    ipcMain.removeHandler(IPC_INVOKE);
    unsubscribe();
  };
}
