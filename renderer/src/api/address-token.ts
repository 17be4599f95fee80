/**
 * Removes `?token=…` from the address bar once the page has loaded: the server has already traded it for an
 * HttpOnly cookie, and an address with a secret in it is too easily copied, bookmarked or screenshotted.
 */
export function forgetAddressToken(
  location: { readonly href: string } = window.location,
  history: Pick<History, 'replaceState' | 'state'> = window.history,
): void {
  const url = new URL(location.href);
  if (!url.searchParams.has('token')) return;
  url.searchParams.delete('token');
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
}
