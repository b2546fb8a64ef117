// A session continued from a summary (/continue, `ask --carry-over`) opens with one user message
// holding that summary: the model reads it as the conversation so far. Front ends and exports
// recognise it, so a person sees "carried over" rather than words they never typed.

/** The opening of a continued session: stored as that session's first message. */
export function summaryMessage(summary: string, fromSessionId: string): string {
  return `Summary of our earlier conversation (session ${fromSessionId}), to continue from:\n${summary.trim()}`;
}

/** A continued session's first message, read back: where it came from and the summary. */
export function readSummaryMessage(content: string): { fromSessionId: string; summary: string } | undefined {
  const match = /^Summary of our earlier conversation \(session ([^)\s]+)\), to continue from:\n([^]*)$/.exec(content);
  return match ? { fromSessionId: match[1]!, summary: match[2]! } : undefined;
}
