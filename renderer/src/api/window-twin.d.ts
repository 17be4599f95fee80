import type { TwinClient } from '../../../core/api/twin-api';

declare global {
  interface Window {
    /** Present in the Electron app (set by the preload); absent in web mode, which uses the WebSocket client. */
    twin?: TwinClient & {
      /** View actions from the application menu: 'reset-camera' | 'toggle-xray' | 'toggle-labels'. */
      onMenu(listener: (action: string) => void): () => void;
    };
  }
}

export {};
