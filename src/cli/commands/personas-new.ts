import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { homePaths } from '../../core/home.js';
import { composePersona, type PersonaAnswers } from '../../persona/author.js';
import { loadPersonaFile, loadPersonas, resolvePersona } from '../../persona/loader.js';
import { c, printJson, println, warn } from '../output.js';
import { formatIssue } from '../../core/errors.js';

type Options = PersonaAnswers & { from?: string; output?: string; force?: boolean; json?: boolean };

export default async function personasNew(options: Options): Promise<void> {
  const base = options.from ? resolvePersona(options.from) : undefined;
  let answers: PersonaAnswers = options;
  const interactive = process.stdin.isTTY && process.stdout.isTTY && !options.name && !options.json;
  if (interactive) {
    const { runPersonaWizard } = await import('../../ui/wizard/run-wizard.js');
    const collected = await runPersonaWizard(base ? { ...base.data, id: base.id } : undefined);
    if (!collected) {
      println(c.dim('Cancelled; nothing written.'));
      return;
    }
    answers = { ...collected, ...stripUndefined(options) };
  } else if (!options.name && !base) {
    throw new UsageError(
      'a new persona needs --name (or --from <persona> to copy one)',
      'run it in a terminal for the interactive wizard, or see `persona personas new --help`',
    );
  }

  const { persona, id } = composePersona(answers, base ? (base.data as Record<string, unknown>) : {});
  const file = options.output ? resolve(options.output) : join(homePaths().personas, `${id}.json`);
  if (existsSync(file) && !options.force) {
    throw new UsageError(`${file} already exists`, 'pick another --id, or add --force to overwrite it');
  }
  const clash = loadPersonas().personas.find((p) => p.id === id && resolve(p.source) !== file);
  if (clash) throw new UsageError(`id "${id}" is already used by ${clash.source}`, 'pick another --id');

  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(persona, null, 2)}\n`, { encoding: 'utf8', flag: options.force ? 'w' : 'wx' });
  // Read it back through the same loader every other command uses: what we wrote must load.
  const { warnings } = loadPersonaFile(file, 'user');
  if (options.json) {
    printJson({ id, file, warnings, persona });
    return;
  }
  println(`${c.green('✓')} wrote ${file}`);
  for (const w of warnings) warn(formatIssue(file, w));
  println(c.dim(`chat with it: persona chat ${id}   ·   see its prompt: persona personas prompt ${id}`));
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
