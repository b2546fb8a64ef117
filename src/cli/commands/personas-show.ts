import { asList, bigFive, emojiOf, roleLine } from '../../persona/facts.js';
import { extraFacts, extraSpeakingNotes } from '../../persona/extras.js';
import { scenarioOf } from '../../persona/instructions.js';
import { resolvePersona } from '../../persona/loader.js';
import type { Persona } from '../../persona/schema.js';
import { c, printJson, println, sanitizeInline, sanitizeText } from '../output.js';

export default async function personasShow(ref: string, options: { json?: boolean }): Promise<void> {
  const persona = resolvePersona(ref);
  if (options.json) {
    printJson({ id: persona.id, origin: persona.origin, source: persona.source, persona: { ...persona.data, id: persona.id } });
    return;
  }
  println(renderPersona(persona));
}

function bar(value: number): string {
  const filled = Math.round(value * 10);
  return `${'█'.repeat(filled)}${c.dim('░'.repeat(10 - filled))} ${value.toFixed(2)}`;
}

export function renderPersona(persona: Persona): string {
  const d = persona.data;
  const out: string[] = [];
  const heading = (t: string) => out.push('', c.bold.underline(t));
  const field = (label: string, value: unknown) => {
    if (value === undefined || value === null || value === '') return;
    out.push(`  ${c.dim(`${sanitizeInline(label)}:`)} ${sanitizeInline(String(value))}`);
  };
  const items = (label: string, values: string[]) => {
    if (values.length === 0) return;
    out.push(`  ${c.dim(`${label}:`)}`);
    for (const v of values) out.push(`    • ${sanitizeInline(v)}`);
  };
  out.push(`${emojiOf(d) ?? '·'} ${c.bold(sanitizeInline(persona.name))}  ${c.dim(`(${persona.id})`)}`);
  const role = roleLine(d);
  if (role) out.push(`  ${sanitizeInline(role)}`);
  if (d.customInputs?.quote) out.push(`  ${c.italic(`“${sanitizeInline(d.customInputs.quote)}”`)}`);

  const b = d.baseSelection ?? {};
  heading('Demographics');
  field('Age', b.age);
  field('Gender', b.gender);
  field('Occupation', b.occupation);
  field('Industry', b.industry);
  field('Location', b.location);
  field('Income', b.income);
  field('Education', b.education);
  field('Family', b.familyStatus);

  const ci = d.customInputs ?? {};
  if (ci.background || ci.notes) {
    heading('Background');
    for (const para of [ci.background, ci.notes].filter(Boolean)) out.push(indent(sanitizeText(para!)));
  }
  items('Goals', asList(ci.goals));
  items('Challenges', asList(ci.challenges));

  const p = d.psychographics ?? {};
  heading('Psychographics');
  if (p.personalityTraits) {
    const t = bigFive(d);
    for (const [k, v] of Object.entries(t)) out.push(`  ${c.dim(k.padEnd(18))} ${bar(v)}`);
  }
  items('Values', asList(p.values));
  items('Interests', asList(p.interests));
  items('Lifestyle', asList(p.lifestyle));
  items('Attitudes', asList(p.attitudes));
  items('Communication', asList(p.communicationPreferences));

  const g = d.generatedInsights ?? {};
  heading('Insights');
  items('Pain points', asList(g.painPoints));
  items('Motivations', asList(g.motivations));
  items('Objections', asList(g.objections));
  items('Buying behaviour', asList(g.buyingBehavior));
  items('Channels', asList(g.preferredChannels));

  const extra = extraFacts(d);
  if (extra.length) {
    heading('Other details');
    for (const { label, lines, inline } of extra) {
      if (inline) field(label, lines[0]);
      else out.push(`  ${c.dim(`${sanitizeInline(label)}:`)}`, ...lines.map((l) => `    ${keepIndent(l)}`));
    }
  }
  const speaking = extraSpeakingNotes(d);
  if (speaking.length) {
    heading('Speaking notes (chatProfile)');
    for (const { label, lines, inline } of speaking) {
      if (inline) field(label, lines[0]);
      else out.push(`  ${c.dim(`${sanitizeInline(label)}:`)}`, ...lines.map((l) => `    ${keepIndent(l)}`));
    }
  }
  const scenario = scenarioOf(d);
  const examples = d.exampleDialogue?.length ?? 0;
  const stories = d.stories?.length ?? 0;
  const avoid = asList(d.doNotMention);
  if (scenario || examples || stories || avoid.length || d.postHistoryInstructions) {
    heading('How to play them');
    field('Scenario', scenario);
    if (examples) field('Example dialogue', `${examples} exchange${examples === 1 ? '' : 's'}`);
    if (stories) field('Stories', `${stories}`);
    items('Never brings up', avoid);
    field('After the history', d.postHistoryInstructions);
  }
  out.push('', c.dim(`source: ${persona.source}`));
  return out.join('\n');
}

/** Sanitizes one line of a nested value, keeping its indentation (the structure). */
function keepIndent(line: string): string {
  const pad = /^ */.exec(line)![0];
  return pad + sanitizeInline(line);
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}
