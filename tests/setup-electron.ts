// Replaces the 'electron' module with a small fake for main-process and preload tests.
// Import it first in each test file: `import { electron } from '../setup-electron';`
import { vi } from 'vitest';

const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;

  class FakeEmitter {
    private listeners = new Map<string, Listener[]>();
    on(name: string, listener: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    once(name: string, listener: Listener) {
      const wrapped: Listener = (...args) => {
        this.removeListener(name, wrapped);
        listener(...args);
      };
      return this.on(name, wrapped);
    }
    removeListener(name: string, listener: Listener) {
      this.listeners.set(
        name,
        (this.listeners.get(name) ?? []).filter((l) => l !== listener),
      );
      return this;
    }
    emit(name: string, ...args: unknown[]) {
      for (const l of this.listeners.get(name) ?? []) l(...args);
      return true;
    }
    listenerCount(name: string) {
      return (this.listeners.get(name) ?? []).length;
    }
  }

  const session = {
    webRequest: { onHeadersReceived: vi.fn(), onBeforeRequest: vi.fn() },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  };

  class FakeFrame {
    constructor(
      public url: string,
      public parent: FakeFrame | null = null,
    ) {}
  }

  class FakeWebContents extends FakeEmitter {
    session = session;
    send = vi.fn();
    windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
    mainFrame = new FakeFrame('');
    destroyed = false;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler;
    }
    isDestroyed() {
      return this.destroyed;
    }
  }

  class FakeBrowserWindow extends FakeEmitter {
    static windows: FakeBrowserWindow[] = [];
    webContents = new FakeWebContents();
    bounds: { x: number; y: number; width: number; height: number };
    maximized = false;
    destroyed = false;
    loadFile = vi.fn(async (file: string) => {
      this.webContents.mainFrame.url = `file://${file}`;
    });
    loadURL = vi.fn(async (url: string) => {
      this.webContents.mainFrame.url = url;
    });
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    constructor(public options: Record<string, unknown>) {
      super();
      this.bounds = {
        x: (options.x as number | undefined) ?? 100,
        y: (options.y as number | undefined) ?? 100,
        width: options.width as number,
        height: options.height as number,
      };
      FakeBrowserWindow.windows.push(this);
    }
    static fromWebContents(contents: unknown) {
      return FakeBrowserWindow.windows.find((w) => w.webContents === contents) ?? null;
    }
    static getAllWindows() {
      return FakeBrowserWindow.windows.filter((w) => !w.destroyed);
    }
    getNormalBounds() {
      return { ...this.bounds };
    }
    isDestroyed() {
      return this.destroyed;
    }
    isMinimized() {
      return false;
    }
    isMaximized() {
      return this.maximized;
    }
    maximize() {
      this.maximized = true;
    }
  }

  const ipcMainHandlers = new Map<string, (...args: unknown[]) => unknown>();
  const ipcRenderer = Object.assign(new FakeEmitter(), {
    invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => undefined),
  });
  const exposed = new Map<string, unknown>();

  return {
    FakeEmitter,
    FakeFrame,
    FakeWebContents,
    BrowserWindow: FakeBrowserWindow,
    session: { defaultSession: session },
    sessionFake: session,
    screen: { getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]) },
    app: {
      getPath: vi.fn((_name: string) => '/tmp/twinscape-test-userdata'),
      getVersion: vi.fn(() => '0.1.0'),
      getLocale: vi.fn(() => 'en-US'),
      getAppPath: vi.fn(() => '/app'),
      on: vi.fn(),
    },
    dialog: {
      showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
      showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
      showErrorBox: vi.fn(),
    },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    Menu: {
      buildFromTemplate: vi.fn((template: unknown) => ({ template })),
      setApplicationMenu: vi.fn(),
    },
    ipcMainHandlers,
    ipcMain: {
      handle: vi.fn((channel: string, handler: (...args: unknown[]) => unknown) => {
        ipcMainHandlers.set(channel, handler);
      }),
      removeHandler: vi.fn((channel: string) => {
        ipcMainHandlers.delete(channel);
      }),
    },
    ipcRenderer,
    exposed,
    contextBridge: {
      exposeInMainWorld: vi.fn((key: string, api: unknown) => {
        exposed.set(key, api);
      }),
    },
    reset() {
      FakeBrowserWindow.windows = [];
      ipcMainHandlers.clear();
      exposed.clear();
    },
  };
});

vi.mock('electron', () => ({ ...fake, default: fake }));

export { fake as electron };
