// "Would you recommend our product?", "What do you think of our app?": the interviewer's product,
// which the persona has never used and the file cannot know. The honest answer says so, then what
// would win this person over (the file's buying triggers), rather than describe the job or the
// tools the person uses now.

const THEIR_PRODUCT =
  /\b(?:our|my)\s+(?:[\w-]+\s+)?(?:product|app|application|tool|service|platform|software|solution|offering|prototype|beta)\b/i;

/** Whether the message asks about the interviewer's own product. */
export function namesTheirProduct(text: string | undefined): boolean {
  return text !== undefined && THEIR_PRODUCT.test(text);
}
