// Which view a window shows, from its path: /producer, /host, /moderator.
export type ViewName = 'producer' | 'host' | 'moderator';

export function viewFromPath(pathname: string, fallback: ViewName): ViewName {
  const first = pathname.split('/').filter(Boolean)[0];
  return first === 'host' || first === 'moderator' || first === 'producer' ? first : fallback;
}
