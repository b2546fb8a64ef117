import { escapeHtml } from '../../export/html-escape.js';
import { distribution, formatNumber, type Distribution } from '../results/distribution.js';
import type { ResultRow, RunResults } from '../results/run-results.js';
import type { Question } from '../survey/survey-schema.js';
import { crossTab } from './cross-tab.js';
import { htmlPage } from './html-page.js';
import { barChartSvg } from './svg-chart.js';

// A survey run as one HTML page: per question the distribution (SVG), a cross-tab by a persona
// field, and what personas said for each answer. Every text from a file or a model is escaped.

const QUOTES_PER_BUCKET = 3;
const FREE_TEXT_QUOTES = 12;

export function surveyReportHtml(results: RunResults, by: string, generatedAt: Date = new Date()): string {
  const { run, survey } = results;
  const answered = results.rows.filter((r) => r.status === 'valid').length;
  const invalid = results.rows.filter((r) => r.status === 'invalid').length;
  const head = [
    `<h1>${escapeHtml(survey.title)}</h1>`,
    survey.description ? `<p class="lead">${escapeHtml(survey.description)}</p>` : '',
    `<p class="meta">Run ${escapeHtml(run.id)} · ${run.personaIds.length} personas · ${survey.questions.length} questions · ${answered} answers${invalid ? `, ${invalid} invalid` : ''} · ${escapeHtml(run.provider)}/${escapeHtml(run.model)} · ${escapeHtml(run.createdAt.slice(0, 16).replace('T', ' '))} · report ${escapeHtml(generatedAt.toISOString().slice(0, 16).replace('T', ' '))}</p>`,
    survey.context ? `<blockquote>${escapeHtml(survey.context)}</blockquote>` : '',
    `<nav class="toc"><ol>${survey.questions.map((q) => `<li><a href="#q-${escapeHtml(q.id)}">${escapeHtml(q.text)}</a></li>`).join('')}</ol></nav>`,
  ];
  const sections = survey.questions.map((question) =>
    questionSection(
      question,
      results.rows.filter((r) => r.question.id === question.id),
      by,
    ),
  );
  return htmlPage(survey.title, [...head, ...sections].filter(Boolean).join('\n'));
}

function questionSection(question: Question, rows: ResultRow[], by: string): string {
  const valid = rows.filter((r) => r.status === 'valid' && r.answer !== null);
  const dist = distribution(
    question,
    valid.map((r) => r.answer!),
  );
  const invalid = rows.filter((r) => r.status === 'invalid');
  const parts = [
    `<section class="question" id="q-${escapeHtml(question.id)}">`,
    `<h2>${escapeHtml(question.text)}</h2>`,
    `<p class="qmeta">${escapeHtml(question.id)} · ${typeLabel(question)} · ${valid.length} of ${rows.length} answered${invalid.length ? ` · <span class="invalid">${invalid.length} invalid</span>` : ''}</p>`,
  ];
  if (dist) {
    parts.push(barChartSvg(dist, `Answers to ${question.text}`));
    if (dist.stats) {
      const unit = question.type === 'number' ? ` ${escapeHtml(question.unit)}` : '';
      parts.push(
        `<p class="stats">median ${formatNumber(dist.stats.median)}${unit} · mean ${formatNumber(dist.stats.mean)} · range ${formatNumber(dist.stats.min)}–${formatNumber(dist.stats.max)}</p>`,
      );
    }
    parts.push(crossTabHtml(rows, dist, by), quotesByBucket(valid, dist));
  } else {
    parts.push(`<h3>What they said</h3>`, quoteList(valid.slice(0, FREE_TEXT_QUOTES), true));
  }
  if (invalid.length) {
    parts.push(
      `<h3>Invalid answers</h3><ul class="quotes">${invalid.map((r) => `<li><blockquote class="invalid">${escapeHtml(r.raw || '(empty)')}<cite>${escapeHtml(r.personaName)} · ${escapeHtml(r.error)}</cite></blockquote></li>`).join('')}</ul>`,
    );
  }
  parts.push('</section>');
  return parts.join('\n');
}

function typeLabel(question: Question): string {
  switch (question.type) {
    case 'single_choice':
      return 'one choice';
    case 'multiple_choice':
      return 'several choices';
    case 'scale':
      return `scale ${question.min}–${question.max}`;
    case 'number':
      return `number (${escapeHtml(question.unit)})`;
    case 'yes_no':
      return 'yes / no';
    case 'free_text':
      return 'free text';
  }
}

function crossTabHtml(rows: ResultRow[], dist: Distribution, by: string): string {
  const tab = crossTab(rows, dist, by);
  if (tab.groups.length === 0) return '';
  const head = `<tr><th>${escapeHtml(by === 'age' ? 'age band' : by)}</th>${tab.buckets.map((b) => `<th>${escapeHtml(b)}</th>`).join('')}<th>n</th></tr>`;
  const body = tab.groups
    .map(
      (g) =>
        `<tr><th>${escapeHtml(g.value)}</th>${g.counts.map((n) => `<td class="num">${n}</td>`).join('')}<td class="num">${g.total}</td></tr>`,
    )
    .join('');
  return `<h3>By ${escapeHtml(by === 'age' ? 'age band' : by)}</h3><div class="table"><table>${head}${body}</table></div>`;
}

function quotesByBucket(valid: ResultRow[], dist: Distribution): string {
  const blocks = dist.buckets
    .filter((b) => b.count > 0)
    .map((bucket) => {
      const said = valid.filter((r) => bucket.matches(r.answer!) && r.reason).slice(0, QUOTES_PER_BUCKET);
      return said.length ? `<h3>${escapeHtml(bucket.label)}</h3>${quoteList(said, false)}` : '';
    });
  return blocks.join('');
}

function quoteList(rows: ResultRow[], answerAsQuote: boolean): string {
  const items = rows.map((r) => {
    const text = answerAsQuote ? r.answerText : r.reason;
    return `<li><blockquote>${escapeHtml(text)}<cite>${escapeHtml(r.personaName)}${answerAsQuote ? '' : ` · ${escapeHtml(r.answerText)}`}</cite></blockquote></li>`;
  });
  return `<ul class="quotes">${items.join('')}</ul>`;
}
