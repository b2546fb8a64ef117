import type { AnswerValue } from '../../core/run-records.js';
import type { Question } from '../survey/survey-schema.js';

// How the valid answers to one question are spread: a count per option, per scale point, yes/no,
// or per range for numbers. Free text has no distribution (the report quotes it instead).

export interface Bucket {
  label: string;
  count: number;
  /** The option, point or range this bucket is for (to match answers to it). */
  matches(answer: AnswerValue): boolean;
}

export interface Distribution {
  buckets: Bucket[];
  /** Respondents with a valid answer. */
  answered: number;
  /** Numbers only. */
  stats?: { min: number; max: number; mean: number; median: number };
}

export function distribution(question: Question, answers: AnswerValue[]): Distribution | undefined {
  const answered = answers.length;
  const count = (buckets: Array<Omit<Bucket, 'count'>>): Bucket[] =>
    buckets.map((b) => ({ ...b, count: answers.filter((a) => b.matches(a)).length }));
  switch (question.type) {
    case 'single_choice':
    case 'multiple_choice':
      return {
        answered,
        buckets: count(
          question.options.map((option) => ({ label: option, matches: (a) => a === option || (Array.isArray(a) && a.includes(option)) })),
        ),
      };
    case 'scale': {
      const points = Array.from({ length: question.max - question.min + 1 }, (_, i) => question.min + i);
      return {
        answered,
        buckets: count(
          points.map((point) => ({
            label: question.labels?.[String(point)] ? `${point} ${question.labels[String(point)]}` : String(point),
            matches: (a) => a === point,
          })),
        ),
      };
    }
    case 'yes_no':
      return {
        answered,
        buckets: count([
          { label: 'yes', matches: (a) => a === true },
          { label: 'no', matches: (a) => a === false },
        ]),
      };
    case 'number':
      return numberDistribution(answers.filter((a): a is number => typeof a === 'number'));
    case 'free_text':
      return undefined;
  }
}

function numberDistribution(values: number[]): Distribution {
  if (values.length === 0) return { answered: 0, buckets: [] };
  const sorted = [...values].sort((a, b) => a - b);
  const min = sorted[0]!;
  const max = sorted.at(-1)!;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const stats = { min, max, mean, median };
  if (min === max)
    return { answered: values.length, stats, buckets: [{ label: formatNumber(min), count: values.length, matches: (a) => a === min }] };
  const step = niceStep((max - min) / 6);
  const start = Math.floor(min / step) * step;
  const buckets: Bucket[] = [];
  for (let low = start; low <= max; low += step) {
    const high = low + step;
    const last = high > max;
    const matches = (a: AnswerValue) => typeof a === 'number' && a >= low && (last ? a <= high : a < high);
    buckets.push({ label: `${formatNumber(low)}–${formatNumber(high)}`, count: values.filter(matches).length, matches });
  }
  return { answered: values.length, stats, buckets };
}

/** 1, 2 or 5 times a power of ten. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / power;
  return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * power;
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(Math.abs(value) < 10 ? 2 : 1).replace(/\.?0+$/, '');
}
