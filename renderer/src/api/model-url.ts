/** Base URL of the trained models: served under /models/ in web mode, beside dist/ in the desktop app. */
export function modelBaseUrl(): URL {
  return window.twin
    ? new URL('../../models/', window.location.href)
    : new URL('/models/', window.location.origin);
}
