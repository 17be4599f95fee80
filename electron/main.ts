// Electron main process: a thin shell around the host-independent backend.
import { app, BrowserWindow, dialog, ipcMain, safeStorage, session } from 'electron';
import { join, resolve } from 'node:path';
import { parseAssetArgs } from './services/asset-args';
import { safeStorageSecrets } from './shell/safe-storage-secrets';
import { createTwinBackend, type TwinBackend } from './services/twin-backend';
import { registerAppScheme, serveAppProtocol } from './shell/app-protocol';
import { createSenderCheck, registerIpc } from './shell/ipc';
import { installMenu } from './shell/menu';
import { applySessionPolicy } from './shell/session-policy';
import { installWebContentsGuard } from './shell/web-contents-guard';
import { createMainWindow } from './shell/window';

const appRoot = app.getAppPath();
const preloadPath = join(appRoot, 'dist/backend/preload.cjs');

let mainWindow: BrowserWindow | null = null;
let backend: TwinBackend | null = null;

function openMainWindow(): void {
  const window = createMainWindow({
    preloadPath,
    stateFile: join(app.getPath('userData'), 'window-state.json'),
  });
  mainWindow = window;
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
}

async function start(): Promise<void> {
  applySessionPolicy(session.defaultSession);
  serveAppProtocol({ rendererDir: join(appRoot, 'dist/renderer'), modelsDir: join(appRoot, 'models') });
  const versions: Record<string, string> = {};
  for (const key of ['electron', 'chrome', 'node', 'v8'] as const) {
    const v = process.versions[key];
    if (v) versions[key] = v;
  }
  const { assetPath, connectionOverrides, moreAssetPaths } = parseAssetArgs(
    process.argv.slice(app.isPackaged ? 1 : 2),
  );
  backend = await createTwinBackend({
    host: 'electron',
    versions,
    dataDir: app.getPath('userData'),
    ...(assetPath ? { assetPath: resolve(assetPath) } : {}),
    connectionOverrides,
    backgroundAssetPaths: moreAssetPaths.map((file) => resolve(file)),
    secrets: safeStorageSecrets(safeStorage, app.getPath('userData')),
  });
  const getWindow = () => mainWindow;
  registerIpc(ipcMain, backend, createSenderCheck(getWindow), () => mainWindow?.webContents ?? null);
  installMenu({ backend, getWindow, userDataDir: app.getPath('userData') });
  openMainWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Another Twinscape is running; it gets focused through 'second-instance'.
  app.quit();
} else {
  // Before ready: app:// must be privileged before the app starts, and every web contents is guarded from its birth.
  registerAppScheme();
  installWebContentsGuard(app);

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // macOS: clicking the dock icon with no window open opens one again.
  app.on('activate', () => {
    if (backend && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });

  // Give the backend a chance to stop its sources and close its stores before the process ends.
  let disposed = false;
  app.on('will-quit', (event) => {
    if (disposed || !backend) return;
    disposed = true;
    event.preventDefault();
    void backend
      .dispose()
      .catch((e: unknown) => console.error('Twinscape: backend did not shut down cleanly:', e))
      .finally(() => app.exit(0));
  });

  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => {
      dialog.showErrorBox(
        'Twinscape could not start',
        e instanceof Error ? (e.stack ?? e.message) : String(e),
      );
      app.exit(1);
    });
}
