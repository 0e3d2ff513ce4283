// Who sits at this moderator desk. Several moderators may share one station token, so the view
// names the person: from `?as=` in the address, else this tab's sessionStorage (two tabs in one
// browser are two desks).
const KEY = 'baton.moderator';

export function readModeratorName(location: Pick<Location, 'href'>, storage: Pick<Storage, 'getItem' | 'setItem'>): string | null {
  const fromUrl = new URL(location.href).searchParams.get('as')?.trim();
  if (fromUrl) {
    storage.setItem(KEY, fromUrl.slice(0, 80));
    return fromUrl.slice(0, 80);
  }
  return storage.getItem(KEY);
}

export function saveModeratorName(storage: Pick<Storage, 'setItem'>, name: string): void {
  storage.setItem(KEY, name.trim().slice(0, 80));
}
