// The shape of one numbered migration. Its own module so each migration and the ordered list in
// index.ts both import it without importing each other (a type cycle).
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}
