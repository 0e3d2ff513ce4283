// Small non-secret station settings (last show file, OBS URL): key → JSON-free text.
import type { Db } from './database';

export interface SettingsRepo {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export function createSettingsRepo(db: Db): SettingsRepo {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  return {
    get: (key) => get.get(key)?.value ?? null,
    set: (key, value) => void put.run(key, value),
  };
}
