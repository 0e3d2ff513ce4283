// Numbered migrations, applied in order at start-up. Never edit one that has shipped: add the next.
import type Database from 'better-sqlite3';
import { m001Foundation } from './001-foundation';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export const MIGRATIONS: readonly Migration[] = [m001Foundation];
