import { electron } from '../setup-electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { IPC_MENU } from '../../core/api/channels';
import type { InvokeResult } from '../../core/api/twin-api';
import {
  aboutDetail,
  buildMenuTemplate,
  describeLoadFailure,
  installMenu,
  type MenuHandlers,
} from '../../electron/shell/menu';
import { addRecent } from '../../electron/shell/recent-files';

type Item = MenuItemConstructorOptions;
const submenu = (item: Item | undefined) => (item?.submenu ?? []) as Item[];
const labels = (items: Item[]) => items.filter((i) => i.type !== 'separator').map((i) => i.label ?? i.role);
const find = (items: Item[], label: string) => items.find((i) => i.label === label);

function handlers(overrides: Partial<MenuHandlers> = {}): MenuHandlers {
  return {
    isMac: false,
    recent: [],
    openAsset: vi.fn(),
    openRecent: vi.fn(),
    clearRecent: vi.fn(),
    sendToRenderer: vi.fn(),
    about: vi.fn(),
    language: 'en',
    setLanguage: vi.fn(),
    ...overrides,
  };
}

beforeEach(() => {
  electron.reset();
  vi.clearAllMocks();
});

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help with the expected items', () => {
    const t = buildMenuTemplate(handlers());
    expect(t.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(labels(submenu(find(t, 'File')))).toEqual(['Open asset…', 'Recent', 'Quit']);
    expect(labels(submenu(find(t, 'View')))).toEqual([
      'Reset camera',
      'X-ray',
      'Labels',
      'Language',
      'Toggle fullscreen',
    ]);
    expect(labels(submenu(find(t, 'Help')))).toEqual(['About Twinscape']);
    expect(find(submenu(find(t, 'File')), 'Quit')?.role).toBe('quit');
    expect(find(submenu(find(t, 'View')), 'Toggle fullscreen')?.role).toBe('togglefullscreen');
  });

  it('puts the app menu first on macOS', () => {
    expect(buildMenuTemplate(handlers({ isMac: true }))[0]?.role).toBe('appMenu');
  });

  it('sends view actions to the renderer', () => {
    const h = handlers();
    const view = submenu(find(buildMenuTemplate(h), 'View'));
    for (const [label, action] of [
      ['Reset camera', 'reset-camera'],
      ['X-ray', 'toggle-xray'],
      ['Labels', 'toggle-labels'],
    ] as const) {
      (find(view, label)?.click as () => void)();
      expect(h.sendToRenderer).toHaveBeenLastCalledWith(action);
    }
  });

  it('offers every language in its own words under View → Language, the current one checked', () => {
    const h = handlers();
    const languages = submenu(find(submenu(find(buildMenuTemplate(h), 'View')), 'Language'));
    expect(languages.map((i) => [i.label, i.type, i.checked])).toEqual([
      ['English', 'radio', true],
      ['简体中文', 'radio', false],
    ]);
    (languages[1]?.click as () => void)();
    expect(h.setLanguage).toHaveBeenCalledWith('zh-CN');
  });

  it('speaks Chinese when the language is 简体中文', () => {
    const t = buildMenuTemplate(handlers({ language: 'zh-CN' }));
    expect(t.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(labels(submenu(find(t, '视图')))).toEqual(['复位视角', '透视', '标签', '语言', '切换全屏']);
  });

  it('lists recent files, or says there are none', () => {
    const empty = submenu(find(submenu(find(buildMenuTemplate(handlers()), 'File')), 'Recent'));
    expect(empty[0]).toMatchObject({ label: 'No recent files', enabled: false });
    const h = handlers({ recent: ['/a/one.json', '/b/two.json'] });
    const recent = submenu(find(submenu(find(buildMenuTemplate(h), 'File')), 'Recent'));
    expect(labels(recent)).toEqual(['/a/one.json', '/b/two.json', 'Clear recent']);
    (recent[1]?.click as () => void)();
    expect(h.openRecent).toHaveBeenCalledWith('/b/two.json');
  });
});

describe('recent files', () => {
  it('keeps the last five, most recent first, without duplicates', () => {
    let list: string[] = [];
    for (const f of ['a', 'b', 'c', 'd', 'e', 'f', 'c']) list = addRecent(list, f);
    expect(list).toEqual(['c', 'f', 'e', 'd', 'b']);
  });
});

describe('about and load failures', () => {
  it('names app, Electron, Chrome and Node versions', () => {
    const text = aboutDetail('0.1.0', { electron: '45.5.0', chrome: '142.0', node: '22.20.0' });
    expect(text).toBe('Twinscape 0.1.0\nElectron 45.5.0\nChrome 142.0\nNode 22.20.0');
  });

  it('explains a rejected asset with its problems', () => {
    const result: InvokeResult = {
      ok: true,
      value: {
        ok: false,
        fileName: 'pump.json',
        problems: [{ path: 'components[0].id', message: 'Required' }],
      },
    };
    expect(describeLoadFailure('pump.json', result)).toMatch(
      /pump\.json is not a valid asset[\s\S]*components\[0\]\.id: Required/,
    );
    expect(describeLoadFailure('pump.json', { ok: false, error: 'backend busy' })).toBe('backend busy');
    expect(describeLoadFailure('pump.json', { ok: true, value: { ok: true, session: {} } })).toBeNull();
  });
});

describe('installMenu', () => {
  function setup(invokeResult: InvokeResult) {
    const dir = mkdtempSync(join(tmpdir(), 'twinscape-menu-'));
    const assetFile = join(dir, 'pump.json');
    writeFileSync(assetFile, '{"schemaVersion":1}');
    const backend = { invoke: vi.fn(async () => invokeResult) };
    const window = new electron.BrowserWindow({ width: 800, height: 600 });
    installMenu({ backend, getWindow: () => window as never, userDataDir: dir });
    const currentTemplate = () => electron.Menu.buildFromTemplate.mock.lastCall?.[0] as Item[];
    return { dir, assetFile, backend, window, currentTemplate };
  }

  it('opens an asset file, sends it to the backend and remembers it', async () => {
    const ok: InvokeResult = { ok: true, value: { ok: true, session: {} } };
    const { assetFile, backend, currentTemplate } = setup(ok);
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [assetFile] });
    (find(submenu(find(currentTemplate(), 'File')), 'Open asset…')?.click as () => void)();
    await vi.waitFor(() =>
      expect(backend.invoke).toHaveBeenCalledWith('loadAsset', {
        fileName: 'pump.json',
        text: '{"schemaVersion":1}',
      }),
    );
    await vi.waitFor(() =>
      expect(labels(submenu(find(submenu(find(currentTemplate(), 'File')), 'Recent')))).toContain(assetFile),
    );
    const options = electron.dialog.showOpenDialog.mock.calls[0]?.[1] as {
      filters: { extensions: string[] }[];
    };
    expect(options.filters[0]?.extensions).toEqual(['json']);
  });

  it('shows the problems when the backend rejects the asset', async () => {
    const rejected: InvokeResult = {
      ok: true,
      value: { ok: false, fileName: 'pump.json', problems: [{ path: 'tags', message: 'Required' }] },
    };
    const { assetFile, currentTemplate } = setup(rejected);
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [assetFile] });
    (find(submenu(find(currentTemplate(), 'File')), 'Open asset…')?.click as () => void)();
    await vi.waitFor(() => expect(electron.dialog.showMessageBox).toHaveBeenCalled());
    const box = electron.dialog.showMessageBox.mock.calls[0]?.[1] as { type: string; detail: string };
    expect(box.type).toBe('error');
    expect(box.detail).toMatch(/tags: Required/);
  });

  it('forwards view actions to the window on IPC_MENU', () => {
    const { window, currentTemplate } = setup({ ok: true, value: null });
    (find(submenu(find(currentTemplate(), 'View')), 'X-ray')?.click as () => void)();
    expect(window.webContents.send).toHaveBeenCalledWith(IPC_MENU, 'toggle-xray');
  });

  it('switches the window language from View → Language, remembers it and speaks it in the menu', async () => {
    const { dir, window, currentTemplate } = setup({ ok: true, value: null });
    const languages = submenu(find(submenu(find(currentTemplate(), 'View')), 'Language'));
    (find(languages, '简体中文')?.click as () => void)();
    expect(window.webContents.send).toHaveBeenCalledWith(IPC_MENU, 'language-zh-CN');
    expect(currentTemplate().map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    await vi.waitFor(() => expect(existsSync(join(dir, 'language.json'))).toBe(true));
    installMenu({ backend: { invoke: vi.fn() }, getWindow: () => null, userDataDir: dir });
    expect(currentTemplate()[0]?.label).toBe('文件');
  });

  it('starts in the system language when none was chosen', () => {
    electron.app.getLocale.mockReturnValueOnce('zh-CN');
    const { currentTemplate } = setup({ ok: true, value: null });
    expect(currentTemplate()[0]?.label).toBe('文件');
  });
});
