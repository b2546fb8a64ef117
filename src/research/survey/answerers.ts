import type { ProviderError } from '../../core/errors.js';
import type { ChatTurn, Usage } from '../../core/messages.js';
import type { NewRunAnswer } from '../../core/run-records.js';
import type { Persona } from '../../persona/schema.js';
import type { StructuredProvider } from '../../providers/types.js';
import { personaSignals, type PersonaSignals } from '../signals/persona-signals.js';
import { checkAnswerJson } from './answer-schema.js';
import { answerByRules } from './rule-answerer.js';
import { answerSchemaRequest, questionMessage, retryMessage } from './survey-prompt.js';
import type { Question, Survey } from './survey-schema.js';

// Two ways to get one typed answer: from a model held to the answer's JSON Schema (checked again
// here, retried once with the problem quoted, then recorded as invalid with its raw text), or
// from the rules over the persona's facts (the offline engine).

export interface Respondent {
  persona: Persona;
  snapshotId: string | null;
  /** The persona's system prompt, as in a chat. */
  system: string;
  temperature: number;
}

/** One answer as the answerer gives it; the run adds who, what and where. */
export type AnswerOutcome = Omit<NewRunAnswer, 'runId' | 'personaId' | 'questionId' | 'snapshotId' | 'provider'> & {
  /** Set when the provider failed: the kind tells a run whether going on makes sense. */
  providerError?: ProviderError;
};

export type Answerer = (respondent: Respondent, question: Question, index: number, signal: AbortSignal) => Promise<AnswerOutcome>;

export function ruleAnswerer(survey: Survey): Answerer {
  const signals = new Map<string, PersonaSignals>();
  return async (respondent, question) => {
    let read = signals.get(respondent.persona.id);
    if (!read) signals.set(respondent.persona.id, (read = personaSignals(respondent.persona)));
    const started = performance.now();
    const { answer, reason } = answerByRules(read, question, survey.context);
    return {
      status: 'valid',
      answer,
      reason,
      raw: null,
      error: null,
      attempts: 1,
      via: 'rules',
      model: null,
      inputTokens: null,
      outputTokens: null,
      costUsd: null,
      latencyMs: Math.round(performance.now() - started),
    };
  };
}

export interface ModelAnswererOptions {
  survey: Survey;
  provider: StructuredProvider;
  model: string;
  maxOutputTokens: number;
  /** USD for a reply's usage, or null when the model's price is unknown. */
  costOf(usage: Usage): number | null;
}

export function modelAnswerer(options: ModelAnswererOptions): Answerer {
  return async (respondent, question, index, signal) => {
    const schema = answerSchemaRequest(question);
    const messages: ChatTurn[] = [{ role: 'user', content: questionMessage(options.survey, question, index, respondent.persona.name) }];
    const tally = { input: 0, output: 0, cost: 0 as number | null, latency: 0, counted: false };
    let last: { json: string; via: string; model?: string } | undefined;
    let problem = '';
    for (let attempt = 1; attempt <= 2; attempt++) {
      const result = await options.provider.structured({
        system: respondent.system,
        messages,
        model: options.model,
        temperature: respondent.temperature,
        maxOutputTokens: options.maxOutputTokens,
        signal,
        ...schema,
      });
      if (!result.ok) {
        return { ...empty(attempt), status: 'error', error: result.error.message, providerError: result.error, raw: last?.json ?? null };
      }
      tally.latency += result.latencyMs;
      if (result.usage) {
        tally.counted = true;
        tally.input += result.usage.inputTokens;
        tally.output += result.usage.outputTokens;
        const cost = options.costOf(result.usage);
        tally.cost = tally.cost === null || cost === null ? null : tally.cost + cost;
      }
      last = { json: result.json, via: result.via, ...(result.model ? { model: result.model } : {}) };
      const checked = checkAnswerJson(question, result.json);
      const usage = {
        inputTokens: tally.counted ? tally.input : null,
        outputTokens: tally.counted ? tally.output : null,
        costUsd: tally.counted ? tally.cost : null,
        latencyMs: Math.round(tally.latency),
        via: result.via,
        model: result.model ?? options.model,
      };
      if (checked.ok)
        return { ...empty(attempt), ...usage, status: 'valid', answer: checked.answer, reason: checked.reason, raw: result.json };
      problem = checked.problem;
      if (attempt === 2) return { ...empty(attempt), ...usage, status: 'invalid', raw: result.json, error: problem };
      // One retry, with what was wrong: the model sees its own reply and the problem.
      messages.push({ role: 'persona', content: result.json || '(empty reply)' }, { role: 'user', content: retryMessage(problem) });
    }
    return { ...empty(2), status: 'invalid', raw: last?.json ?? null, error: problem };
  };
}

function empty(attempts: number): AnswerOutcome {
  return {
    status: 'error',
    answer: null,
    reason: null,
    raw: null,
    error: null,
    attempts,
    via: null,
    model: null,
    inputTokens: null,
    outputTokens: null,
    costUsd: null,
    latencyMs: null,
  };
}
