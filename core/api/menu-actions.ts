// View actions of the desktop menu, sent from the main process to the renderer on IPC_MENU.
// No imports, like channels.ts: the sandboxed preload bundles it.
// `language-<code>`: View → Language, one per language of core/api/languages.ts.
export const MENU_ACTIONS = [
  'reset-camera',
  'toggle-xray',
  'toggle-labels',
  'language-en',
  'language-zh-CN',
] as const;

export type MenuAction = (typeof MENU_ACTIONS)[number];

export function isMenuAction(value: unknown): value is MenuAction {
  return typeof value === 'string' && (MENU_ACTIONS as readonly string[]).includes(value);
}
