// wink-nlp with its small English model, loaded on first use and only by the offline engine.
// Chosen over compromise after measuring on this project's machine: loading wink and its model
// took ~300 ms against ~600 ms for compromise, and tagging a sentence ~0.07 ms against ~0.8 ms.
// Even 300 ms is two bare Node start-ups, so the engine asks for it only when it needs lemmas or
// parts of speech (an unclear question, a third-person fact to put in the first person), never
// for authored lines or questions the cue table already understands.

export interface Token {
  text: string;
  /** Universal part of speech: NOUN, VERB, AUX, PRON, PROPN, ADP, DET, PUNCT, ... */
  pos: string;
  lemma: string;
  /** Spaces before the token in the original text. */
  space: string;
}

export interface Nlp {
  tokens(text: string): Token[];
}

let loading: Promise<Nlp> | undefined;
let loaded: Nlp | undefined;

export function loadNlp(): Promise<Nlp> {
  loading ??= (async () => {
    const [{ default: winkNLP }, { default: model }] = await Promise.all([import('wink-nlp'), import('wink-eng-lite-web-model')]);
    const nlp = winkNLP(model, ['sbd', 'pos']);
    const its = nlp.its;
    loaded = {
      tokens(text: string): Token[] {
        const doc = nlp.readDoc(text);
        const values = doc.tokens().out(its.value) as string[];
        const pos = doc.tokens().out(its.pos) as string[];
        const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
        const spaces = doc.tokens().out(its.precedingSpaces) as string[];
        return values.map((value, i) => ({ text: value, pos: pos[i] ?? 'X', lemma: lemmas[i] ?? value, space: spaces[i] ?? '' }));
      },
    };
    return loaded;
  })();
  return loading;
}

/** The library if something already loaded it (a synchronous caller never triggers the load). */
export function nlpIfLoaded(): Nlp | undefined {
  return loaded;
}
