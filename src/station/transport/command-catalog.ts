// `GET /api/commands`: every command with its JSON Schema and roles, so Stream Deck / Companion
// users and scripts can discover the API from the station itself.
import { z } from 'zod';
import { commands } from '../../shared/contract/index';

export interface CatalogEntry {
  name: string;
  summary: string;
  kind: 'read' | 'write';
  roles: readonly string[];
  method: 'POST';
  path: string;
  args: unknown;
}

export function commandCatalog(): CatalogEntry[] {
  return Object.entries(commands).map(([name, spec]) => ({
    name,
    summary: spec.summary,
    kind: spec.kind,
    roles: spec.roles,
    method: 'POST',
    path: `/api/commands/${name}`,
    args: z.toJSONSchema(spec.args, { io: 'input', unrepresentable: 'any' }),
  }));
}
