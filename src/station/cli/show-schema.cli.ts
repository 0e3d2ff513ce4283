// `npm run schema`: writes resources/show.schema.json from the zod schema.
import { writeFileSync } from 'node:fs';
import { showJsonSchemaText } from '../../core/show/show.json-schema';

writeFileSync('resources/show.schema.json', showJsonSchemaText());
console.log('wrote resources/show.schema.json');
