// The show file's published JSON Schema, generated from the zod schema so the two never drift
// (a unit test compares it with resources/show.schema.json; `npm run schema` rewrites that file).
import { z } from 'zod';
import { showSchema } from '../../shared/show/show.schema';

export function showJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://baton.example/show.schema.json',
    title: 'Baton show file',
    description: 'A live-commerce show: schedule, people, products, offers, script, checklist, OBS and comment settings.',
    ...z.toJSONSchema(showSchema, { io: 'input', unrepresentable: 'any' }),
  };
}

export function showJsonSchemaText(): string {
  return `${JSON.stringify(showJsonSchema(), null, 2)}\n`;
}
