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
  is: 'am',
  has: 'have',
  does: 'do',
  "doesn't": "don't",
  "isn't": 'am not',
  was: 'was',
  "wasn't": "wasn't",
  "hasn't": "haven't",
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
    'struggles feels lives travels cooks volunteers posts scrolls streams creates shares ' +
    'answers sleeps wakes films edits drives walks writes starts leaves opens closes coaches eats swims calls sorts trains signs'
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

/** Second words that show the first is a noun, not an instruction: "Support that...", "Support only in English". */
const NOUN_AFTER = new Set(['that', 'which', 'who', 'whose', 'only', 'is', 'are', 'was', 'costs', 'teams', 'tickets']);

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

/** Adverbs that sit between "I" and its verb without ending in -ly ("I now move", "I still keep"). */
const ADVERBS = new Set('now still also often always never rarely sometimes just only already even then seldom mostly'.split(' '));

/** "I" followed by a verb that must agree with it: "I is" -> "I am", "I really wants" -> "I really want". */
function agreeAfterI(words: string[], index: number): void {
  let i = index;
  if ((/ly$/.test(words[i] ?? '') || ADVERBS.has((words[i] ?? '').toLowerCase())) && words[i + 1]) i++;
  const word = words[i];
  if (!word) return;
  const lower = word.toLowerCase();
  if (THIRD_PERSON[lower] || (/[a-z]s$/.test(lower) && !/(ss|us|is)$/.test(lower) && lower.length > 3)) words[i] = baseForm(lower);
}

/** Third-person pronouns and the persona's own name become "I" / "my" / "me". */
/** A persona's names as patterns, compiled once: every fact of the persona goes through them. */
const namePatterns = new Map<string, { possessive: RegExp; leading: RegExp }>();
function patternsFor(name: string): { possessive: RegExp; leading: RegExp } {
  let patterns = namePatterns.get(name);
  if (!patterns) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    patterns = { possessive: new RegExp(`\\b${escaped}['’]s\\b`, 'g'), leading: new RegExp(`^${escaped}\\b`) };
    namePatterns.set(name, patterns);
  }
  return patterns;
}

function replacePronouns(text: string, names: readonly string[]): string {
  let out = text;
  for (const name of names) {
    if (!name) continue;
    const { possessive, leading } = patternsFor(name);
    out = out.replace(possessive, 'my').replace(leading, 'I');
  }
  const startsWithThey = /^(they|their)\b/i.test(out);
  out = out
    .replace(/\b(he|she)\b/gi, 'I')
    .replace(/\b(himself|herself)\b/gi, 'myself')
    .replace(/\bhis\b/gi, 'my')
    .replace(/\bhim\b/gi, 'me')
    // "her" before a word is possessive ("her team"); at the end or before a preposition it is the object.
    .replace(
      /\bher\b(?=\s+(?:to|with|for|about|from|in|on|at|and|or|when|if|out|up|down|off|back|away|over|so|because|during|before|after|until|by|into|through|again|too|as|than|a|an|the)\b|\s*$|[,.;])/gi,
      'me',
    )
    .replace(/\bher\b/gi, 'my');
  if (startsWithThey) {
    out = out
      .replace(/^they\b/i, 'I')
      .replace(/\btheir\b/gi, 'my')
      .replace(/\bthemselves\b/gi, 'myself')
      .replace(/^I are\b/, 'I am');
  }
  const words = out.split(' ');
  let firstI = -1;
  for (let i = 0; i < words.length - 1; i++) {
    if (words[i] !== 'I') continue;
    agreeAfterI(words, i + 1);
    if (firstI < 0) firstI = i;
  }
  // "so after a night I sleep ... and does the school pickup": verbs joined to a converted "I"
  // agree with it too; verbs before it belong to someone else ("my husband drives buses").
  const agreed = firstI >= 0 ? [...words.slice(0, firstI), agreeCoordinated(words.slice(firstI).join(' '))].join(' ') : words.join(' ');
  return agreed.replace(/\bI am not\b/g, "I'm not");
}

/** -s words that are never a verb in a series: "as a cost accountant", "plus a bonus". */
const NOT_VERBS = new Set([
  'this',
  'thus',
  'plus',
  'less',
  'across',
  'always',
  'perhaps',
  'its',
  'his',
  'hers',
  'ours',
  'yours',
  'towards',
  'afterwards',
  'sometimes',
]);

const SERIES_VERB_FOLLOWERS =
  /^(at|in|on|for|with|to|the|a|an|my|out|up|about|from|over|every|all|off|whatever|anything|everything|it|them)$/i;

/** What follows a plural noun in a list, never a verb's object: "series and", "budgets of $2M", "friends say". */
const NOUN_LIST_FOLLOWERS = /^(and|or|of|that|which|who|whose|but|nor|plus|too|as|than|is|are|was|were|be|been|say|said|do|does|did)$/i;

/**
 * "plays tactical shooters with friends", "books city breaks herself": a word that heads a longer
 * stretch of a series of things "I" does is the next verb, even when no preposition follows it.
 * A short item ("magazines and blogs") or one followed by a verb of its own ("friends say") is a noun.
 */
function headsVerbPhrase(rest: string): boolean {
  const words = rest
    .split(/\s+(?:and|or)\s+|,/)[0]!
    .trim()
    .split(/\s+/);
  const next = words[1] ?? '';
  if (words.length < 3 || NOUN_LIST_FOLLOWERS.test(next) || PLURAL_SUBJECT_FOLLOWERS.test(next) || VERBISH.has(next.toLowerCase()))
    return false;
  return /^[a-z]/.test(next);
}

/** "researches for months, asks peers and needs approval": every verb in the series agrees with "I"; callers pass only a series whose subject is "I". */
function agreeCoordinated(text: string): string {
  // An unlisted -s word counts as a verb when a preposition or determiner follows it ("films at golden hour"),
  // or when it heads a whole verb phrase of the series ("plays tactical shooters with friends").
  return text.replace(
    /(,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)([a-z]+)\b(?=(\s+\S+)?)/g,
    (match, joiner: string, word: string, next = '', at: number) => {
      if (LEADING_VERBS.has(word)) return `${joiner}${baseForm(word)}`;
      if (word.length <= 3 || NOT_VERBS.has(word) || TIME_NOUNS.test(word) || !/[^s]s$/.test(word) || /(ings|ness|ics)$/.test(word))
        return match;
      const rest = text.slice(at + joiner.length);
      return SERIES_VERB_FOLLOWERS.test(next.trim()) || headsVerbPhrase(rest) ? `${joiner}${baseForm(word)}` : match;
    },
  );
}

/** Modal verbs that open a subjectless statement ("Will not use...", "Would rather pay once"). */
const MODALS = new Set(['will', 'would', 'could', 'should', 'must', 'might', 'can']);
const MODAL_FOLLOWERS = new Set([
  'not',
  'never',
  'always',
  'only',
  'rather',
  'happily',
  'gladly',
  'also',
  'still',
  'probably',
  'definitely',
  'no',
]);

/**
 * Base forms of verbs of feeling and wanting. Opening a list item, they are the persona's own
 * statement ("Worry about junior jobs", "Prefer email"), not a goal to reach like "Reduce churn".
 */
const FEELING_VERBS = new Set(
  'want need prefer value love like hate dislike enjoy struggle worry fear trust distrust believe feel wish dread resent appreciate admire respect doubt care crave wonder expect refuse miss'.split(
    ' ',
  ),
);

/** A verb in its base form that can follow a modal: "will use", "would pay", "must approve". */
function verbBase(word: string): boolean {
  return (
    BASE_VERBS.has(word) ||
    PERSONAL_VERBS.has(word) ||
    FEELING_VERBS.has(word) ||
    LEADING_VERBS.has(`${word}s`) ||
    LEADING_VERBS.has(`${word}es`)
  );
}

function firstPersonOpening(words: string[]): Spoken | undefined {
  const [first = '', second = ''] = words;
  const lower = first.toLowerCase();
  const rest = words.slice(1).join(' ');
  const secondLower = second.toLowerCase();
  if (lower === 'i' || lower.startsWith("i'")) return { form: 'clause', text: agreeCoordinated(words.join(' ')) };
  if (lower === 'my') return { form: 'clause', text: words.join(' ') };
  if (LEADING_VERBS.has(lower)) {
    const verb = baseForm(lower);
    return { form: 'clause', text: verb === 'am not' ? `I'm not ${rest}` : `I ${verb} ${agreeCoordinated(rest)}`.trim() };
  }
  if (PAST_VERBS.has(lower) && second) return { form: 'clause', text: `I ${lower} ${agreeCoordinated(rest)}` };
  if (ADJECTIVES.has(lower) || ADJECTIVE_SUFFIX.test(lower)) return { form: 'clause', text: `I'm ${lowerFirst(words.join(' '))}` };
  if (/ed$/.test(lower) && /^(about|by|with|of|that|in|for)$/.test(secondLower))
    return { form: 'clause', text: `I'm ${lowerFirst(words.join(' '))}` };
  if (lower === 'too' && second) return { form: 'clause', text: `it's too ${rest}` };
  if (lower === 'not' && second) {
    if (secondLower === 'enough') return { form: 'clause', text: `there's not ${rest}` };
    if (PERSONA_NOT_ADJECTIVES.has(secondLower)) return { form: 'clause', text: `I'm not ${rest}` };
    return { form: 'clause', text: `it's not ${rest}` };
  }
  if (lower === 'no' && /^(idea|clue)$/.test(secondLower)) return { form: 'clause', text: `I have no ${rest}` };
  if (lower === 'no' && second && !/^no-/.test(lower)) return { form: 'clause', text: `there's no ${rest}` };
  if (/^(doesn't|isn't)$/.test(lower)) {
    // "Doesn't trust vendors" is about the persona; "Doesn't integrate with SAP" is about the product.
    return PERSONAL_VERBS.has(secondLower) ? { form: 'clause', text: `I don't ${rest}` } : { form: 'clause', text: `it ${lower} ${rest}` };
  }
  if (/^(can't|cannot|won't|don't|hasn't|haven't|never|rarely|often|always|usually)$/.test(lower) && second) {
    const verb = lower === "hasn't" ? "haven't" : lower;
    const tail = /^(never|rarely|often|always|usually)$/.test(lower)
      ? words
          .slice(1)
          .map((w, i) => (i === 0 ? baseForm(w) : w))
          .join(' ')
      : rest;
    return { form: 'clause', text: `I ${verb} ${tail}` };
  }
  // "Will not use a tool colleagues cannot use", "Worry about junior jobs": a predicate with no subject is the persona's.
  if (MODALS.has(lower) && (MODAL_FOLLOWERS.has(secondLower) || verbBase(secondLower)))
    return { form: 'clause', text: `I ${lowerFirst(words.join(' '))}` };
  if (
    FEELING_VERBS.has(lower) &&
    second &&
    !NOUN_AFTER.has(secondLower) &&
    !NOUN_LIST_FOLLOWERS.test(secondLower) &&
    !/^(for|in)$/.test(secondLower)
  ) {
    return { form: 'clause', text: `I ${lowerFirst(words.join(' '))}` };
  }
  if (lower === 'lack' && secondLower === 'of') return { form: 'phrase', text: `the lack of ${words.slice(2).join(' ')}` };
  // "Support that only answers by email": a verb-looking word described by a relative clause is a noun.
  if (BASE_VERBS.has(lower) && second && !NOUN_AFTER.has(secondLower)) return { form: 'action', text: lowerFirst(words.join(' ')) };
  return undefined;
}

/** What follows a habit verb: "leaves home", "walks to", "calls two", "cancels whatever". */
const HABIT_OBJECT =
  /^(at|in|on|for|with|to|the|a|an|home|after|before|during|until|between|by|up|out|about|from|over|every|all|off|fast|once|twice|together|only|monthly|weekly|never|through|via|per|whatever|anything|everything|it|them|two|three|four|five|several|most|some|\d.*)$/i;

/** Plural nouns that open a routine's time slots: "weekends at the cabin" is not "I weekend". */
const TIME_NOUNS = /^(weekends|weekdays|nights|days|hours|weeks|months|years|afternoons|evenings|mornings|summers|winters)$/;

/** `lenient`: the series already has its "I", so any -s word opening a chunk is its next verb. */
function habitVerb(word: string, next: string, lenient = false): boolean {
  const lower = word.toLowerCase();
  if (TIME_NOUNS.test(lower)) return false;
  const sVerb = /^[a-z]+[^su]s$/.test(lower) && !/(ings|ness|ics)$/.test(lower);
  return LEADING_VERBS.has(lower) || (sVerb && (lenient || HABIT_OBJECT.test(next)));
}

/** What follows a plural noun opening a fact ("Reviews matter", "Brands pay", "Views dropped"), so it is no verb of the persona's. */
const PLURAL_SUBJECT_FOLLOWERS =
  /^(are|were|have|had|make|take|cost|come|go|need|matter|seem|feel|look|get|keep|run|help|work|pay|add|can|could|will|would|must|should|do|don't|never|always|often|\w+ed)$/i;

/**
 * "Books peak trips two months ahead", "Discounts vendor ROI calculators to zero": a habit or an
 * attitude whose first word is a capitalised -s verb describes the persona without naming it.
 */
function opensWithVerb(word: string, next: string): boolean {
  if (!/^[A-Z][a-z]+[^su\W]s$/.test(word) || /(ings|ness|ics)$/.test(word) || TIME_NOUNS.test(word.toLowerCase())) return false;
  return next !== '' && !PLURAL_SUBJECT_FOLLOWERS.test(next);
}

/**
 * Routines and buying habits are written as subject-less series: "Up at 6:00, walks to the bakery,
 * reads the paper". The first verb gets an "I" ("up at 6:00, I walk to the bakery, read the paper").
 */
function speakHabits(text: string): string {
  const chunks = text.split(/(,\s+|;\s+)/);
  let subject = false;
  for (let i = 0; i < chunks.length; i += 2) {
    const words = chunks[i]!.split(' ');
    const adverb =
      words.length > 2 && (/ly$/i.test(words[0]!) || /^(and|or|then)$/i.test(words[0]!)) && habitVerb(words[1]!, words[2]!, subject)
        ? 1
        : 0;
    const opensFact = i === 0 && adverb === 0 && opensWithVerb(words[0] ?? '', words[1] ?? '');
    if (!opensFact && !habitVerb(words[adverb] ?? '', words[adverb + 1] ?? '', subject)) continue;
    words[adverb] = baseForm(words[adverb]!);
    if (adverb) words[0] = words[0]!.toLowerCase();
    chunks[i] = subject || /^(and|or|then)$/.test(words[0]!) ? words.join(' ') : `I ${words.join(' ')}`;
    subject = true;
  }
  return chunks.join('');
}

/** A capitalised adjective joined to more description: the opening of a note about a person's manner. */
const DESCRIBED_MANNER = /^[A-Z][a-z]+(ous|ful|ive|ent|ant)\s+(and|with)\b/;

export interface FirstPersonOptions {
  /** The fact describes a routine or habit, often a series of verbs without a subject. */
  habits?: boolean;
  /** Names this persona's file uses, kept capitalised when they open the fact. */
  properNouns?: ReadonlySet<string>;
}

/** Turns one persona fact into first-person speech and tells what shape it has. */
export function toFirstPerson(fact: string, names: readonly string[] = [], options: FirstPersonOptions = {}): Spoken {
  let replaced = options.habits ? speakHabits(replacePronouns(fact, names)) : replacePronouns(fact, names);
  // Notes describe a manner: "Generous with her time", "Gracious and exacting" are said as "I'm generous ...".
  if (options.habits && DESCRIBED_MANNER.test(replaced)) replaced = `I'm ${lowerFirst(replaced, options.properNouns)}`;
  const words = replaced.split(/\s+/).filter(Boolean);
  const opening = firstPersonOpening(words);
  if (opening) return { form: opening.form, text: lowerFirst(opening.text.replace(/\bI am\b/g, "I'm"), options.properNouns) };
  const text = lowerFirst(replaced, options.properNouns);
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
