// IPC channel names, listed once. No imports so the sandboxed preload can bundle it alone.
export const IPC_INVOKE = 'twin:invoke';
export const IPC_EVENTS = 'twin:events';
/** Telemetry batches as binary frames (core/api/telemetry-frame), apart from the other events. */
export const IPC_TELEMETRY = 'twin:telemetry';
/** Carries a MenuAction (core/api/menu-actions.ts) from the main process to the renderer. */
export const IPC_MENU = 'twin:menu';
