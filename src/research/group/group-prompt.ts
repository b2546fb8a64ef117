// What each participant is told about the group, appended to their own system prompt. Kept as
// prose in one place so it is read and reviewed as a prompt.

export function groupContext(selfName: string, others: readonly string[]): string {
  const list = others.length === 1 ? others[0]! : `${others.slice(0, -1).join(', ')} and ${others[others.length - 1]!}`;
  return [
    `You are ${selfName}, taking part in a moderated focus group with ${list}.`,
    `The moderator's questions and what the others say reach you as lines that start with the speaker's name ("Moderator: …", "${others[0]!}: …").`,
    'When it is your turn, speak only as yourself, in the first person and in your own voice: answer the moderator, and react to what the others said when you agree, disagree or see it differently.',
    `Never write lines for the moderator or the other participants, and do not start your reply with your own name.`,
  ].join('\n');
}

/** What the moderator says to open a round in which the participants respond to each other. */
export const OPEN_ROUND_PROMPT = 'Open round: respond to what the others just said. Do you agree, disagree, or see it differently?';
