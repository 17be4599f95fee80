import type { MenuAction } from '../../../core/api/menu-actions';
import type { TwinClient } from '../../../core/api/twin-api';

declare global {
  interface Window {
    /** Present in the Electron app (set by the preload); absent in web mode, which uses the WebSocket client. */
    twin?: TwinClient & {
      /** View actions from the application menu. */
      onMenu(listener: (action: MenuAction) => void): () => void;
    };
  }
}

export {};
