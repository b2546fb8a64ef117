import type { Fact } from './facts.js';
import { normalizeForMatch } from './history.js';
import type { Random } from './random.js';
import { applyRegister, type Register } from './style.js';
import { FACT_TEMPLATES, parseTemplate, type Template } from './templates.js';
import { capitalize } from './text.js';

// Fills templates. It remembers which phrasings the last two replies used and which this reply
// already holds, and skips them while anything else fits, so asking the same thing twice gets a
// differently worded answer.

export type Slots = Record<string, string | undefined>;

/** After a fact that is itself a question the persona would ask. */
const QUESTION_FACT_FOLLOWS = [
  "That's the first thing I'd ask.",
  "I'd want an answer to that before anything else.",
  '^That is the first question I would ask.',
  '~Seriously, I would ask that first.',
];

/** The longest fixed stretch of a template: if an earlier reply contains it, the template was used. */
function signatureOf(template: Template, register: Register): string | undefined {
  const pieces = template.text.split(/\{[A-Za-z]+\}/).map((p) => normalizeForMatch(applyRegister(p, register)).trim());
  const longest = pieces.sort((a, b) => b.length - a.length)[0] ?? '';
  return longest.length >= 8 ? ` ${longest} ` : undefined;
}

/** "is" or "are" for a noun phrase, judged by its head word ("k-dramas are", "the lack of tools is"). */
function copulaFor(phrase: string): string {
  const all = phrase.toLowerCase().split(/\s+/);
  // "support that only answers by email is": the head comes before a relative clause.
  const relative = all.findIndex((w, i) => i > 0 && /^(that|which|who|whose)$/.test(w));
  const words = relative > 0 ? all.slice(0, relative) : all;
  const preposition = words.findIndex((w, i) => i > 0 && /^(of|for|with|in|on|to|from|at|about)$/.test(w));
  const head = (preposition > 0 ? words[preposition - 1] : words[words.length - 1]) ?? '';
  return /[a-z]s$/.test(head) && !/(ss|us|is|ics|news)$/.test(head) ? 'are' : 'is';
}

export function fillSlots(text: string, slots: Slots): string {
  if (text.includes('{is}') && slots.is === undefined) slots = { ...slots, is: copulaFor(slots.x ?? '') };
  return text.replace(/\{([A-Za-z]+)\}/g, (_, key: string) => {
    const lower = key.charAt(0).toLowerCase() + key.slice(1);
    const value = slots[key] ?? slots[lower] ?? '';
    return key === lower ? value : capitalize(value);
  });
}

export class SentenceMaker {
  private readonly recent: string[];
  private readonly usedNow = new Set<string>();

  constructor(
    private readonly register: Register,
    private readonly rng: Random,
    personaReplies: readonly string[],
  ) {
    this.recent = personaReplies.slice(-2).map(normalizeForMatch);
  }

  private fits(template: Template): boolean {
    return template.register === undefined || template.register === this.register;
  }

  private choose(candidates: readonly Template[]): Template | undefined {
    const fresh = candidates.filter((t) => {
      if (this.usedNow.has(t.text)) return false;
      const signature = signatureOf(t, this.register);
      return signature === undefined || !this.recent.some((r) => r.includes(signature));
    });
    const unusedNow = candidates.filter((t) => !this.usedNow.has(t.text));
    const chosen = this.rng.pick(fresh.length > 0 ? fresh : unusedNow.length > 0 ? unusedNow : candidates);
    if (chosen) this.usedNow.add(chosen.text);
    return chosen;
  }

  /** One framing sentence from a list in lines.ts, with its slots filled. */
  line(sources: readonly string[], slots: Slots = {}): string {
    // A template that needs a slot this persona cannot fill ("{role}" without an occupation) is skipped.
    const filled = (t: Template): boolean =>
      [...t.text.matchAll(/\{([A-Za-z]+)\}/g)].every(([, key]) =>
        Boolean(slots[key!] ?? slots[key!.charAt(0).toLowerCase() + key!.slice(1)]),
      );
    const chosen = this.choose(sources.map(parseTemplate).filter((t) => this.fits(t) && filled(t)));
    return chosen ? fillSlots(chosen.text, slots) : '';
  }

  /** One persona fact spoken as a sentence that suits its shape. */
  fact(fact: Fact): string {
    const { form, text } = fact.spoken;
    // "Another app to learn?" cannot sit inside "{x} is a deal-breaker": the question is said as asked.
    if (/\?$/.test(text)) return `${capitalize(text)} ${this.line(QUESTION_FACT_FOLLOWS)}`;
    // A fact with its own colon ("daytime noise: deliveries, doorbells") would make "The hard part: x: y".
    const all = FACT_TEMPLATES[fact.kind].map(parseTemplate).filter((t) => this.fits(t) && !(text.includes(':') && t.text.includes(':')));
    let candidates: Template[];
    let spoken = text;
    if (form === 'loose') candidates = all.filter((t) => t.shape === undefined);
    else if (form === 'action' && all.some((t) => t.shape === 'action')) candidates = all.filter((t) => t.shape === 'action');
    else if (form === 'action') {
      // No verb-phrase template for this kind: make it a statement ("I'm trying to reduce churn").
      spoken = `I'm trying to ${text}`;
      candidates = all.filter((t) => t.shape === undefined || t.shape === 'clause');
    } else candidates = all.filter((t) => t.shape === undefined || t.shape === form);
    const chosen = this.choose(candidates);
    return chosen ? fillSlots(chosen.text, { x: spoken, label: fact.label }) : `${capitalize(spoken)}.`;
  }
}
