import { createInterface } from 'node:readline/promises';
import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import { readConfig } from '../../core/config.js';
import { ExitCode, UsageError } from '../../core/errors.js';
import { resolvePersona } from '../../persona/loader.js';
import { costOf, priceFor } from '../../providers/pricing.js';
import { createProvider } from '../../providers/registry.js';
import { chooseProvider, resolveProviderSettings } from '../../providers/settings.js';
import { enrichFile, renderInsertions, replaceFile } from '../authoring/enrich-file.js';
import { parseOptions } from '../options.js';
import { c, colorFor, printJson, println, sanitizeInline } from '../output.js';

// `persona personas enrich <id>`: fills the empty sections of a persona with a live model,
// without changing a byte the author wrote, and shows the change before writing it.

const options = z.object({
  yes: z.optional(z.boolean()),
  dryRun: z.optional(z.boolean()),
  json: z.optional(z.boolean()),
  provider: z.optional(z.string()),
  model: z.optional(z.string().check(z.minLength(1))),
});

export function needsLiveModel(what: string): UsageError {
  return new UsageError(
    `${what} needs a live model; the offline engine only speaks from what files already say`,
    'export OPENAI_API_KEY=… (or ANTHROPIC_API_KEY), or point OPENAI_BASE_URL at a local server such as Ollama, then run this again',
  );
}

export default async function personasEnrich(ref: string, rawOptions: Record<string, unknown>): Promise<void> {
  const opts = parseOptions(options, rawOptions);
  const persona = resolvePersona(ref);
  if (persona.origin === 'shipped') {
    throw new UsageError(
      `${persona.id} is a shipped persona; enrich a copy of your own`,
      `persona personas new --from ${persona.id} --id my-${persona.id}, then persona personas enrich my-${persona.id}`,
    );
  }
  const config = readConfig();
  const flags = { provider: opts.provider, model: opts.model };
  if (chooseProvider(flags, config) === 'offline') throw needsLiveModel('enriching a persona');
  const settings = resolveProviderSettings(flags, config);
  const provider = await createProvider(settings);
  const { outcome } = await enrichFile(persona.source, provider, settings.model);
  const price = priceFor(settings.model, config.prices);
  const cost =
    outcome.status === 'enriched' || outcome.status === 'invalid'
      ? outcome.usage.reduce((sum, u) => sum + (price ? costOf(u, price) : 0), 0)
      : 0;

  if (outcome.status === 'error') throw outcome.error;
  if (outcome.status === 'nothing-to-fill') {
    if (opts.json) printJson({ id: persona.id, file: persona.source, filled: [], written: false });
    else println(`${sanitizeInline(persona.name)} has no empty sections to fill.`);
    return;
  }
  if (outcome.status === 'invalid') {
    if (opts.json) printJson({ id: persona.id, file: persona.source, error: outcome.problem, raw: outcome.raw, written: false });
    process.stderr.write(
      `${colorFor(process.stderr).red('error:')} the model's reply could not be used twice: ${sanitizeInline(outcome.problem)}\n`,
    );
    process.exitCode = ExitCode.provider;
    return;
  }
  const filled = outcome.filled.map((s) => s.path.join('.'));
  if (opts.json && (opts.dryRun || !opts.yes)) {
    printJson({
      id: persona.id,
      file: persona.source,
      filled,
      after: JSON.parse(outcome.text) as unknown,
      costUsd: price ? cost : null,
      written: false,
    });
    if (!opts.dryRun) throw new UsageError('--json does not ask before writing', 'add --yes to write, or --dry-run to only look');
    return;
  }
  if (!opts.json) {
    println(
      c.bold(`${sanitizeInline(persona.name)}: ${filled.length} empty section${filled.length === 1 ? '' : 's'} filled (${persona.source})`),
    );
    println(renderInsertions(outcome.text, outcome.edits, c));
  }
  if (opts.dryRun) return;
  if (!opts.yes) {
    if (!process.stdin.isTTY) throw new UsageError('not writing without a yes', 'run it in a terminal to answer, or add --yes');
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    const answer = await rl.question(`Write these changes to ${persona.source}? [y/N] `);
    rl.close();
    if (!/^y(es)?$/i.test(answer.trim())) {
      println('Nothing written.');
      return;
    }
  }
  replaceFile(persona.source, outcome.text);
  if (opts.json) printJson({ id: persona.id, file: persona.source, filled, costUsd: price ? cost : null, written: true });
  else println(`${c.green('✓')} wrote ${persona.source}${price ? ` ($${cost.toFixed(4)})` : ''}`);
}
