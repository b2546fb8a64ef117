import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import { ExitCode, formatIssue, InputFileError, isUserError, UsageError, type UserError } from '../../core/errors.js';
import { homePaths } from '../../core/home.js';
import { importCardBytes } from '../../persona/cards/import-card.js';
import { importAgentBytes } from '../../persona/tinytroupe/import-agent.js';
import { detectTinyTroupe } from '../../persona/tinytroupe/parse-agent.js';
import { loadPersonaFile, loadPersonas } from '../../persona/loader.js';
import { readCardFile } from '../cards/read-card-file.js';
import { handleError } from '../handle-error.js';
import { parseOptions } from '../options.js';
import { c, printJson, println, sanitizeInline, warn } from '../output.js';

const importOptions = z.object({
  id: z.optional(z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes, at most 64'))),
  force: z.optional(z.boolean()),
  dryRun: z.optional(z.boolean()),
  json: z.optional(z.boolean()),
  fragment: z.optional(z.array(z.string().check(z.minLength(1)))),
});
type ImportOptions = z.output<typeof importOptions>;

interface Imported {
  file: string;
  id: string;
  name: string;
  spec: string;
  container: string;
  /** Where the persona was written (absent with --dry-run). */
  path?: string;
  /** The card was one of our exports, unchanged since. */
  unchanged: boolean;
  warnings: string[];
  persona: Record<string, unknown>;
}

const SPEC_LABEL: Record<string, string> = {
  chara_card_v1: 'V1 card',
  chara_card_v2: 'V2 card',
  chara_card_v3: 'V3 card',
  tinytroupe: 'TinyTroupe agent',
};

interface Converted {
  persona: Record<string, unknown> & { id: string; name: string };
  spec: string;
  container: string;
  unchanged: boolean;
  warnings: Array<{ path: string; message: string; hint?: string }>;
}

/** A card (PNG or JSON) or a TinyTroupe agent, by what the file holds. */
function convert(source: string, bytes: Buffer, fragments: string[]): Converted {
  const kind = detectTinyTroupe(bytes);
  if (kind === 'fragment')
    throw new UsageError(
      `${source} is a TinyTroupe fragment, not an agent`,
      'merge it into an agent: persona personas import agent.json --fragment this.json',
    );
  if (kind === 'agent') {
    const parts = fragments.map((f) => readCardFile(f)).map(({ path, bytes }) => ({ file: path, bytes }));
    const agent = importAgentBytes(bytes, source, parts);
    return { persona: agent.persona, spec: 'tinytroupe', container: 'JSON', unchanged: agent.unchanged, warnings: agent.warnings };
  }
  if (fragments.length > 0) throw new UsageError('--fragment merges into TinyTroupe agents only', `${source} is not a TinyTroupe agent`);
  const card = importCardBytes(bytes, source);
  return { persona: card.persona, spec: card.spec, container: card.container, unchanged: card.unchanged, warnings: card.warnings };
}

export default async function personasImport(files: string[], rawOptions: Record<string, unknown>): Promise<void> {
  const options = parseOptions(importOptions, rawOptions);
  if (options.id && files.length > 1) throw new UsageError('--id works with one card file at a time');
  const imported: Imported[] = [];
  const failed: Array<{ file: string; error: UserError }> = [];
  const taken = new Map(loadPersonas().personas.map((p) => [p.id, resolve(p.source)]));
  for (const file of files) {
    try {
      imported.push(importOne(file, options, taken));
    } catch (error) {
      if (!isUserError(error)) throw error;
      failed.push({ file: resolve(file), error });
    }
  }
  report(imported, failed, options);
  if (failed.length > 0) process.exitCode = failed.length === 1 && files.length === 1 ? failed[0]!.error.exitCode : ExitCode.invalidInput;
}

function importOne(file: string, options: ImportOptions, taken: Map<string, string>): Imported {
  const { path: source, bytes } = readCardFile(file);
  const card = convert(source, bytes, options.fragment ?? []);
  const persona = { ...card.persona, id: options.id ?? card.persona.id };
  const result: Imported = {
    file: source,
    id: persona.id,
    name: persona.name,
    spec: card.spec,
    container: card.container,
    unchanged: card.unchanged,
    warnings: card.warnings.map((w) => formatIssue(source, w)),
    persona,
  };
  if (options.dryRun) return result;
  const target = join(homePaths().personas, `${persona.id}.json`);
  const owner = taken.get(persona.id);
  if (owner && owner !== target)
    throw new UsageError(`${source}: id "${persona.id}" is already used by ${owner}`, 'give this card another id with --id');
  if (existsSync(target) && !options.force)
    throw new UsageError(`${source}: ${target} already exists`, 'add --force to overwrite it, or pick another --id');
  mkdirSync(homePaths().personas, { recursive: true });
  // One of our own exports, unchanged, comes back exactly as it was (its picture included).
  const picture = card.container.startsWith('PNG') && !card.unchanged ? keepCardArt(persona, bytes) : undefined;
  writeFileSync(target, `${JSON.stringify(persona, null, 2)}\n`, { encoding: 'utf8', flag: options.force ? 'w' : 'wx' });
  // What we wrote must load through the same loader every command uses; if not, leave nothing behind.
  try {
    loadPersonaFile(target, 'user');
  } catch (error) {
    rmSync(target, { force: true });
    if (picture) rmSync(picture, { force: true });
    if (error instanceof InputFileError)
      throw new InputFileError(
        source,
        error.issues.map((i) => ({ ...i, message: `as a persona: ${i.message}` })),
      );
    throw error;
  }
  taken.set(persona.id, target);
  return { ...result, path: target };
}

/**
 * A PNG card's picture is the character's art: it is kept beside the persona, byte for byte (its
 * other chunks included), and becomes the persona's picture, so `personas export -f card-png`
 * writes the card back into its own art rather than a generated tile.
 */
function keepCardArt(persona: Record<string, unknown>, bytes: Buffer): string | undefined {
  const pic = persona.profilePicture;
  if (typeof pic === 'string' || (isRecordLike(pic) && typeof pic.image === 'string')) return undefined;
  const name = `${String(persona.id)}.card.png`;
  const file = join(homePaths().personas, name);
  writeFileSync(file, bytes);
  persona.profilePicture = { ...(isRecordLike(pic) ? pic : {}), image: name };
  return file;
}

const isRecordLike = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function report(imported: Imported[], failed: Array<{ file: string; error: UserError }>, options: ImportOptions): void {
  if (options.json) {
    printJson({
      imported: imported.map(({ persona, ...rest }) => (options.dryRun ? { ...rest, persona } : rest)),
      failed: failed.map(({ file, error }) => ({ file, error: error.message, hint: error.hint ?? null })),
    });
    return;
  }
  for (const item of imported) {
    if (options.dryRun) {
      println(JSON.stringify(item.persona, null, 2));
      continue;
    }
    const what = `${SPEC_LABEL[item.spec]}, ${item.container}${item.unchanged ? ', a persona-chat export' : ''}`;
    println(`${c.green('✓')} ${sanitizeInline(item.name)} ${c.dim(`(${what})`)} -> ${item.path}`);
    for (const w of item.warnings) warn(w);
    println(c.dim(`  chat with it: persona chat ${item.id}   ·   ask it: persona ask ${item.id} "hello"`));
  }
  for (const { error } of failed) handleError(error);
}
