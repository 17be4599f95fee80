// Menu actions the main process sends to the renderer on IPC_MENU. No imports: the sandboxed preload bundles it.
export const MENU_ACTIONS = ['reset-camera', 'toggle-xray', 'toggle-labels'] as const;

export type MenuAction = (typeof MENU_ACTIONS)[number];

export function isMenuAction(value: unknown): value is MenuAction {
  return typeof value === 'string' && (MENU_ACTIONS as readonly string[]).includes(value);
}
