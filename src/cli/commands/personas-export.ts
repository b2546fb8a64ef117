import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import { UsageError } from '../../core/errors.js';
import { embedCardsInPng } from '../../persona/cards/card-png.js';
import { personaToCards } from '../../persona/cards/persona-to-card.js';
import { resolvePersona } from '../../persona/loader.js';
import { personaToAgent } from '../../persona/tinytroupe/persona-to-agent.js';
import { cardPicture } from '../cards/card-picture.js';
import { parseOptions } from '../options.js';
import { c, println } from '../output.js';

const exportOptions = z.object({
  format: z._default(z.enum(['card-json', 'card-png', 'tinytroupe']), 'card-json'),
  output: z.optional(z.string().check(z.minLength(1))),
  force: z.optional(z.boolean()),
});

export default async function personasExport(ref: string, rawOptions: Record<string, unknown>): Promise<void> {
  const options = parseOptions(exportOptions, rawOptions);
  const persona = resolvePersona(ref);
  if (options.format === 'tinytroupe') {
    const text = `${JSON.stringify(personaToAgent(persona.id, persona.data), null, 2)}\n`;
    if (options.output) writeOutput(options.output, text, options.force);
    else process.stdout.write(text);
    return;
  }
  const cards = personaToCards(persona.id, persona.data);
  if (options.format === 'card-json') {
    const text = `${JSON.stringify(cards.v2, null, 2)}\n`;
    if (!options.output) {
      process.stdout.write(text);
      return;
    }
    writeOutput(options.output, text, options.force);
    return;
  }
  const picture = cardPicture(persona);
  const target = options.output ?? `${persona.id}.png`;
  const file = writeOutput(target, embedCardsInPng(picture.png, cards), options.force);
  const from = picture.origin.kind === 'file' ? `its picture ${picture.origin.path}` : `a generated tile (${picture.origin.reason})`;
  process.stderr.write(`${c.dim(`picture: ${from}`)}\n`);
  println(file);
}

function writeOutput(target: string, content: string | Buffer, force: boolean | undefined): string {
  const file = resolve(target);
  if (existsSync(file) && !force) throw new UsageError(`${file} already exists`, 'add --force to overwrite it, or choose another -o');
  writeFileSync(file, content, { flag: force ? 'w' : 'wx' });
  if (typeof content === 'string') process.stderr.write(`${c.dim(`wrote ${file}`)}\n`);
  return file;
}
