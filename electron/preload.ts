// Sandboxed preload: exposes exactly one object, `window.twin`, implementing TwinClient over IPC.
// It may only require('electron'); vite.preload.config.ts bundles everything else into one CJS file.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { TwinClientEvent } from '../core/api/client-events';
import { IPC_EVENTS, IPC_INVOKE, IPC_MENU, IPC_TELEMETRY } from '../core/api/channels';
import { TWIN_METHOD_NAMES } from '../core/api/schemas';
import type { InvokeResult, TwinApi, TwinClient, TwinMethodName } from '../core/api/twin-api';
import { decodeTelemetryFrame } from '../core/api/telemetry-frame';
import type { TwinEvent } from '../core/api/types';
import { isMenuAction, type MenuAction } from '../core/api/menu-actions';

/** Every TwinApi method, derived from the one list of request schemas so it cannot drift. */
export const TWIN_METHODS: readonly TwinMethodName[] = TWIN_METHOD_NAMES;

export type PreloadTwin = TwinClient & { onMenu(listener: (action: MenuAction) => void): () => void };

function isInvokeResult(value: unknown): value is InvokeResult {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

async function call(method: TwinMethodName, payload: unknown): Promise<unknown> {
  const result: unknown = await ipcRenderer.invoke(IPC_INVOKE, { method, payload });
  if (!isInvokeResult(result)) throw new Error(`${method}: the backend sent an unreadable reply`);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** Subscribes to one channel; the listener never sees the IpcRendererEvent (it carries ipcRenderer). */
function listen<T>(
  channel: string,
  accept: (data: unknown) => data is T,
  listener: (data: T) => void,
): () => void {
  const handler = (_event: IpcRendererEvent, data: unknown) => {
    if (accept(data)) listener(data);
  };
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
}

/** Telemetry comes on its own channel, so an event claiming to be telemetry here is not passed on. */
const isTwinEvent = (data: unknown): data is Exclude<TwinEvent, { type: 'telemetry' }> =>
  typeof data === 'object' &&
  data !== null &&
  typeof (data as { type?: unknown }).type === 'string' &&
  (data as { type: string }).type !== 'telemetry';

const isFrameBytes = (data: unknown): data is ArrayBuffer | ArrayBufferView =>
  data instanceof ArrayBuffer || ArrayBuffer.isView(data);

/** Decodes each frame once for the listener; a bad frame becomes an error notice, not a crash. */
function telemetryEvent(bytes: ArrayBuffer | ArrayBufferView): TwinClientEvent {
  try {
    return { type: 'telemetry', frame: decodeTelemetryFrame(bytes) };
  } catch (e) {
    return { type: 'notice', level: 'error', message: (e as Error).message };
  }
}

function subscribe(listener: (event: TwinClientEvent) => void): () => void {
  const offEvents = listen(IPC_EVENTS, isTwinEvent, listener);
  const offTelemetry = listen(IPC_TELEMETRY, isFrameBytes, (bytes) => listener(telemetryEvent(bytes)));
  return () => {
    offEvents();
    offTelemetry();
  };
}

function buildTwin(): PreloadTwin {
  const api = Object.fromEntries(
    TWIN_METHODS.map((method) => [method, (req: unknown) => call(method, req)] as const),
  ) as unknown as TwinApi;
  return {
    ...api,
    subscribe,
    onMenu: (listener) => listen(IPC_MENU, isMenuAction, listener),
  };
}

contextBridge.exposeInMainWorld('twin', buildTwin());
