import { answerJsonSchema, scaleWords } from './answer-schema.js';
import type { Question, Survey } from './survey-schema.js';

// The words a model gets for one survey question. The persona's own system prompt stays as in a
// chat (who they are, how they talk); this is the interviewer's turn.

export function questionMessage(survey: Survey, question: Question, index: number, personaName: string): string {
  const lines: string[] = [];
  if (survey.context) lines.push(survey.context.trim(), '');
  lines.push(`Survey question ${index + 1} of ${survey.questions.length}: ${question.text.trim()}`);
  if (question.description) lines.push(question.description.trim());
  lines.push(howToAnswer(question));
  lines.push(
    '',
    `Answer as yourself, ${personaName}, from what you know and believe. Give your answer and a reason of one or two sentences in your own words.`,
  );
  return lines.join('\n');
}

function howToAnswer(question: Question): string {
  switch (question.type) {
    case 'single_choice':
      return `Pick exactly one of: ${question.options.map((o) => `"${o}"`).join(', ')}.`;
    case 'multiple_choice': {
      const min = question.minChoices ?? 1;
      const max = question.maxChoices ?? question.options.length;
      return `Pick ${min === max ? `exactly ${min}` : `${min} to ${max}`} of: ${question.options.map((o) => `"${o}"`).join(', ')}.`;
    }
    case 'scale':
      return `Answer with ${scaleWords(question)}.`;
    case 'number':
      return `Answer with a number in ${question.unit}.`;
    case 'yes_no':
      return 'Answer yes (true) or no (false).';
    case 'free_text':
      return `Answer in a few sentences (at most ${question.maxLength ?? 600} characters).`;
  }
}

export function answerSchemaRequest(question: Question): { schemaName: string; description: string; schema: Record<string, unknown> } {
  return {
    schemaName: 'survey_answer',
    description: `your answer to the survey question "${question.id}" and the reason for it`,
    schema: answerJsonSchema(question),
  };
}

export function retryMessage(problem: string): string {
  return `That answer could not be used: ${problem}. Answer the same question again, as JSON that matches the schema exactly.`;
}
