// A card's description is the person in the third person, often with a partner: "She and her wife
// Siobhán have run Saltmarsh Brewing since 2015. Fiona brews; Siobhán handles the books. They
// take home about €48,000 a year." Said by the person, "they" for the two of them is "we", and
// "She and her wife Siobhán" is "My wife Siobhán and I". The pronouns are turned here, where the
// sentences before are known; the first-person conversion turns only the person's own pronouns,
// and a "they" it left would be somebody else.

/** The person and their partner: "He lives with his wife Moira…", "She and her wife Siobhán…" (the person is "He"/"She" by then). */
const WITH_PARTNER = /^(?:He|She)\b.*?\b(?:his|her) (?:wife|husband|partner|spouse)\b/;
/** The pair as the subject: "She and her wife Siobhán …", "He and Anna …". */
const PAIR = /^(He|She) and ((?:(?:his|her) (?:wife|husband|partner|spouse),? )?\p{Lu}\p{L}*)/u;
/**
 * A sentence between that keeps to the person or the pair: "His income is…", "She drives…",
 * "Fiona brews; Siobhán handles the books". Anything else ("Her parents live nearby.") may be
 * whom the next "They" means.
 */
const KEEPS_TO_THEM =
  /^(?:He|She)\b|^(?:His|Her) [a-z]+ (?:is|was|has)\b|^(?!(?:Her|His|Their|The|Our|My|Its|This|That|These|Those)\b)\p{Lu}\p{L}+ [a-z]+s\b/u;
/** A clause of the sentence whose subject is the pair: "…; anything over £5,000 they both sign", "…, and they bought…". */
const PAIR_CLAUSE = /[;,]\s+(?=(?:(?:and|so|but)\s+)?they\b|[^;]*\bthey both\b)/;
/** How many sentences after the pair was last the subject a "They" may still mean them. */
const WINDOW = 2;

function asCouple(text: string): string {
  return text
    .replace(/^They\b/, 'We')
    .replace(/^Their\b/, 'Our')
    .replace(/\bthey\b/g, 'we')
    .replace(/\bthem\b/g, 'us')
    .replace(/\btheir\b/g, 'our')
    .replace(/\bthemselves\b/g, 'ourselves');
}

/** The sentences of one text with the pair's "they" said as "we". */
export function withCouplePronouns(sentences: readonly string[]): string[] {
  let since = Infinity;
  return sentences.map((sentence) => {
    since++;
    if (/^(?:They|Their)\b/.test(sentence) && since <= WINDOW) {
      since = 0;
      return asCouple(sentence);
    }
    const pair = PAIR.exec(sentence);
    if (pair) {
      since = 0;
      // "She and her wife Siobhán have run…, and they…" -> "Her wife Siobhán and she have run…, and we…".
      const partner = pair[2]!.charAt(0).toUpperCase() + pair[2]!.slice(1);
      return `${partner} and ${pair[1]!.toLowerCase()}${asCouple(sentence.slice(pair[0].length))}`;
    }
    if (WITH_PARTNER.test(sentence)) since = 0;
    else if (!KEEPS_TO_THEM.test(sentence)) since = Infinity;
    const clause = since <= WINDOW ? PAIR_CLAUSE.exec(sentence) : null;
    return clause ? sentence.slice(0, clause.index) + asCouple(sentence.slice(clause.index)) : sentence;
  });
}
