import type { MenuAction } from '../../core/api/menu-actions';
import { resetCamera, toggleLabels, toggleXray } from './state/view-store';

/** What each desktop menu action does; the compiler checks every action has one. */
const MENU_ACTION_HANDLERS: Record<MenuAction, () => void> = {
  'reset-camera': resetCamera,
  'toggle-xray': toggleXray,
  'toggle-labels': toggleLabels,
};

/** Desktop menu items (View → Reset camera, X-ray, Labels) arrive from the Electron shell. */
export function bindMenuActions(): void {
  window.twin?.onMenu((action) => MENU_ACTION_HANDLERS[action]());
}
