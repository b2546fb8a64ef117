import { personaJsonSchema } from '../../persona/schema.js';
import { printJson } from '../output.js';

export default async function personasSchema(): Promise<void> {
  printJson({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'persona-chat persona file',
    ...(personaJsonSchema() as object),
  });
}
