// A view logs in with `?token=…` once; the token then leaves the address bar (and the browser
// history) and lives in this tab's sessionStorage.
const KEY = 'baton.token';

export function takeTokenFromUrl(location: Location, history: History, storage: Storage): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + (url.search ? url.search : '') + url.hash);
    return fromUrl;
  }
  return storage.getItem(KEY);
}

export function forgetToken(storage: Storage): void {
  storage.removeItem(KEY);
}

export function rememberToken(storage: Storage, token: string): void {
  storage.setItem(KEY, token);
}
