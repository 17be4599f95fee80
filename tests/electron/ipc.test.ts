import { electron } from '../setup-electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_EVENTS, IPC_INVOKE, IPC_TELEMETRY } from '../../core/api/channels';
import { decodeTelemetryFrame, telemetryBatchOf } from '../../core/api/telemetry-frame';
import { requestSchemas, type TwinMethod } from '../../core/api/schemas';
import type { InvokeResult } from '../../core/api/twin-api';
import type { TwinEvent } from '../../core/api/types';
import {
  createSenderCheck,
  registerIpc,
  UNTRUSTED_SENDER_ERROR,
  type IpcBackend,
} from '../../electron/shell/ipc';
import { RENDERER_URL } from '../../electron/shell/app-origin';

const rendererUrl = RENDERER_URL;

/** Validates payloads with requestSchemas, as the real backend does. */
function fakeBackend() {
  const listeners = new Set<(e: TwinEvent) => void>();
  const backend = {
    invoke: vi.fn(async (method: TwinMethod, payload: unknown): Promise<InvokeResult> => {
      const parsed = requestSchemas[method].safeParse(payload);
      if (!parsed.success) {
        return {
          ok: false,
          error: `${method}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        };
      }
      return { ok: true, value: { method, request: parsed.data } };
    }),
    subscribe: vi.fn((listener: (e: TwinEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
    emit: (e: TwinEvent) => listeners.forEach((l) => l(e)),
    listeners,
  };
  return backend satisfies IpcBackend;
}

function setup() {
  const window = new electron.BrowserWindow({ width: 800, height: 600 });
  window.webContents.mainFrame.url = rendererUrl;
  const backend = fakeBackend();
  const dispose = registerIpc(
    electron.ipcMain,
    backend,
    createSenderCheck(() => window as never),
    () => window.webContents,
  );
  const handler = electron.ipcMainHandlers.get(IPC_INVOKE)!;
  const eventFrom = (contents = window.webContents, frame: unknown = contents.mainFrame) => ({
    sender: contents,
    senderFrame: frame,
  });
  const invoke = (envelope: unknown, event = eventFrom()) =>
    handler(event, envelope) as Promise<InvokeResult>;
  return { window, backend, dispose, invoke, eventFrom };
}

beforeEach(() => {
  electron.reset();
  vi.restoreAllMocks();
  vi.clearAllMocks();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

describe('IPC invoke handler', () => {
  it('forwards a valid call to the backend and returns its result', async () => {
    const { invoke, backend } = setup();
    const result = await invoke({ method: 'setControl', payload: { controlId: 'pumpSpeed', value: 0.8 } });
    expect(backend.invoke).toHaveBeenCalledWith('setControl', { controlId: 'pumpSpeed', value: 0.8 });
    expect(result).toEqual({
      ok: true,
      value: { method: 'setControl', request: { controlId: 'pumpSpeed', value: 0.8 } },
    });
  });

  it('rejects a call from another window, naming the problem', async () => {
    const { invoke, eventFrom, backend } = setup();
    const stranger = new electron.BrowserWindow({ width: 800, height: 600 });
    stranger.webContents.mainFrame.url = rendererUrl;
    const result = await invoke({ method: 'getSession', payload: {} }, eventFrom(stranger.webContents));
    expect(result).toEqual({ ok: false, error: UNTRUSTED_SENDER_ERROR });
    expect(result.ok || result.error).toMatch(/untrusted sender/);
    expect(backend.invoke).not.toHaveBeenCalled();
  });

  it('rejects a call from an iframe or from a page navigated elsewhere', async () => {
    const { invoke, eventFrom, window } = setup();
    const iframe = new electron.FakeFrame(rendererUrl, window.webContents.mainFrame);
    expect(
      await invoke({ method: 'getSession', payload: {} }, eventFrom(window.webContents, iframe)),
    ).toMatchObject({
      ok: false,
    });
    window.webContents.mainFrame.url = 'https://evil.example/';
    expect(await invoke({ method: 'getSession', payload: {} })).toMatchObject({ ok: false });
    // The old file:// renderer, or any local file a navigation reached, is not the app.
    window.webContents.mainFrame.url = 'file:///app/dist/renderer/index.html';
    expect(await invoke({ method: 'getSession', payload: {} })).toMatchObject({ ok: false });
    expect(
      await invoke({ method: 'getSession', payload: {} }, eventFrom(window.webContents, null)),
    ).toMatchObject({
      ok: false,
    });
  });

  it('rejects an unknown method, naming "method"', async () => {
    const { invoke, backend } = setup();
    const result = await invoke({ method: 'rm -rf', payload: {} });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/method/);
    expect(backend.invoke).not.toHaveBeenCalled();
  });

  it('rejects envelopes that are not objects or carry extra keys', async () => {
    const { invoke } = setup();
    for (const bad of [null, 'getSession', 42, { method: 'getSession', payload: {}, extra: 1 }]) {
      const result = await invoke(bad);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatch(/malformed request/);
    }
  });

  it('passes payload errors from the backend through, naming "value"', async () => {
    const { invoke } = setup();
    const result = await invoke({ method: 'setControl', payload: { controlId: 'pumpSpeed', value: 'abc' } });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/value/);
  });

  it('turns a throwing backend into an error result', async () => {
    const { invoke, backend } = setup();
    backend.invoke.mockRejectedValueOnce(new Error('disk full'));
    expect(await invoke({ method: 'getSession', payload: {} })).toEqual({
      ok: false,
      error: 'getSession failed: disk full',
    });
  });
});

describe('backend events', () => {
  it('are sent to the window on IPC_EVENTS, and stop after dispose', () => {
    const { window, backend, dispose } = setup();
    const event: TwinEvent = { type: 'notice', level: 'info', message: 'hello' };
    backend.emit(event);
    expect(window.webContents.send).toHaveBeenCalledWith(IPC_EVENTS, event);
    dispose();
    expect(backend.listeners.size).toBe(0);
    expect(electron.ipcMainHandlers.has(IPC_INVOKE)).toBe(false);
  });

  it('send telemetry as one binary frame on IPC_TELEMETRY', () => {
    const { window, backend } = setup();
    const batch = { assetId: 'pump-skid', t: [1000, 2000], values: [[1.5, null]], quality: [[0, 3]] };
    backend.emit({ type: 'telemetry', batch });
    const send = vi.mocked(window.webContents.send);
    expect(send).toHaveBeenCalledTimes(1);
    const [channel, frame] = send.mock.calls[0]!;
    expect(channel).toBe(IPC_TELEMETRY);
    expect(frame).toBeInstanceOf(ArrayBuffer);
    expect(telemetryBatchOf(decodeTelemetryFrame(frame as ArrayBuffer))).toEqual(batch);
  });

  it('are dropped while the window is gone', () => {
    const { window, backend } = setup();
    window.webContents.destroyed = true;
    backend.emit({ type: 'notice', level: 'info', message: 'x' });
    expect(window.webContents.send).not.toHaveBeenCalled();
  });
});
