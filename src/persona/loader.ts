import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputFileError, UserError, type Issue } from '../core/errors.js';
import { closest } from '../core/closest.js';
import { readInputFile } from '../core/read-input-file.js';
import { homePaths } from '../core/home.js';
import { sanitizeInline } from '../core/sanitize.js';
import { importCardBytes } from './cards/import-card.js';
import { MAX_CARD_FILE_BYTES } from './cards/parse-card.js';
import { isPng } from './cards/png-chunks.js';
import { importAgentBytes } from './tinytroupe/import-agent.js';
import { detectTinyTroupe } from './tinytroupe/parse-agent.js';
import type { Persona } from './schema.js';
import { validatePersonaText } from './validate.js';

// The only file in src/persona that touches the disk.

export interface LoadResult {
  personas: Persona[];
  /** Files that could not be used; each lists every problem. */
  failures: InputFileError[];
  /** Valid files with something worth fixing, by file. */
  warnings: Array<{ file: string; issues: Issue[] }>;
}

/** The shipped personas/ folder: found by walking up from this module to the package root. */
export function shippedPersonaDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'personas'))) return join(dir, 'personas');
    dir = dirname(dir);
  }
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'personas');
}

function jsonFilesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.json'))
    .map((e) => join(dir, e.name))
    .sort();
}

/** What a file other than a persona file holds, when it is one we can read as a persona. */
type ForeignKind = 'TinyTroupe agent' | 'character card';

/**
 * A card is a PNG, or JSON whose top level has a card spec, or the V1 card fields and none of a
 * persona file's (a persona imported from a card keeps the card under its own key: not a card).
 */
function foreignKind(bytes: Buffer): ForeignKind | undefined {
  if (isPng(bytes)) return 'character card';
  if (detectTinyTroupe(bytes) === 'agent') return 'TinyTroupe agent';
  let top: unknown;
  try {
    const text = bytes.toString('utf8');
    top = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return undefined;
  }
  if (!top || typeof top !== 'object' || Array.isArray(top)) return undefined;
  const record = top as Record<string, unknown>;
  if (typeof record.spec === 'string' && record.spec.startsWith('chara_card_')) return 'character card';
  const personaKeys = ['baseSelection', 'customInputs', 'psychographics', 'generatedInsights', 'chatProfile', 'id'];
  if ('first_mes' in record && 'description' in record && !personaKeys.some((k) => k in record)) return 'character card';
  return undefined;
}

/**
 * A TinyTroupe agent or a character card named where a persona file is expected (`persona ask
 * agent.json`): converted the way `personas import` converts it, for this run only. The warning
 * says so and gives the command that keeps it.
 */
function loadForeign(path: string, kind: ForeignKind): { data: unknown; warnings: Issue[] } {
  const bytes = readInputFile(path, kind, kind === 'character card' ? MAX_CARD_FILE_BYTES : undefined);
  const imported = kind === 'TinyTroupe agent' ? importAgentBytes(bytes, path) : importCardBytes(bytes, path);
  const note: Issue = {
    path: '',
    message: `this is a ${kind}, read as a persona for this run`,
    hint: `to keep it, run: persona personas import ${JSON.stringify(path)}`,
  };
  return { data: imported.persona, warnings: [note, ...imported.warnings] };
}

/** Reads and validates one persona file; throws InputFileError listing every problem. */
export function loadPersonaFile(file: string, origin: Persona['origin'] = 'path'): { persona: Persona; warnings: Issue[] } {
  const path = resolve(file);
  const probe = readInputFile(path, 'persona', MAX_CARD_FILE_BYTES);
  const kind = foreignKind(probe);
  if (kind) {
    const foreign = loadForeign(path, kind);
    const text = JSON.stringify(foreign.data);
    const result = validatePersonaText(text, Buffer.byteLength(text), basename(path));
    if (!result.ok) throw new InputFileError(path, result.issues);
    const persona: Persona = { id: result.id, name: result.data.name, data: result.data, source: path, origin };
    return { persona, warnings: [...foreign.warnings, ...result.warnings] };
  }
  const bytes = readInputFile(path, 'persona');
  const result = validatePersonaText(bytes.toString('utf8'), bytes.length, basename(path));
  if (!result.ok) throw new InputFileError(path, result.issues);
  const persona: Persona = { id: result.id, name: result.data.name, data: result.data, source: path, origin };
  return { persona, warnings: result.warnings };
}

/** Expands files and folders (non-recursive) into persona files. */
export function expandPaths(paths: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    const abs = resolve(p);
    if (!existsSync(abs)) missing.push(abs);
    else if (statSync(abs).isDirectory()) files.push(...jsonFilesIn(abs));
    else files.push(abs);
  }
  return { files, missing };
}

export interface PersonaSources {
  /** Include the shipped personas/ folder (default true). */
  shipped?: boolean;
  /** The user's folder (default: $PERSONA_HOME/personas; null: skip it). */
  userDir?: string | null;
  /** Extra files or folders. */
  paths?: string[];
  /** Where a note about a converted card or agent goes (default: stderr). */
  onNote?: (message: string) => void;
}

export function loadPersonas(sources: PersonaSources = {}): LoadResult {
  const entries: Array<{ file: string; origin: Persona['origin'] }> = [];
  if (sources.shipped !== false) {
    const dir = shippedPersonaDir();
    if (existsSync(dir)) for (const file of jsonFilesIn(dir)) entries.push({ file, origin: 'shipped' });
  }
  const userDir = sources.userDir === null ? undefined : (sources.userDir ?? homePaths().personas);
  if (userDir && existsSync(userDir)) for (const file of jsonFilesIn(userDir)) entries.push({ file, origin: 'user' });
  const { files, missing } = expandPaths(sources.paths ?? []);
  for (const file of files) entries.push({ file, origin: 'path' });

  const result: LoadResult = { personas: [], failures: [], warnings: [] };
  for (const file of missing) result.failures.push(new InputFileError(file, [{ path: '', message: 'no such file or folder' }]));
  const byId = new Map<string, Persona>();
  const seenFiles = new Set<string>();
  for (const { file, origin } of entries) {
    if (seenFiles.has(file)) continue;
    seenFiles.add(file);
    try {
      const { persona, warnings } = loadPersonaFile(file, origin);
      const existing = byId.get(persona.id);
      if (existing) {
        result.failures.push(
          new InputFileError(file, [
            { path: 'id', message: `duplicate id "${persona.id}", also used by ${existing.source}`, hint: 'give one of them another "id"' },
          ]),
        );
        continue;
      }
      byId.set(persona.id, persona);
      result.personas.push(persona);
      if (warnings.length > 0) result.warnings.push({ file, issues: warnings });
    } catch (error) {
      if (error instanceof InputFileError) result.failures.push(error);
      else throw error;
    }
  }
  return result;
}

/**
 * The common case, fast: `cfo` names `cfo.json` in exactly one folder and that file's id is `cfo`.
 * Validating every other file just to find this one costs start-up time in every chat; a clash
 * (the same file name in two folders, or an id that differs from the file name) falls back to
 * the full load, which reports duplicates.
 */
function loadByFileName(ref: string, sources: PersonaSources): Persona | undefined {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(ref) || sources.paths?.length) return undefined;
  const dirs: Array<[string, Persona['origin']]> = [];
  if (sources.shipped !== false) dirs.push([shippedPersonaDir(), 'shipped']);
  const userDir = sources.userDir === null ? undefined : (sources.userDir ?? homePaths().personas);
  if (userDir) dirs.push([userDir, 'user']);
  const hits = dirs.filter(([dir]) => existsSync(join(dir, `${ref}.json`)));
  if (hits.length !== 1) return undefined;
  const [dir, origin] = hits[0]!;
  try {
    const { persona } = loadPersonaFile(join(dir, `${ref}.json`), origin);
    return persona.id === ref ? persona : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Finds one persona by id (or unique id prefix), or loads it from a path when the argument
 * names a file.
 */
function noteOnStderr(message: string): void {
  process.stderr.write(`note: ${sanitizeInline(message)}\n`);
}

export function resolvePersona(ref: string, sources: PersonaSources = {}): Persona {
  if (/\.(json|png)$/i.test(ref) || ref.includes('/') || ref.includes('\\')) {
    const { persona, warnings } = loadPersonaFile(ref);
    // Only the note that a card or agent was converted is said here; a persona file's own
    // warnings are for `personas validate`.
    const converted = warnings[0]?.message.includes('read as a persona for this run') ? warnings[0] : undefined;
    if (converted) (sources.onNote ?? noteOnStderr)(`${basename(ref)}: ${converted.message}; ${converted.hint}`);
    return persona;
  }
  const direct = loadByFileName(ref, sources);
  if (direct) return direct;
  const { personas, failures } = loadPersonas(sources);
  const exact = personas.find((p) => p.id === ref);
  if (exact) return exact;
  const prefixed = personas.filter((p) => p.id.startsWith(ref));
  if (prefixed.length === 1) return prefixed[0]!;
  const broken = failures.find((f) => basename(f.file, '.json') === ref);
  if (broken) throw broken;
  if (prefixed.length > 1) {
    throw new UserError(`"${ref}" matches several personas: ${prefixed.map((p) => p.id).join(', ')}`, { hint: 'type more of the id' });
  }
  const near = closest(
    ref,
    personas.map((p) => p.id),
  );
  throw new UserError(`no persona with id "${ref}"`, {
    hint: near ? `did you mean "${near}"? (see \`persona personas list\`)` : 'see `persona personas list`, or give a path to a .json file',
    exitCode: 2,
  });
}
