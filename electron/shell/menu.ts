import { app, dialog, Menu } from 'electron';
import type { BrowserWindow, MenuItemConstructorOptions, MessageBoxOptions } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { IPC_MENU } from '../../core/api/channels';
import type { MenuAction } from '../../core/api/menu-actions';
import type { InvokeResult } from '../../core/api/twin-api';
import type { LoadAssetResult } from '../../core/api/types';
import { readModelForRequest } from '../services/asset-model';
import type { IpcBackend } from './ipc';
import { addRecent, loadRecentFiles, saveRecentFiles } from './recent-files';
import { LANGUAGES, type Language } from '../../core/api/languages';
import { loadLanguage, saveLanguage } from './menu-language';
import { menuTranslator, type MenuT } from './menu-text';

/** Same limit as loadAssetRequest.text, checked before reading so a huge file is never loaded. */
const MAX_ASSET_BYTES = 5_000_000;

export interface MenuHandlers {
  isMac: boolean;
  /** Recent asset files, most recent first. */
  recent: readonly string[];
  openAsset(): void;
  openRecent(file: string): void;
  clearRecent(): void;
  /** Forwards a view action to the renderer. */
  sendToRenderer(action: MenuAction): void;
  about(): void;
  /** The language the menu and the window speak. */
  language: Language;
  /** View → Language: switches the window at once and remembers the choice. */
  setLanguage(language: Language): void;
}

/** The application menu as plain data, so tests can inspect it without Electron. */
export function buildMenuTemplate(h: MenuHandlers): MenuItemConstructorOptions[] {
  const t = menuTranslator(h.language);
  const recentItems: MenuItemConstructorOptions[] = h.recent.length
    ? h.recent.map((file) => ({ label: file, click: () => h.openRecent(file) }))
    : [{ label: t('noRecent'), enabled: false }];
  const template: MenuItemConstructorOptions[] = [
    {
      label: t('file'),
      submenu: [
        { label: t('openAsset'), accelerator: 'CmdOrCtrl+O', click: () => h.openAsset() },
        {
          label: t('recent'),
          submenu: [
            ...recentItems,
            { type: 'separator' },
            { label: t('clearRecent'), enabled: h.recent.length > 0, click: () => h.clearRecent() },
          ],
        },
        { type: 'separator' },
        { label: t('quit'), role: 'quit' },
      ],
    },
    {
      // Without an Edit menu the copy/paste shortcuts do not work in text fields on macOS.
      label: t('edit'),
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: t('view'),
      submenu: [
        {
          label: t('resetCamera'),
          accelerator: 'CmdOrCtrl+Shift+C',
          click: () => h.sendToRenderer('reset-camera'),
        },
        { label: t('xray'), accelerator: 'CmdOrCtrl+Shift+X', click: () => h.sendToRenderer('toggle-xray') },
        {
          label: t('labels'),
          accelerator: 'CmdOrCtrl+Shift+L',
          click: () => h.sendToRenderer('toggle-labels'),
        },
        { type: 'separator' },
        {
          label: t('language'),
          // Each language is named in its own words, so a user who cannot read the current one finds theirs.
          submenu: LANGUAGES.map((l) => ({
            label: l.nativeName,
            type: 'radio' as const,
            checked: l.code === h.language,
            click: () => h.setLanguage(l.code),
          })),
        },
        { type: 'separator' },
        { label: t('fullscreen'), role: 'togglefullscreen' },
      ],
    },
    { label: t('help'), role: 'help', submenu: [{ label: t('about'), click: () => h.about() }] },
  ];
  // macOS puts the app menu first; Quit also lives there.
  if (h.isMac) template.unshift({ label: 'Twinscape', role: 'appMenu' });
  return template;
}

export function aboutDetail(appVersion: string, versions: Partial<Record<string, string>>): string {
  return [
    `Twinscape ${appVersion}`,
    `Electron ${versions.electron ?? 'unknown'}`,
    `Chrome ${versions.chrome ?? 'unknown'}`,
    `Node ${versions.node ?? 'unknown'}`,
  ].join('\n');
}

/** A one-paragraph explanation of why loading an asset failed, or null when it worked. */
export function describeLoadFailure(
  fileName: string,
  result: InvokeResult,
  t: MenuT = menuTranslator('en'),
): string | null {
  if (!result.ok) return result.error;
  const value = result.value as LoadAssetResult | undefined;
  if (!value || value.ok) return null;
  const shown = value.problems.slice(0, 10).map((p) => `• ${p.path}: ${p.message}`);
  const more = value.problems.length > 10 ? [t('more', { count: value.problems.length - 10 })] : [];
  return [t('notValid', { file: fileName }), ...shown, ...more].join('\n');
}

export interface MenuDeps {
  backend: Pick<IpcBackend, 'invoke'>;
  getWindow(): BrowserWindow | null;
  userDataDir: string;
}

/** Builds and installs the application menu; rebuilds it when the recent list changes. */
export function installMenu(deps: MenuDeps): void {
  const recentFile = join(deps.userDataDir, 'recent-assets.json');
  let recent = loadRecentFiles(recentFile);
  const languageFile = join(deps.userDataDir, 'language.json');
  let language = loadLanguage(languageFile, app.getLocale());
  const t = () => menuTranslator(language);

  const showBox = (options: MessageBoxOptions) => {
    const win = deps.getWindow();
    void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
  };
  const showError = (message: string, detail: string) =>
    showBox({ type: 'error', title: 'Twinscape', message, detail });

  const setRecent = (files: string[]) => {
    recent = files;
    void saveRecentFiles(recentFile, recent);
    rebuild();
  };

  const loadAssetFile = async (file: string) => {
    const fileName = basename(file);
    let text: string;
    try {
      const { size } = await stat(file);
      if (size > MAX_ASSET_BYTES) throw new Error(`the file is ${size} bytes; assets are limited to 5 MB`);
      text = await readFile(file, 'utf8');
    } catch (e) {
      setRecent(recent.filter((f) => f !== file));
      showError(t()('couldNotRead', { file: fileName }), (e as Error).message);
      return;
    }
    // A GLB model is read from beside the .json; the backend names `model` if it is missing.
    const modelBase64 = await readModelForRequest(file, text);
    const request = modelBase64 === undefined ? { fileName, text } : { fileName, text, modelBase64 };
    const failure = describeLoadFailure(fileName, await deps.backend.invoke('loadAsset', request), t());
    if (failure) showError(t()('couldNotLoad', { file: fileName }), failure);
    else setRecent(addRecent(recent, file));
  };

  const handlers = (): MenuHandlers => ({
    isMac: process.platform === 'darwin',
    recent,
    openAsset: () => {
      const win = deps.getWindow();
      const options = {
        title: t()('openAssetTitle'),
        filters: [{ name: t()('assetDefinition'), extensions: ['json'] }],
        properties: ['openFile' as const],
      };
      void (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options)).then((r) => {
        const file = r.filePaths[0];
        if (!r.canceled && file) void loadAssetFile(file);
      });
    },
    openRecent: (file) => void loadAssetFile(file),
    clearRecent: () => setRecent([]),
    sendToRenderer: (action) => {
      const win = deps.getWindow();
      if (win && !win.isDestroyed()) win.webContents.send(IPC_MENU, action);
    },
    language,
    setLanguage: (next) => {
      language = next;
      void saveLanguage(languageFile, next);
      const win = deps.getWindow();
      if (win && !win.isDestroyed()) win.webContents.send(IPC_MENU, `language-${next}` satisfies MenuAction);
      rebuild();
    },
    about: () =>
      showBox({
        type: 'info',
        title: t()('about'),
        message: 'Twinscape',
        detail: aboutDetail(app.getVersion(), process.versions),
      }),
  });

  function rebuild() {
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(handlers())));
  }
  rebuild();
}
