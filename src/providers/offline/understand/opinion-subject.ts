import type { TopicIntent } from './intents.js';
import { TOPIC_CUES } from './cues.js';
import { contentStems, stems } from './words.js';

// "How do you feel about remote work?" asks for a view on remote work, not about this person's
// work: the weak cue "work" made it the work topic, and the engine described the job. When a
// question asks for a view on a thing named by a noun phrase, and that phrase ends in a word that
// only weakly cues a topic (work, job, office, customers…) with other words before it, the phrase
// as a whole is the subject. Whether the file knows that subject is the engine's call (engine.ts).

/** "How do you feel about X", "what do you think of X", "your view on X", "are you for or against X". */
const OPINION_FRAME =
  /\b(?:how do you feel about|how do you see|what do you (?:think|make) (?:about|of)|what(?:'s| is| are) your (?:view|views|take|opinion|opinions|thoughts|stance|position|feelings?) (?:on|about)|(?:are|would) you (?:be )?(?:for or against|in favou?r of|against))\s+(.+?)\s*[?.!]*\s*$/i;

/** Single words that cue a topic only weakly ("~work" in cues.ts), per topic. */
const WEAK_WORDS = new Map<TopicIntent, Set<string>>(
  (Object.entries(TOPIC_CUES) as Array<[TopicIntent, readonly string[]]>).map(([intent, cues]) => [
    intent,
    new Set(cues.filter((c) => c.startsWith('~') && !c.includes(' ')).flatMap((c) => stems(c.slice(1)))),
  ]),
);

/**
 * The content stems of the subject a question asks a view on, when the topic the cue table found
 * rests on its last word alone: "remote work" -> [remot, work]. Undefined for anything else,
 * "how do you feel about your job?" included (one word: the job is the subject).
 */
export function opinionSubject(text: string, intent: TopicIntent): string[] | undefined {
  const subject = OPINION_FRAME.exec(text)?.[1];
  if (!subject) return undefined;
  const subjectStems = contentStems(subject);
  if (subjectStems.length < 2) return undefined;
  return WEAK_WORDS.get(intent)?.has(subjectStems.at(-1)!) ? subjectStems : undefined;
}
