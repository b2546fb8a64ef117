import { escapeHtml } from '../../export/html-escape.js';
import { htmlPage } from './html-page.js';

// A session (a focus group, or a one-to-one interview) as a report: the transcript by speaker and,
// per participant, a summary of their stance: how they lean and the sentences where they take a
// position, quoted. Deterministic (a lexicon, no model), so the same transcript reads the same.

export interface ReportTurn {
  /** Who spoke: a persona id, or "moderator" for the person asking. */
  speakerId: string;
  speakerName: string;
  content: string;
  status?: string;
}

export interface SessionForReport {
  id: string;
  title: string;
  startedAt: string;
  provider: string;
  model: string;
  turns: ReportTurn[];
}

export interface ParticipantStance {
  speakerId: string;
  speakerName: string;
  turns: number;
  words: number;
  lean: 'positive' | 'negative' | 'mixed' | 'neutral';
  positives: number;
  negatives: number;
  /** Sentences where they take a position, in the order said. */
  keyStatements: string[];
}

export const MODERATOR_ID = 'moderator';

const POSITIVE =
  /\b(yes|love|like|great|good|useful|helpful|worth|would (buy|pay|use|try)|i'?d (buy|pay|use|try)|interested|agree|makes sense|sign up|happy)\b/gi;
const NEGATIVE =
  /\b(no|not|never|won'?t|don'?t|can'?t|too (expensive|much|complicated)|worried|concern|problem|hate|wouldn'?t|refuse|skeptical|doubt|risk)\b/gi;
const POSITION =
  /\b(i would|i'?d|i will|i won'?t|i wouldn'?t|i think|i need|i want|i'?m not|for me|i never|i always|i'?ll|i can'?t|i'?m (happy|worried|interested))\b/i;
const KEY_STATEMENTS = 3;

export function participantStances(turns: ReportTurn[]): ParticipantStance[] {
  const byId = new Map<string, ParticipantStance>();
  for (const turn of turns) {
    if (turn.speakerId === MODERATOR_ID || !turn.content.trim()) continue;
    let stance = byId.get(turn.speakerId);
    if (!stance) {
      stance = {
        speakerId: turn.speakerId,
        speakerName: turn.speakerName,
        turns: 0,
        words: 0,
        lean: 'neutral',
        positives: 0,
        negatives: 0,
        keyStatements: [],
      };
      byId.set(turn.speakerId, stance);
    }
    stance.turns++;
    stance.words += turn.content.split(/\s+/).filter(Boolean).length;
    stance.positives += turn.content.match(POSITIVE)?.length ?? 0;
    stance.negatives += turn.content.match(NEGATIVE)?.length ?? 0;
    for (const sentence of turn.content.split(/(?<=[.!?])\s+/)) {
      if (stance.keyStatements.length < KEY_STATEMENTS && POSITION.test(sentence)) stance.keyStatements.push(sentence.trim());
    }
  }
  for (const stance of byId.values()) {
    const total = stance.positives + stance.negatives;
    stance.lean =
      total === 0
        ? 'neutral'
        : stance.positives >= stance.negatives * 2
          ? 'positive'
          : stance.negatives >= stance.positives * 2
            ? 'negative'
            : 'mixed';
  }
  return [...byId.values()];
}

export function sessionReportHtml(session: SessionForReport, generatedAt: Date = new Date()): string {
  const stances = participantStances(session.turns);
  const title = session.title || `Session ${session.id}`;
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">Session ${escapeHtml(session.id)} · ${stances.length} participant${stances.length === 1 ? '' : 's'} · ${session.turns.length} turns · ${escapeHtml(session.provider)}/${escapeHtml(session.model)} · ${escapeHtml(session.startedAt.slice(0, 16).replace('T', ' '))} · report ${escapeHtml(generatedAt.toISOString().slice(0, 16).replace('T', ' '))}</p>`,
    '<h2>Where each participant stands</h2>',
    ...stances.map(
      (s) =>
        `<section class="participant"><h3>${escapeHtml(s.speakerName)} <span class="qmeta">(${escapeHtml(s.speakerId)})</span></h3><p class="qmeta">${s.turns} turn${s.turns === 1 ? '' : 's'} · ${s.words} words · leans ${s.lean} (${s.positives} positive, ${s.negatives} negative cues)</p>${
          s.keyStatements.length
            ? `<ul class="quotes">${s.keyStatements.map((k) => `<li><blockquote>${escapeHtml(k)}</blockquote></li>`).join('')}</ul>`
            : '<p class="qmeta">No clear position taken.</p>'
        }</section>`,
    ),
    '<h2>Transcript</h2>',
    `<ol class="transcript">${session.turns
      .map(
        (t) =>
          `<li><span class="speaker">${escapeHtml(t.speakerName)}:</span> ${escapeHtml(t.content)}${t.status && t.status !== 'complete' ? ` <span class="invalid">(${escapeHtml(t.status)})</span>` : ''}</li>`,
      )
      .join('')}</ol>`,
  ];
  return htmlPage(title, body.join('\n'));
}
