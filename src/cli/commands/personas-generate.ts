import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import { readConfig } from '../../core/config.js';
import { ExitCode, ProviderError, UsageError } from '../../core/errors.js';
import { homePaths } from '../../core/home.js';
import { slugify } from '../../core/ids.js';
import { loadPersonas } from '../../persona/loader.js';
import { AGE_BANDS, planPanel, type PanelSlot } from '../../persona/generate/panel-plan.js';
import { strictPersonaSchema } from '../../persona/generate/strict-schema.js';
import { costOf, priceFor } from '../../providers/pricing.js';
import { createProvider } from '../../providers/registry.js';
import { chooseProvider, resolveProviderSettings } from '../../providers/settings.js';
import { GENERATOR_SYSTEM, slotPrompt } from '../../research/panel/generation-prompt.js';
import { generatePanel, type GeneratedPersona, type PanelEvent } from '../../research/panel/generate-panel.js';
import { numberFlag, parseOptions } from '../options.js';
import { c, colorFor, printJson, println, sanitizeInline } from '../output.js';

// `persona personas generate "<segment>" --count N`: a diverse panel written by a live model
// against a locally planned spread, saved as persona files as each one arrives.

const options = z.object({
  count: z.optional(numberFlag(1, 500, true)),
  seed: z.optional(numberFlag(0, 2 ** 31, true)),
  concurrency: z.optional(numberFlag(1, 32, true)),
  outDir: z.optional(z.string()),
  force: z.optional(z.boolean()),
  dryRun: z.optional(z.boolean()),
  json: z.optional(z.boolean()),
  provider: z.optional(z.string()),
  model: z.optional(z.string().check(z.minLength(1))),
  budget: z.optional(numberFlag(0, 10_000)),
  ages: z.optional(z.string()),
});

/** `--ages 18-24,25-34`: the age bands a segment allows (students are not 70). */
function parseAgeBands(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const wanted = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const known = AGE_BANDS.map((b) => b.label as string);
  const unknown = wanted.filter((w) => !known.includes(w));
  if (wanted.length === 0 || unknown.length > 0)
    throw new UsageError(
      `--ages: ${unknown.length ? `unknown band "${unknown[0]}"` : 'no band given'}`,
      `use some of ${known.join(', ')}, e.g. --ages 18-24,25-34`,
    );
  return wanted;
}

/** Tokens a model writes for one persona file with dialogue and stories: measured on real replies, rounded up. */
const OUTPUT_TOKENS_PER_PERSONA = 3000;
const DEFAULT_COUNT = 10;
const DEFAULT_CONCURRENCY = 4;

function describeSlotShort(slot: PanelSlot): string {
  return `${slot.ageBand}, ${slot.gender}, ${slot.income} income, ${slot.setting}; ${slot.attitude}`;
}

export default async function personasGenerate(segment: string, rawOptions: Record<string, unknown>): Promise<void> {
  const opts = parseOptions(options, rawOptions);
  if (!segment.trim()) throw new UsageError('describe the segment, e.g. "UK dentists who run their own practice"');
  const config = readConfig();
  const count = opts.count ?? DEFAULT_COUNT;
  const seed = opts.seed ?? Math.floor(Math.random() * 2 ** 31);
  const ageBands = parseAgeBands(opts.ages);
  const slots = planPanel(count, seed, ageBands ? { ageBands } : {});
  const flags = { provider: opts.provider, model: opts.model };
  if (chooseProvider(flags, config) === 'offline') {
    throw new UsageError(
      'generating personas needs a live model; the offline engine only speaks from files that exist',
      'export OPENAI_API_KEY=… (or ANTHROPIC_API_KEY), or point OPENAI_BASE_URL at a local server such as Ollama, then run this again',
    );
  }
  const settings = resolveProviderSettings(flags, config);
  const price = priceFor(settings.model, config.prices);
  const promptTokens = Math.ceil(
    (GENERATOR_SYSTEM.length + JSON.stringify(strictPersonaSchema()).length + slotPrompt(segment, slots[0]!, []).length) / 4,
  );
  const estimate = price
    ? costOf({ inputTokens: promptTokens * count, outputTokens: OUTPUT_TOKENS_PER_PERSONA * count }, price)
    : undefined;
  const budgetUsd = opts.budget ?? config.limits?.sessionBudgetUsd ?? 1;
  const concurrency = opts.concurrency ?? DEFAULT_CONCURRENCY;
  const outDir = resolve(opts.outDir ?? homePaths().personas);

  if (opts.dryRun) {
    if (opts.json) {
      printJson({
        segment,
        seed,
        count,
        provider: settings.name,
        model: settings.model,
        estimatedCostUsd: estimate ?? null,
        budgetUsd,
        slots,
      });
      return;
    }
    println(c.bold(`Panel plan: ${count} people, seed ${seed} (same seed, same plan)`));
    for (const slot of slots) println(`  ${String(slot.index).padStart(String(count).length)}. ${describeSlotShort(slot)}`);
    const cost =
      estimate === undefined
        ? `cost unknown (no price for ${settings.model}; set one with persona config set prices.…)`
        : `about $${estimate.toFixed(2)}`;
    println(`\n${settings.name} ${settings.model}: ${cost}; budget $${budgetUsd.toFixed(2)}; ${concurrency} at a time; files to ${outDir}`);
    return;
  }
  if (estimate !== undefined && budgetUsd > 0 && estimate > budgetUsd) {
    throw new UsageError(
      `the estimate for ${count} personas is $${estimate.toFixed(2)}, over the budget of $${budgetUsd.toFixed(2)}`,
      'raise it with --budget <usd>, lower --count, or pick a cheaper --model',
    );
  }

  const taken = new Map(loadPersonas().personas.map((p) => [p.id, p.source]));
  mkdirSync(outDir, { recursive: true });
  const written: Array<{ id: string; name: string; path: string; slot: number }> = [];
  const writeOne = (item: GeneratedPersona) => {
    let id = slugify(item.name) || `persona-${item.slot.index}`;
    // Never overwrite without --force: a new person whose name is taken gets the next free id.
    for (let n = 2; !opts.force && (taken.has(id) || existsSync(join(outDir, `${id}.json`))); n++) id = `${slugify(item.name)}-${n}`;
    const path = join(outDir, `${id}.json`);
    writeFileSync(path, `${JSON.stringify({ id, ...item.persona, createdAt: new Date().toISOString() }, null, 2)}\n`, 'utf8');
    taken.set(id, path);
    written.push({ id, name: item.name, path, slot: item.slot.index });
  };

  const e = colorFor(process.stderr);
  const progress = (event: PanelEvent) => {
    const at = `[${String(event.slot.index).padStart(String(count).length)}/${count}]`;
    if (event.type === 'written') process.stderr.write(`${e.green('✓')} ${at} ${sanitizeInline(event.name)}\n`);
    else if (event.type === 'retry') process.stderr.write(`${e.yellow('↻')} ${at} asking again: ${sanitizeInline(event.problem)}\n`);
    else if (event.type === 'failed') process.stderr.write(`${e.red('✗')} ${at} ${sanitizeInline(event.problem)}\n`);
  };
  const interrupt = new AbortController();
  const onSigint = () => interrupt.abort();
  process.once('SIGINT', onSigint);
  process.stderr.write(
    e.dim(`Writing ${count} personas with ${settings.name} ${settings.model}, ${concurrency} at a time (seed ${seed})…\n`),
  );
  const provider = await createProvider(settings);
  const outcome = await generatePanel({
    segment,
    slots,
    provider,
    model: settings.model,
    temperature: 0.9,
    maxOutputTokens: 6000,
    concurrency,
    signal: interrupt.signal,
    costOf: (usage) => (price ? costOf(usage, price) : undefined),
    ...(budgetUsd > 0 ? { budgetUsd } : {}),
    onPersona: writeOne,
    onEvent: progress,
  });
  process.off('SIGINT', onSigint);

  if (opts.json) {
    printJson({
      seed,
      written,
      failed: outcome.failed.map((f) => ({ slot: f.slot.index, problem: f.problem, raw: f.raw ?? null })),
      costUsd: outcome.costKnown ? outcome.costUsd : null,
      stoppedBy: outcome.stoppedBy instanceof ProviderError ? outcome.stoppedBy.message : (outcome.stoppedBy ?? null),
    });
  } else {
    const cost = outcome.costKnown ? `$${outcome.costUsd.toFixed(4)}` : 'cost unknown';
    println(`${c.green('✓')} wrote ${written.length} of ${count} personas to ${outDir} (${cost}, seed ${seed})`);
    if (written[0])
      println(
        c.dim(`  chat with one: persona chat ${written[0].id}   ·   ask them all: persona ask ${written.map((w) => w.id).join(',')} "…"`),
      );
  }
  if (outcome.stoppedBy instanceof ProviderError) throw outcome.stoppedBy;
  if (outcome.stoppedBy === 'budget') {
    process.stderr.write(
      `${e.red('error:')} the budget of $${budgetUsd.toFixed(2)} is spent; ${count - written.length} personas were not written\n`,
    );
    process.exitCode = ExitCode.limit;
  } else if (outcome.stoppedBy === 'interrupted') process.exitCode = ExitCode.interrupted;
  else if (outcome.failed.length > 0) process.exitCode = ExitCode.provider;
}
