import type { Session } from 'electron';

/** Schemes of the network proper; the app itself loads only app:// (plus data:, blob: and devtools://). */
const NETWORK_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];

/**
 * The desktop renderer needs no permission and no network: it shows the twin from app:// and talks to the backend over
 * IPC. So every permission check and request is denied (camera, microphone, geolocation, notifications, clipboard
 * reading, HID, serial and USB devices on the plant PC…), and any http(s)/ws(s) request is cancelled before it leaves.
 */
export function applySessionPolicy(session: Session): void {
  session.setPermissionCheckHandler(() => false);
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest({ urls: NETWORK_URL_PATTERNS }, (_details, callback) =>
    callback({ cancel: true }),
  );
}
