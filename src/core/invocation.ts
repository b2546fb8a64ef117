import { existsSync, realpathSync } from 'node:fs';
import { basename, delimiter, dirname, join, relative } from 'node:path';

// Hints name commands ("run `persona personas list`"), and the command has to work from where the
// user ran this one. After the README's install `persona` is not on PATH, only `npx persona` is;
// after `npm link` or a global install it is. Hints are written with plain `persona …`; this
// rewrites them to the form that works here, once, at the edge where they are printed.

/** The subcommands a hint can name: only `persona <one of these>` is a command, not the noun. */
const SUBCOMMANDS = 'chat|ask|personas|sessions|export|config|doctor|voice|stats|serve|cards|help|--help|--version';
const COMMAND = new RegExp(`(^|[\\s\`'"(:])persona (?=(?:${SUBCOMMANDS})\\b)`, 'g');

export interface InvocationContext {
  /** The script node ran (process.argv[1]). */
  script: string | undefined;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** How to run this CLI again from the user's shell: `persona`, `npx persona`, or `node <path>`. */
export function invocationFor(context: InvocationContext): string {
  const script = context.script ? safeRealpath(context.script) : undefined;
  // npx / npm exec set npm_command=exec. It is asked first: npx puts node_modules/.bin on the PATH
  // it runs us with, so `persona` is on that PATH but not on the user's once npx has returned.
  if (context.env.npm_command === 'exec' || context.env.npm_lifecycle_event === 'npx') return 'npx persona';
  if (script && onPath('persona', context.env).some((found) => safeRealpath(found) === script)) return 'persona';
  if (script && (script.split(/[\\/]/).includes('node_modules') || linkedLocally(context.cwd, script))) return 'npx persona';
  if (!script) return 'npx persona';
  const rel = relative(context.cwd, script);
  return `node ${rel.length < script.length && !rel.startsWith('..') ? rel : script}`;
}

let cached: string | undefined;

/**
 * The invocation for this process (worked out once). Only the CLI's own process knows how it was
 * run: anything else loading this code (a test runner, a program embedding it) keeps `persona`.
 */
export function invocation(): string {
  const script = process.argv[1];
  const isCli = script !== undefined && /^(persona(\.js)?|cli\.js)$/.test(basename(script));
  cached ??= isCli ? invocationFor({ script, env: process.env, cwd: process.cwd() }) : 'persona';
  return cached;
}

/** `text` with every `persona <command>` written the way that works from here. */
export function commandHint(text: string, how: string = invocation()): string {
  if (how === 'persona') return text;
  return text.replace(COMMAND, (_m, before: string) => `${before}${how} `);
}

function onPath(program: string, env: NodeJS.ProcessEnv): string[] {
  return (env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, program))
    .filter((file) => existsSync(file));
}

/** A `node_modules/.bin/persona` in the working folder or above that runs this very script (`npx persona` finds it). */
function linkedLocally(cwd: string, script: string): boolean {
  for (let dir = cwd; ; dir = dirname(dir)) {
    const bin = join(dir, 'node_modules', '.bin', 'persona');
    if (existsSync(bin) && safeRealpath(bin) === script) return true;
    if (dirname(dir) === dir) return false;
  }
}

function safeRealpath(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}
