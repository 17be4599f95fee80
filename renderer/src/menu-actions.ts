import type { MenuAction } from '../../core/api/menu-actions';
import { resetCamera, toggleLabels, toggleXray } from './state/view-store';
import { setLanguage } from './i18n/i18n';

/** What each desktop menu action does; the compiler checks every action has one. */
const MENU_ACTION_HANDLERS: Record<MenuAction, () => void> = {
  'reset-camera': resetCamera,
  'toggle-xray': toggleXray,
  'toggle-labels': toggleLabels,
  'language-en': () => setLanguage('en'),
  'language-zh-CN': () => setLanguage('zh-CN'),
};

/** Desktop menu items (View → Reset camera, X-ray, Labels, Language) arrive from the Electron shell. */
export function bindMenuActions(): void {
  window.twin?.onMenu((action) => MENU_ACTION_HANDLERS[action]());
}
