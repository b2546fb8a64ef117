// The offline engine reads English only. A question written mostly in another script ("数学の授業で
// タブレットを使いますか？") is not understood, which is different from being about something the
// persona does not know: saying "that is outside my world" to a teacher's own subject is false.

/** True when most of the letters in the text are not Latin: the engine could not read the question. */
export function writtenInAnotherScript(text: string): boolean {
  // Plain ASCII (most questions): every letter is Latin. Counting would match each character.
  if (!NOT_ASCII.test(text)) return false;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return letters - latin > latin;
}

const NOT_ASCII = /[^\x00-\x7f]/;
