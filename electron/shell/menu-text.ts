import i18next from 'i18next';
import { SOURCE_LANGUAGE, type Language } from '../../core/api/languages';

/** The desktop menu's words in each language (the renderer's texts live in renderer/src/i18n/). */
export interface MenuText {
  file: string;
  openAsset: string;
  recent: string;
  noRecent: string;
  clearRecent: string;
  quit: string;
  edit: string;
  view: string;
  resetCamera: string;
  xray: string;
  labels: string;
  language: string;
  fullscreen: string;
  help: string;
  about: string;
  openAssetTitle: string;
  assetDefinition: string;
  couldNotRead: string;
  couldNotLoad: string;
  notValid: string;
  more: string;
}

export const MENU_TEXT: Record<Language, MenuText> = {
  en: {
    file: 'File',
    openAsset: 'Open asset…',
    recent: 'Recent',
    noRecent: 'No recent files',
    clearRecent: 'Clear recent',
    quit: 'Quit',
    edit: 'Edit',
    view: 'View',
    resetCamera: 'Reset camera',
    xray: 'X-ray',
    labels: 'Labels',
    language: 'Language',
    fullscreen: 'Toggle fullscreen',
    help: 'Help',
    about: 'About Twinscape',
    openAssetTitle: 'Open asset definition',
    assetDefinition: 'Asset definition',
    couldNotRead: 'Could not read {{file}}',
    couldNotLoad: 'Could not load {{file}}',
    notValid: '{{file}} is not a valid asset definition; the current asset keeps running.',
    more: '…and {{count}} more',
  },
  'zh-CN': {
    file: '文件',
    openAsset: '打开设备…',
    recent: '最近打开',
    noRecent: '无最近文件',
    clearRecent: '清除最近记录',
    quit: '退出',
    edit: '编辑',
    view: '视图',
    resetCamera: '复位视角',
    xray: '透视',
    labels: '标签',
    language: '语言',
    fullscreen: '切换全屏',
    help: '帮助',
    about: '关于 Twinscape',
    openAssetTitle: '打开设备定义',
    assetDefinition: '设备定义',
    couldNotRead: '无法读取 {{file}}',
    couldNotLoad: '无法加载 {{file}}',
    notValid: '{{file}} 不是有效的设备定义；当前设备继续运行。',
    more: '…另有 {{count}} 项',
  },
};

export type MenuT = (key: keyof MenuText, values?: Record<string, string | number>) => string;

/** The menu's texts in `language`, with i18next filling in `{{file}}` and `{{count}}`. */
export function menuTranslator(language: Language): MenuT {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: { en: { menu: MENU_TEXT.en }, 'zh-CN': { menu: MENU_TEXT['zh-CN'] } },
    lng: language,
    fallbackLng: SOURCE_LANGUAGE,
    defaultNS: 'menu',
    initAsync: false,
    showSupportNotice: false,
    interpolation: { escapeValue: false },
  });
  // The project's typed keys (renderer/src/i18n/i18next.d.ts) describe the renderer's namespaces, not this one.
  const t = i18n.t as unknown as (key: string, values: object) => string;
  return (key, values) => t(key, values ?? {});
}
