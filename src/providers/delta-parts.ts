/** The pieces a delta streams in: its `parts` when the provider gave several at once, else its text. */
export function deltaParts(delta: { text: string; parts?: readonly string[] }): readonly string[] {
  return delta.parts ?? [delta.text];
}
