// Sandboxed preload: exposes exactly one object, `window.twin`, implementing TwinClient over IPC.
// It may only require('electron'); vite.preload.config.ts bundles everything else into one CJS file.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { IPC_EVENTS, IPC_INVOKE, IPC_MENU } from '../core/api/channels';
import { TWIN_METHOD_NAMES } from '../core/api/schemas';
import type { InvokeResult, TwinApi, TwinClient, TwinMethodName } from '../core/api/twin-api';
import type { TwinEvent } from '../core/api/types';
import { isMenuAction, type MenuAction } from './shell/menu-actions';

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

const isTwinEvent = (data: unknown): data is TwinEvent =>
  typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string';

function buildTwin(): PreloadTwin {
  const api = Object.fromEntries(
    TWIN_METHODS.map((method) => [method, (req: unknown) => call(method, req)] as const),
  ) as unknown as TwinApi;
  return {
    ...api,
    subscribe: (listener) => listen(IPC_EVENTS, isTwinEvent, listener),
    onMenu: (listener) => listen(IPC_MENU, isMenuAction, listener),
  };
}

contextBridge.exposeInMainWorld('twin', buildTwin());
