import { lowerFirst } from './text.js';

// Persona files describe the person from outside, in list-item shorthand: "Wants fewer meetings",
// "Concerned about data privacy", "Dana spent 15 years in audit", "Reduce churn by 10%". The
// persona has to say these things about itself, so each fact is turned into first-person speech
// and labelled with its grammatical shape, which decides which sentence templates can hold it.

/**
 * - `clause`: a full statement ("I want fewer meetings", "manual reconciliation eats two days").
 * - `phrase`: a noun phrase ("data security", "saving time", "the lack of integration").
 * - `action`: a bare verb phrase, usually a goal ("reduce churn by 10%").
 * - `loose`: shape unknown; only templates that read well with any shape may hold it.
 */
export type FactForm = 'clause' | 'phrase' | 'action' | 'loose';

export interface Spoken {
  form: FactForm;
  /** First-person text, first letter lower-cased unless it is a name, no end punctuation. */
  text: string;
}

const THIRD_PERSON: Record<string, string> = {
  is: 'am', has: 'have', does: 'do', "doesn't": "don't", "isn't": 'am not', was: 'was', "wasn't": "wasn't", "hasn't": "haven't",
};

/** Verbs list items commonly open with in the third person ("Wants", "Researches"). */
const LEADING_VERBS = new Set(
  (
    'wants needs prefers values loves likes hates dislikes enjoys struggles worries fears seeks spends uses relies ' +
    'trusts distrusts believes feels finds juggles manages works runs leads has is does hopes aims plans tends reads ' +
    'follows buys researches compares asks listens watches avoids cares thinks knows expects demands requires ' +
    'wishes dreams lacks misses gets takes makes keeps shops checks looks learns tries dreads resents appreciates ' +
    'admires respects questions doubts considers evaluates reviews balances handles oversees owns lives grows ' +
    'spends prioritizes prioritises favors favours responds reacts gravitates craves chases wonders sees ' +
    'struggles feels lives travels cooks volunteers posts scrolls streams creates shares'
  ).split(' '),
);

const PAST_VERBS = new Set(
  (
    'moved started worked founded studied joined switched earned graduated raised lived served managed launched ' +
    'built grew spent left became began led ran took made got lost went had was learned tried used owned retired ' +
    'returned trained taught wrote sold bought created developed transitioned came quit survived helped'
  ).split(' '),
);

const ADJECTIVES = new Set(
  (
    'concerned worried frustrated tired overwhelmed interested motivated driven excited focused committed skeptical ' +
    'sceptical wary afraid unsure busy passionate curious reluctant hesitant loyal anxious confident comfortable ' +
    'uncomfortable happy unhappy proud eager keen open resistant annoyed stressed burned burnt fed sick bored ' +
    'disappointed satisfied dissatisfied impatient cautious careful protective nervous suspicious distrustful ' +
    'unwilling willing able unable likely unlikely ready allergic obsessed determined fascinated responsible'
  ).split(' '),
);
const ADJECTIVE_SUFFIX = /-(conscious|averse|sensitive|oriented|driven|minded|savvy|poor|strapped|focused)$/;

/** Verbs in the base form that open goals ("Reduce churn", "Grow the channel to 100k"). */
const BASE_VERBS = new Set(
  (
    'reduce grow build launch hit get become increase improve save find learn buy start make create spend cut automate ' +
    'scale reach expand retire pay travel move keep stay balance earn land win finish open hire lower streamline ' +
    'modernize modernise achieve maintain establish develop deliver ship double triple replace protect secure support ' +
    'help raise drive turn quit write publish run own close eliminate simplify consolidate prove gain monetize ' +
    'monetise partner spend build boost cut be have take'
  ).split(' '),
);

/** Words after the first that show a text is already a full statement. */
const VERBISH = new Set(
  (
    "is are was were has have had can could will would should must might may do does did don't doesn't didn't isn't " +
    "aren't won't can't cannot takes make makes gets keeps feels seems eats costs means goes comes needs wants " +
    'requires slows breaks wastes causes leads lacks kills hurts drains adds sits runs falls changes matters works ' +
    'fails forces leaves pay pays arrive arrives happen happens stop stops pile piles drop drops rise rises ' +
    'eat take get keep feel seem cost mean go come need want require slow break waste cause ' +
    'lack kill hurt drain add sit run fall change matter work fail force leave'
  ).split(' '),
);

const RELATIVE = new Set(['that', 'which', 'who', 'whom', 'where', 'nobody', 'everyone', 'anyone', 'people']);

const PERSONAL_VERBS = new Set(
  'want like trust need have know see believe care use enjoy understand feel buy pay read watch follow get'.split(' '),
);

const PERSONA_NOT_ADJECTIVES = new Set(['sure', 'convinced', 'interested', 'ready', 'willing', 'comfortable', 'keen', 'able', 'a']);

function baseForm(verb: string): string {
  const lower = verb.toLowerCase();
  if (THIRD_PERSON[lower]) return THIRD_PERSON[lower]!;
  if (/ies$/.test(lower)) return lower.slice(0, -3) + 'y';
  if (/(ches|shes|sses|xes|zzes|oes)$/.test(lower)) return lower.slice(0, -2);
  if (/s$/.test(lower) && !/ss$/.test(lower)) return lower.slice(0, -1);
  return lower;
}

/** "I" followed by a verb that must agree with it: "I is" -> "I am", "I really wants" -> "I really want". */
function agreeAfterI(words: string[], index: number): void {
  let i = index;
  if (/ly$/.test(words[i] ?? '') && words[i + 1]) i++;
  const word = words[i];
  if (!word) return;
  const lower = word.toLowerCase();
  if (THIRD_PERSON[lower] || (/[a-z]s$/.test(lower) && !/(ss|us|is)$/.test(lower) && lower.length > 3)) words[i] = baseForm(lower);
}

/** Third-person pronouns and the persona's own name become "I" / "my" / "me". */
function replacePronouns(text: string, names: readonly string[]): string {
  let out = text;
  for (const name of names) {
    if (!name) continue;
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`\\b${escaped}['’]s\\b`, 'g'), 'my');
    out = out.replace(new RegExp(`^${escaped}\\b`), 'I');
  }
  const startsWithThey = /^(they|their)\b/i.test(out);
  out = out
    .replace(/\b(he|she)\b/gi, 'I')
    .replace(/\b(himself|herself)\b/gi, 'myself')
    .replace(/\bhis\b/gi, 'my')
    .replace(/\bhim\b/gi, 'me')
    // "her" before a word is possessive ("her team"); at the end or before a preposition it is the object.
    .replace(/\bher\b(?=\s+(?:to|with|for|about|from|in|on|at|and|or|when|if)\b|\s*$|[,.;])/gi, 'me')
    .replace(/\bher\b/gi, 'my');
  if (startsWithThey) {
    out = out.replace(/^they\b/i, 'I').replace(/\btheir\b/gi, 'my').replace(/\bthemselves\b/gi, 'myself').replace(/^I are\b/, 'I am');
  }
  const words = out.split(' ');
  for (let i = 0; i < words.length - 1; i++) if (words[i] === 'I') agreeAfterI(words, i + 1);
  return words.join(' ').replace(/\bI am not\b/g, "I'm not");
}

const SERIES_VERB_FOLLOWERS = /^(at|in|on|for|with|to|the|a|an|my|out|up|about|from|over|every|all|off)$/i;

/** "researches for months, asks peers and needs approval": every verb in the series agrees with "I". */
function agreeCoordinated(text: string): string {
  // An unlisted -s word counts as a verb when a preposition or determiner follows it ("films at golden hour").
  return text.replace(/(,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)([a-z]+)\b(?=(\s+\S+)?)/g, (match, joiner: string, word: string, next = '') =>
    LEADING_VERBS.has(word) || (/[^s]s$/.test(word) && SERIES_VERB_FOLLOWERS.test(next.trim())) ? `${joiner}${baseForm(word)}` : match,
  );
}

function firstPersonOpening(words: string[]): Spoken | undefined {
  const [first = '', second = ''] = words;
  const lower = first.toLowerCase();
  const rest = words.slice(1).join(' ');
  const secondLower = second.toLowerCase();
  if (lower === 'i' || lower.startsWith("i'") || lower === 'my') return { form: 'clause', text: words.join(' ') };
  if (LEADING_VERBS.has(lower)) {
    const verb = baseForm(lower);
    return { form: 'clause', text: verb === 'am not' ? `I'm not ${rest}` : `I ${verb} ${agreeCoordinated(rest)}`.trim() };
  }
  if (PAST_VERBS.has(lower) && second) return { form: 'clause', text: `I ${lower} ${rest}` };
  if (ADJECTIVES.has(lower) || ADJECTIVE_SUFFIX.test(lower)) return { form: 'clause', text: `I'm ${lowerFirst(words.join(' '))}` };
  if (/ed$/.test(lower) && /^(about|by|with|of|that|in|for)$/.test(secondLower)) return { form: 'clause', text: `I'm ${lowerFirst(words.join(' '))}` };
  if (lower === 'too' && second) return { form: 'clause', text: `it's too ${rest}` };
  if (lower === 'not' && second) {
    if (secondLower === 'enough') return { form: 'clause', text: `there's not ${rest}` };
    if (PERSONA_NOT_ADJECTIVES.has(secondLower)) return { form: 'clause', text: `I'm not ${rest}` };
    return { form: 'clause', text: `it's not ${rest}` };
  }
  if (lower === 'no' && second && !/^no-/.test(lower)) return { form: 'clause', text: `there's no ${rest}` };
  if (/^(doesn't|isn't)$/.test(lower)) {
    // "Doesn't trust vendors" is about the persona; "Doesn't integrate with SAP" is about the product.
    return PERSONAL_VERBS.has(secondLower) ? { form: 'clause', text: `I don't ${rest}` } : { form: 'clause', text: `it ${lower} ${rest}` };
  }
  if (/^(can't|cannot|won't|don't|hasn't|haven't|never|rarely|often|always|usually)$/.test(lower) && second) {
    const verb = lower === "hasn't" ? "haven't" : lower;
    const tail = /^(never|rarely|often|always|usually)$/.test(lower) ? words.slice(1).map((w, i) => (i === 0 ? baseForm(w) : w)).join(' ') : rest;
    return { form: 'clause', text: `I ${verb} ${tail}` };
  }
  if (lower === 'lack' && secondLower === 'of') return { form: 'phrase', text: `the lack of ${words.slice(2).join(' ')}` };
  if (BASE_VERBS.has(lower) && second) return { form: 'action', text: lowerFirst(words.join(' ')) };
  return undefined;
}

/** Turns one persona fact into first-person speech and tells what shape it has. */
export function toFirstPerson(fact: string, names: readonly string[] = []): Spoken {
  const replaced = replacePronouns(fact, names);
  const words = replaced.split(/\s+/).filter(Boolean);
  const opening = firstPersonOpening(words);
  if (opening) return { form: opening.form, text: lowerFirst(opening.text.replace(/\bI am\b/g, "I'm")) };
  const text = lowerFirst(replaced);
  const lower = words.map((w) => w.toLowerCase());
  const verbAt = lower.findIndex((w, i) => i > 0 && VERBISH.has(w));
  if (verbAt > 0) {
    // "Legacy ERP that nobody wants to touch": the verb belongs to a relative clause, so the whole is a noun phrase of unknown shape.
    const relative = lower.slice(1, verbAt).some((w) => RELATIVE.has(w));
    return { form: relative ? 'loose' : 'clause', text };
  }
  if (/ing$/.test(lower[0] ?? '') && (lower[0] ?? '').length > 4) return { form: 'phrase', text };
  if (words.length <= 4 && !/[,;]/.test(replaced)) return { form: 'phrase', text };
  return { form: 'loose', text };
}
