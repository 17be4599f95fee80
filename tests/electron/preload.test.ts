import { electron } from '../setup-electron';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_EVENTS, IPC_INVOKE, IPC_MENU, IPC_TELEMETRY } from '../../core/api/channels';
import { encodeTelemetryFrame } from '../../core/api/telemetry-frame';
import type { TwinEvent } from '../../core/api/types';
import type { PreloadTwin } from '../../electron/preload';

let twin: PreloadTwin;
let methods: readonly string[];

beforeAll(async () => {
  const preload = await import('../../electron/preload');
  methods = preload.TWIN_METHODS;
  twin = electron.exposed.get('twin') as PreloadTwin;
});

beforeEach(() => {
  electron.ipcRenderer.invoke.mockReset();
});

describe('preload', () => {
  it('exposes exactly one object, window.twin, and never ipcRenderer', () => {
    expect([...electron.exposed.keys()]).toEqual(['twin']);
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(Object.keys(twin).sort()).toEqual([...methods, 'subscribe', 'onMenu'].sort());
    expect(Object.values(twin)).not.toContain(electron.ipcRenderer);
    expect(Object.values(twin).every((v) => typeof v === 'function')).toBe(true);
  });

  it('sends each call on IPC_INVOKE as {method, payload} and unwraps the value', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { running: true } });
    const req = { controlId: 'pumpSpeed', value: 0.5 };
    await expect(twin.setControl(req)).resolves.toEqual({ running: true });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_INVOKE, {
      method: 'setControl',
      payload: req,
    });
  });

  it('throws the backend error message on ok:false', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({
      ok: false,
      error: 'setControl: value: expected number',
    });
    await expect(twin.setControl({ controlId: 'x', value: 1 })).rejects.toThrow(
      'setControl: value: expected number',
    );
    electron.ipcRenderer.invoke.mockResolvedValueOnce(undefined);
    await expect(twin.getSession({})).rejects.toThrow(/unreadable reply/);
  });

  it('delivers events without the IPC event object, and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = twin.subscribe(listener);
    const event: TwinEvent = { type: 'notice', level: 'info', message: 'hi' };
    electron.ipcRenderer.emit(IPC_EVENTS, { sender: electron.ipcRenderer }, event);
    expect(listener).toHaveBeenCalledWith(event);
    expect(listener.mock.calls[0]).toHaveLength(1);
    unsubscribe();
    electron.ipcRenderer.emit(IPC_EVENTS, {}, event);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(electron.ipcRenderer.listenerCount(IPC_EVENTS)).toBe(0);
  });

  it('delivers telemetry frames decoded, a malformed one as an error notice, and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = twin.subscribe(listener);
    const frame = encodeTelemetryFrame({ assetId: 'a', t: [5], values: [[2.5]], quality: [[0]] });
    electron.ipcRenderer.emit(IPC_TELEMETRY, {}, frame.slice(0, 12));
    electron.ipcRenderer.emit(IPC_TELEMETRY, {}, frame);
    expect(listener.mock.calls[0]![0]).toMatchObject({ type: 'notice', level: 'error' });
    expect(listener.mock.calls[1]![0]).toMatchObject({
      type: 'telemetry',
      frame: { assetId: 'a', samples: 1, tags: 1, values: Float32Array.of(2.5) },
    });
    unsubscribe();
    expect(electron.ipcRenderer.listenerCount(IPC_TELEMETRY)).toBe(0);
  });

  it('passes known menu actions only', () => {
    const listener = vi.fn();
    const off = twin.onMenu(listener);
    electron.ipcRenderer.emit(IPC_MENU, {}, 'toggle-xray');
    electron.ipcRenderer.emit(IPC_MENU, {}, 'format-disk');
    expect(listener.mock.calls).toEqual([['toggle-xray']]);
    off();
  });
});
