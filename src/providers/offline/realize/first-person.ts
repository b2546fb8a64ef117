import type { Nlp, Token } from '../nlp.js';

// Puts a third-person fact about the persona into the first person, using the NLP library's parts
// of speech and lemmas: "Signs off on anything over $25,000" -> "I sign off on anything over
// $25,000"; "Thinks AI claims are marketing until she sees audited results" -> "I think AI claims
// are marketing until I see audited results". Only pronouns of the persona's gender change, and
// nothing inside quotes. When the shape is not one it can convert safely it says so (`undefined`),
// and the caller frames the fact instead of guessing.

export interface Speaker {
  firstName: string;
  gender: 'female' | 'male' | 'unknown';
  /** The rest of the name ("Haddad"): dropped after the first name when it is the subject. */
  surname?: string;
  /** The file speaks to the person ("You run a small boatyard": TinyTroupe agents, prompts). */
  addressedAsYou?: boolean;
}

export type Shape = 'first-person' | 'verb-phrase' | 'base-verb' | 'gerund' | 'predicate' | 'clause' | 'fragment' | 'noun-phrase';

export interface Converted {
  text: string;
  shape: Shape;
  /** Part of speech of the first word read in lower case: PROPN means a name that keeps its capital. */
  firstPos?: string;
}

const QUOTES = new Set(['"', '“', '”', '‘', '’', "'"]);
const FIRST_PERSON = new Set(['i', 'my', 'me', 'mine', 'myself', "i'm", "i've", "i'd", "i'll"]);
const CLAUSE_BREAK = new Set([';', ':', '(', ')', '—', '–']);

function pronounsFor(gender: Speaker['gender'], you = false) {
  const female = gender !== 'male';
  const male = gender !== 'female';
  return {
    subject: new Set([...(female ? ['she'] : []), ...(male ? ['he'] : []), ...(you ? ['you'] : [])]),
    possessiveOrObject: new Set(female ? ['her'] : []),
    possessive: new Set([...(male ? ['his'] : []), ...(you ? ['your'] : [])]),
    object: new Set(male ? ['him'] : []),
    reflexive: new Set([...(female ? ['herself'] : []), ...(male ? ['himself'] : []), ...(you ? ['yourself'] : [])]),
  };
}

/** Every pronoun of the speaker, so a list of verbs never takes one for a verb ("his" after a comma). */
function isSpeakerPronoun(lower: string, p: ReturnType<typeof pronounsFor>): boolean {
  return (
    p.subject.has(lower) || p.possessive.has(lower) || p.possessiveOrObject.has(lower) || p.object.has(lower) || p.reflexive.has(lower)
  );
}

/** "You are" -> "I am": the verbs that change after a "you" that becomes "I". */
const AFTER_YOU: Record<string, string> = { are: 'am', were: 'was', "'re": "'m", "aren't": 'am not', "weren't": "wasn't" };

/**
 * A word the tagger read as a noun where a verb was expected ("He bakes rye", "Wastes 15% of
 * bread"): read again after "she", where the model knows it must be a verb if it can be one.
 */
function asVerb(nlp: Nlp, token: Token, next: Token | undefined): string | undefined {
  if (!/^[a-z]+s$/.test(token.text) || /ss$/.test(token.text)) return undefined;
  const probe = nlp.tokens(`she ${token.text} ${next?.text ?? ''}`)[1];
  if (probe && probe.pos === 'VERB' && probe.lemma !== token.text) return probe.lemma;
  // The small model does not know every -s form ("bakes" is only a noun to it): try the base
  // forms after "they", where a verb is the only reading.
  const w = token.text;
  const bases = [w.endsWith('ies') ? `${w.slice(0, -3)}y` : '', /(sh|ch|x|z|o)es$/.test(w) ? w.slice(0, -2) : '', w.slice(0, -1)].filter(
    Boolean,
  );
  for (const base of bases) {
    const read = nlp.tokens(`they ${base} ${next?.text ?? ''}`)[1];
    if (read && read.pos === 'VERB' && read.text === base) return base;
  }
  return undefined;
}

/** "owns" -> "own", "teaches" -> "teach", "applies" -> "apply"; a word with no third-person s stays. */
function baseOfThirdPerson(verb: string): string {
  if (/[^aeiou]ies$/.test(verb)) return `${verb.slice(0, -3)}y`;
  if (/(?:ch|sh|ss|x|z)es$/.test(verb)) return verb.slice(0, -2);
  if (/[^s]s$/.test(verb)) return verb.slice(0, -1);
  return verb;
}

/** The verb form that goes with "I": lemma for third-person present, "am"/"was" for be. */
function verbForI(token: Token): string {
  const lower = token.text.toLowerCase();
  if (lower === 'is' || lower === "'s") return lower === "'s" ? "'m" : 'am';
  if (lower === 'was' || lower === 'has been') return lower;
  if (lower === 'has') return 'have';
  if (lower === 'does') return 'do';
  if (lower === "doesn't") return "don't";
  if (lower === "isn't") return 'am not';
  if (lower === "hasn't") return "haven't";
  if (/s$/.test(lower) && token.lemma && token.lemma !== lower && token.lemma !== 'be') return token.lemma;
  return token.text;
}

function isThirdPersonVerb(token: Token): boolean {
  const lower = token.text.toLowerCase();
  return (token.pos === 'VERB' || token.pos === 'AUX') && /s$/.test(lower) && token.lemma !== lower && !/ss$/.test(lower);
}

/**
 * Tags with the first word lower-cased (capitalised verbs at the start are otherwise read as names)
 * and, for a list item that starts without a subject, with "she" put before it and taken off again:
 * "discounts vendor calculators" is read as a noun, "she discounts vendor calculators" as a verb.
 */
function tag(nlp: Nlp, text: string, speaker: Speaker, probeVerb: Probe): Token[] {
  const first = text.match(/^\S+/)?.[0] ?? '';
  const keepCase = first === speaker.firstName || /^[A-Z0-9]{2,}/.test(first) || first === 'I';
  const lowered = keepCase ? text : text.charAt(0).toLowerCase() + text.slice(1);
  // Goals start with a bare verb ("Open a second shop"): read after "to", "open" is a verb, not an adjective.
  const sOnFirst = !keepCase && /^[a-z]+s$/i.test(first) && !/ss$/i.test(first);
  const prefix =
    probeVerb === 'infinitive' && !keepCase
      ? 'to'
      : (probeVerb === true && sOnFirst) || (probeVerb === 'auto' && sOnFirst && !hasFiniteVerb(nlp.tokens(lowered)))
        ? 'she'
        : '';
  let tokens = nlp.tokens(prefix ? `${prefix} ${lowered}` : lowered);
  // "Time with my family" stays a noun: the "to" reading is for words that are not nouns on their own.
  if (prefix === 'to') {
    const plain = nlp.tokens(lowered);
    if (plain[0]?.pos === 'NOUN' || plain[0]?.pos === 'PROPN') return restoreCase(plain, text, keepCase);
  }
  if (prefix) tokens = tokens.slice(1).map((t, i) => (i === 0 ? { ...t, space: '' } : t));
  return restoreCase(tokens, text, keepCase);
}

/**
 * A verb after the first word that is not a participle: "Prices keep rising" has one (a clause with
 * its own subject), "Wastes 15% of bread on slow days" and "Writes off expired stock" do not (the
 * first word is the verb, with the person as its unspoken subject).
 */
function hasFiniteVerb(tokens: readonly Token[]): boolean {
  return tokens.some((t, i) => i > 0 && (t.pos === 'VERB' || t.pos === 'AUX') && !/(ing|ed|en)$/.test(t.text.toLowerCase()));
}

function restoreCase(tokens: Token[], text: string, keepCase: boolean): Token[] {
  if (!keepCase && tokens[0]) tokens[0] = { ...tokens[0], text: text.slice(0, tokens[0].text.length) };
  return tokens;
}

/**
 * What a person does and a thing seldom does: after a clause about something else ("Thinks the tool
 * is slow but wants a refund"), one of these with no subject of its own is the person's again.
 */
const PERSON_VERBS = new Set(
  'want wish hope plan prefer refuse intend like love hate dislike enjoy believe think feel worry trust distrust expect insist demand doubt fear resent avoid try ask say know buy'.split(
    ' ',
  ),
);

/** Verbs whose object is a clause, not a thing: "says the app crashes", "thinks the tool is slow". */
const CLAUSE_VERBS = new Set(['say', 'think', 'believe', 'claim', 'suspect', 'reckon', 'assume', 'complain']);

/** A verb that goes with a plural subject ("banks are", "suppliers cheat"), so never with "he" or "she". */
function isPluralVerb(token: Token): boolean {
  const lower = token.text.toLowerCase();
  if (['are', 'were', 'have', 'do', "'re", "aren't", "weren't", "don't", "haven't"].includes(lower)) return true;
  return token.pos === 'VERB' && lower === token.lemma && !MODALS.has(lower);
}

const JOINS = new Set(['and', 'or', 'but', ',']);

/** A verb right after "and", "or", "but" or a comma, or after one of them and an adverb ("and now has"): the same subject's. */
function afterConjunction(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  if (!before) return false;
  if (JOINS.has(before.text.toLowerCase())) return true;
  return before.pos === 'ADV' && JOINS.has(tokens[i - 2]?.text.toLowerCase() ?? '');
}

const MODALS = new Set(['will', 'would', 'can', 'could', 'must', 'should', 'may', 'might', 'wo', 'ca']);

/** A past-tense verb with no subject ("Paid £35 a month for a gym"), not a participle ("Respected in"). */
/**
 * A verb in the past tense ("Worked ten years in banking" -> "I worked ..."). Not a participle that
 * is never a past tense ("Written proposals", "Known for arriving early", "Given a choice"): those
 * describe, and "I written proposals" is no sentence.
 */
function isPastVerb(token: Token, next: Token | undefined, after: Token | undefined): boolean {
  const lower = token.text.toLowerCase();
  return (
    token.pos === 'VERB' &&
    lower !== token.lemma &&
    !/(s|ing)$/.test(lower) &&
    !ONLY_PARTICIPLE.test(lower) &&
    !!next &&
    (!['ADP', 'PART', 'PUNCT'].includes(next.pos) || (PAST_WITH_AMOUNT.has(lower) && approximatesAmount(next, after)))
  );
}

/** "about ₦400,000", "over 20 years": a preposition in form only, before an amount ("Lost about ₦400,000 to …" is a past verb and its object). */
/** Past verbs whose object is an amount; "Based around 3 sites", "Priced around $40" describe. */
const PAST_WITH_AMOUNT = new Set([
  'lost',
  'paid',
  'spent',
  'saved',
  'earned',
  'raised',
  'owed',
  'borrowed',
  'made',
  'invested',
  'wasted',
  'donated',
]);

function approximatesAmount(word: Token, after: Token | undefined): boolean {
  return (
    /^(about|around|over|under|nearly|almost|roughly)$/i.test(word.text) &&
    !!after &&
    (after.pos === 'NUM' || after.pos === 'SYM' || /^[$£€¥₹₦\d]/.test(after.text))
  );
}

/**
 * Irregular past participles, which are never the past tense: written, given, known, done, born,
 * and the -u- forms of sing, begin, drink, swim ("begun", "sung", "drunk", "swum").
 */
const ONLY_PARTICIPLE = /(en|wn|rn|ne)$|^(begun|sung|rung|sprung|drunk|shrunk|sunk|stunk|swum)$/;

/**
 * A participle that opens an item and takes an object or a place ("Been a nurse for twenty years",
 * "Driven a taxi for 20 years", "Taken over the family shop", "Gone through three accountants"):
 * the person's own present perfect, "I've been ...". Not one that describes ("Written proposals
 * with numbers", "Known for arriving early"), nor an opening phrase before the main verb ("Given a
 * choice, buys local").
 */
function isPerfectParticiple(tokens: readonly Token[], at: number): boolean {
  const token = tokens[at]!;
  const lower = token.text.toLowerCase();
  const participle = lower === 'been' || (token.pos === 'VERB' && lower !== token.lemma && ONLY_PARTICIPLE.test(lower));
  if (!participle) return false;
  const rest = tokens.slice(at + 1);
  // "Given a choice, buys local": the item's own verb comes after the comma.
  const comma = rest.findIndex((t) => t.text === ',');
  if (comma >= 0 && rest.slice(comma + 1).some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return false;
  // "Taken over the shop in 2015": a date wants the past tense, which a participle cannot give.
  const dated = rest.some((t, i) => /^ago$/i.test(t.text) || (/^(19|20)\d\d$/.test(t.text) && rest[i - 1]?.text.toLowerCase() === 'in'));
  if (dated) return false;
  const next = rest[0];
  const after = rest[1];
  if (!next) return false;
  if (['DET', 'NUM'].includes(next.pos) || (next.pos === 'PRON' && !/^(that|which|who)$/i.test(next.text))) return true;
  // "Taken over the family shop", "Gone through three accountants": a particle, then what it governs.
  return next.pos === 'ADP' && !!after && ['DET', 'NUM'].includes(after.pos);
}

/**
 * "She's been", "He's worked there for years": "'s" is "has" before a participle that takes an
 * object or a length of time, and "is" before one that describes ("She's based in Leeds").
 */
function hasBeforeParticiple(tokens: readonly Token[], at: number): boolean {
  const next = tokens[at + 1];
  if (!next) return false;
  const lower = next.text.toLowerCase();
  if (['been', 'had', 'got', 'gotten', 'gone'].includes(lower)) return true;
  if (next.pos !== 'VERB' || lower === next.lemma || /ing$/.test(lower)) return false;
  const following = tokens[at + 2];
  if (following && (['DET', 'NUM'].includes(following.pos) || (following.pos === 'PRON' && following.text.toLowerCase() !== 'that')))
    return true;
  // "for years", "for ten years", "since 2010" in the same clause: a length of time, so "has".
  const end = tokens.findIndex((t, i) => i > at + 1 && CLAUSE_BREAK.has(t.text));
  const clause = tokens.slice(at + 2, end < 0 ? undefined : end).map((t) => t.text.toLowerCase());
  const span = /^(years?|months?|weeks?|decades?|ages)$/;
  return clause.some((w, i) => w === 'since' || (w === 'for' && (span.test(clause[i + 1] ?? '') || span.test(clause[i + 2] ?? ''))));
}

function shapeOf(tokens: readonly Token[], speakerStart: boolean): Shape {
  const first = tokens.find((t) => t.pos !== 'PUNCT');
  if (!first) return 'fragment';
  if (speakerStart) return 'first-person';
  if (isThirdPersonVerb(first)) return 'verb-phrase';
  const lower = first.text.toLowerCase();
  if (first.pos === 'VERB' && lower.endsWith('ing')) return 'gerund';
  if (first.pos === 'VERB' && lower === first.lemma) return 'base-verb';
  // "Cautious with loans", "Proud to be seen", "Respected in her group": an adjective or participle
  // with nothing to describe after it speaks of the person ("I'm cautious with loans").
  const after = tokens[tokens.indexOf(first) + 1];
  const bare = !after || (['ADP', 'PART', 'CCONJ', 'PUNCT'].includes(after.pos) && after.text !== '-' && after.text !== ',');
  // "Most of her clients are agencies" has a verb of its own: a clause, not a description.
  const ownVerb = tokens.some(
    (t, i) =>
      i > tokens.indexOf(first) + 1 &&
      (t.pos === 'VERB' || t.pos === 'AUX') &&
      tokens[i - 1]?.text !== 'to' &&
      !/(ing|ed|en)$/.test(t.text.toLowerCase()),
  );
  if ((first.pos === 'ADJ' || (first.pos === 'VERB' && /ed$/.test(lower))) && bare && !ownVerb) return 'predicate';
  if (first.pos === 'ADP' || first.pos === 'ADV' || first.pos === 'NUM') return 'fragment';
  // A clause has a plain subject before its first verb ("Month-end close takes nine days"); a verb
  // after a pronoun or a preposition belongs to a relative clause inside a noun phrase
  // ("Accuracy she can defend to an auditor", "Apps in English only that eat her data").
  const verbAt = tokens.findIndex(
    (t, i) => i > 0 && tokens[i - 1]?.text !== '-' && (t.pos === 'AUX' || t.pos === 'VERB') && !/ing$/.test(t.text.toLowerCase()),
  );
  if (verbAt < 0) return 'noun-phrase';
  // "Student data stored overseas", "Polite, formal written Japanese": a participle with no
  // auxiliary before it describes a noun; there is no clause to say.
  const verb = tokens[verbAt]!;
  if (verb.pos === 'VERB' && /(ed|en|wn|ne)$/.test(verb.text.toLowerCase()) && verb.text.toLowerCase() !== verb.lemma) return 'noun-phrase';
  const subject = tokens.slice(0, verbAt);
  const relative = new Set(['that', 'which', 'who', 'whom', 'whose', 'where']);
  const plain = subject.every(
    (t, i) =>
      !relative.has(t.text.toLowerCase()) &&
      (['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PUNCT'].includes(t.pos) ||
        (t.text.toLowerCase() === 'of' && i > 0) ||
        (t.pos === 'PRON' && i === 0)),
  );
  return plain ? 'clause' : 'noun-phrase';
}

/**
 * How to read an item that may start without a subject: as after "she" (attitudes, buying notes),
 * after "to" (goals), or 'auto': after "she" only when the plain reading has no verb of its own
 * (pain points: "Wastes 15% of bread" is the person's doing, "Prices keep rising" is not).
 */
export type Probe = boolean | 'infinitive' | 'auto';

export function toFirstPerson(text: string, speaker: Speaker, nlp: Nlp, probe: Probe = false): Converted {
  const tokens = tag(nlp, text, speaker, probe);
  const you = speaker.addressedAsYou === true;
  const p = pronounsFor(speaker.gender, you);
  const surname = (speaker.surname ?? '').split(/\s+/).filter(Boolean);
  let skip = 0;
  let afterYou = false;
  const out: string[] = [];
  let inQuote = false;
  let conjugateNext = false;
  let iMode = false;
  let speakerStart = false;
  /** A clause inside the person's sentence ("Thinks [the tool is slow]"), with whether its subject is plural. */
  let embedded: { plural: boolean } | undefined;
  const firstWordIndex = tokens.findIndex((t) => t.pos !== 'PUNCT');

  tokens.forEach((token, i) => {
    const lower = token.text.toLowerCase();
    let word = token.text;
    if (skip > 0) {
      skip--;
      return;
    }
    // "Noor Haddad is a pastry chef": the surname goes with the first name that becomes "I".
    if (token.text === speaker.firstName && surname.length > 0 && surname.every((w, j) => tokens[i + 1 + j]?.text === w)) {
      skip = surname.length;
    }
    const wasAfterYou = afterYou;
    afterYou = false;
    if (QUOTES.has(token.text) && token.pos === 'PUNCT') inQuote = !inQuote;
    else if (!inQuote) {
      const next = tokens[skip > 0 ? i + 1 + skip : i + 1];
      if (CLAUSE_BREAK.has(token.text)) {
        iMode = false;
        embedded = undefined;
      }
      if (wasAfterYou && AFTER_YOU[lower] !== undefined) {
        word = AFTER_YOU[lower]!;
      } else if (i === firstWordIndex && isThirdPersonVerb(token)) {
        word = `I ${verbForI(token)}`;
        iMode = true;
      } else if (i === firstWordIndex && token.pos === 'ADV' && next && isThirdPersonVerb(next)) {
        // "Personally buys reference books" -> "I personally buy reference books"
        word = `I ${lower}`;
        conjugateNext = true;
        iMode = true;
        speakerStart = true;
      } else if (i === firstWordIndex && isPerfectParticiple(tokens, i)) {
        word = `I've ${lower}`;
        iMode = true;
        speakerStart = true;
      } else if (i === firstWordIndex && (MODALS.has(lower) || isPastVerb(token, next, tokens[i + 2]))) {
        word = `I ${lower}`;
        iMode = true;
        speakerStart = true;
      } else if (
        iMode &&
        token.pos !== 'VERB' &&
        token.pos !== 'AUX' &&
        !isSpeakerPronoun(lower, p) &&
        /^[a-z]+s$/.test(token.text) &&
        !/ss$/.test(token.text) &&
        [',', 'and'].includes(tokens[i - 1]?.text ?? '')
      ) {
        // A list of what the person does: "eat a bento at my desk, coaches after school, marks quizzes".
        word = asVerb(nlp, token, next) ?? token.text;
      } else if (p.subject.has(lower) || (token.text === speaker.firstName && next?.text !== "'s")) {
        // A "you" after a verb or preposition is its object ("the officer you call" stays a subject, "tells you" does not).
        const objectYou =
          lower === 'you' &&
          i > firstWordIndex &&
          ['VERB', 'ADP'].includes(tokens[i - 1]?.pos ?? '') &&
          next?.pos !== 'VERB' &&
          next?.pos !== 'AUX';
        word = objectYou ? 'me' : 'I';
        conjugateNext = !objectYou && lower !== 'you';
        afterYou = lower === 'you' && !objectYou;
        iMode = true;
        if (i === firstWordIndex) speakerStart = true;
      } else if (token.text === speaker.firstName && next?.text === "'s") {
        word = 'my';
      } else if (lower === "'s" && tokens[i - 1]?.text === speaker.firstName) {
        word = '';
      } else if (p.possessive.has(lower)) {
        word = 'my';
      } else if (you && lower === 'yours') {
        word = 'mine';
      } else if (p.object.has(lower)) {
        word = 'me';
      } else if (p.possessiveOrObject.has(lower)) {
        const afterNext = tokens[i + 2];
        const lonelyAdjective = next?.pos === 'ADJ' && (!afterNext || !['NOUN', 'PROPN', 'ADJ'].includes(afterNext.pos));
        // "keep her waiting", "let her go": after a verb and before another verb, "her" is its object.
        const afterVerb = tokens[i - 1]?.pos === 'VERB' && next?.pos === 'VERB';
        const objectFollows =
          !next ||
          afterVerb ||
          lonelyAdjective ||
          ['PUNCT', 'ADP', 'DET', 'CCONJ', 'SCONJ', 'PART', 'AUX'].includes(next.pos) ||
          (next.pos === 'VERB' && !/ing$/.test(next.text));
        word = objectFollows ? 'me' : 'my';
      } else if (p.reflexive.has(lower)) {
        word = 'myself';
      } else if (conjugateNext && (token.pos === 'VERB' || token.pos === 'AUX')) {
        word = lower === "'s" && hasBeforeParticiple(tokens, i) ? "'ve" : verbForI(token);
        conjugateNext = false;
      } else if (conjugateNext && (token.pos === 'NOUN' || token.pos === 'PROPN') && asVerb(nlp, { ...token, text: lower }, next)) {
        // "He bakes rye": after the subject the tagger read "bakes" as a plural noun.
        word = asVerb(nlp, { ...token, text: lower }, next)!;
        conjugateNext = false;
      } else if (conjugateNext && token.pos !== 'ADV' && token.pos !== 'PART') {
        conjugateNext = false;
      } else if (iMode && isThirdPersonVerb(token) && afterConjunction(tokens, i)) {
        word = verbForI(token);
      } else if (iMode && token.pos === 'DET' && CLAUSE_VERBS.has(tokens[i - 1]?.lemma ?? '')) {
        // "Says the app crashes and loses her data": what is said is a clause of its own, even where
        // the tagger reads its verb as a noun ("crashes").
        iMode = false;
        embedded = { plural: false };
      } else if (
        iMode &&
        (token.pos === 'NOUN' || token.pos === 'PRON') &&
        next &&
        (next.pos === 'AUX' || (next.pos === 'VERB' && !/ing$/i.test(next.text)))
      ) {
        // A noun and its verb: a clause of its own. Not a noun and an -ing form ("debt using the
        // snowball method"), which goes on with the person's sentence.
        iMode = false;
        embedded = { plural: isPluralVerb(next) };
      } else if (embedded && ['and', 'or', 'but'].includes(tokens[i - 1]?.text.toLowerCase() ?? '')) {
        // "Thinks the tool is slow but wants a refund": after the clause the person thinks or says,
        // a verb with no subject of its own goes back to the person when the clause's subject
        // cannot take it ("banks are ... and keeps") or it is what a person does ("wants").
        const verb = isThirdPersonVerb(token)
          ? verbForI(token)
          : token.pos === 'NOUN'
            ? asVerb(nlp, { ...token, text: lower }, next)
            : undefined;
        if (verb && (embedded.plural || PERSON_VERBS.has(verb))) {
          word = verb;
          iMode = true;
        }
        embedded = undefined;
      }
    }
    if (word === '') return;
    out.push((out.length > 0 ? token.space : '') + word);
  });
  const joined = out.join('').replace(/^my\b/, 'My');
  // A verb with a prefix ("co-owns", "re-uses") is one token the tagger does not read as a verb:
  // after "I" its third-person s goes as any verb's does.
  const converted = joined
    .replace(/\bI '/g, "I'")
    .replace(
      /\bI (co|re|pre|self|over|under|out)-([a-z]+)\b/g,
      (_whole, prefix: string, verb: string) => `I ${prefix}-${baseOfThirdPerson(verb)}`,
    );
  return { text: converted, shape: shapeOf(tokens, speakerStart), firstPos: tokens[firstWordIndex]?.pos };
}

/** True when the text already speaks as "I" (authored lines, quotes). */
export function speaksInFirstPerson(text: string): boolean {
  return text
    .toLowerCase()
    .split(/[^a-z']+/)
    .some((w) => FIRST_PERSON.has(w));
}
