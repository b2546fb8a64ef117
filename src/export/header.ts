import { pathToFileURL } from 'node:url';
import { readSummaryMessage } from '../core/carried-summary.js';
import type { MessageRecord, SessionParticipant } from '../core/records.js';
import type { Transcript } from './types.js';

// What every format says about a session and about each message, as raw (untrusted) strings.
// Each renderer makes them safe for its medium: sanitized for md/txt, escaped for html.

export interface HeaderField {
  label: string;
  value: string;
}

/** The participants of a group session (two or more), else undefined. */
function groupOf(transcript: Transcript): SessionParticipant[] | undefined {
  const participants = transcript.session.participants;
  return participants && participants.length > 1 ? participants : undefined;
}

export function transcriptTitle(transcript: Transcript): string {
  const group = groupOf(transcript);
  if (group) return `Group conversation with ${listNames(group.map((p) => p.name))}`;
  return `Conversation with ${transcript.session.personaName}`;
}

function listNames(names: string[]): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
}

export function headerFields(transcript: Transcript): HeaderField[] {
  const s = transcript.session;
  const group = groupOf(transcript);
  const fields: HeaderField[] = group
    ? [{ label: 'Participants', value: group.map((p) => `${p.name} (${p.personaId})`).join(', ') }]
    : [{ label: 'Persona', value: `${s.personaName} (${s.personaId})` }];
  if (s.title) fields.push({ label: 'Title', value: s.title });
  fields.push(
    { label: 'Session', value: s.id },
    { label: 'Provider', value: s.provider },
    { label: 'Model', value: s.model },
    { label: 'Started', value: formatTimestamp(s.startedAt) },
    { label: 'Last active', value: formatTimestamp(s.lastActiveAt) },
    { label: 'Messages', value: formatCount(s.messageCount) },
    { label: 'Tokens', value: `${formatCount(s.inputTokens)} in / ${formatCount(s.outputTokens)} out` },
    { label: 'Cost', value: formatUsd(s.costUsd) },
  );
  return fields;
}

/** Null is an unknown price and says so: "$0.00" would claim something was free. */
export function formatUsd(cost: number | null): string {
  if (cost === null) return 'unknown';
  if (cost === 0) return '$0.00';
  if (cost < 0.0001) return '< $0.0001';
  return cost < 0.01 ? `$${cost.toFixed(4)}` : `$${cost.toFixed(2)}`;
}

/** UTC and fixed-format, so the same session always exports to the same text. */
export function formatTimestamp(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * Who said it. In a group session each reply names its participant, and the user's messages are
 * the moderator's (with the one participant addressed by `/to`, if any).
 */
export function speakerLabel(message: MessageRecord, transcript: Transcript): string {
  const group = groupOf(transcript);
  const nameOf = (id: string) => group?.find((p) => p.personaId === id)?.name ?? id;
  if (message.role !== 'user') return group && message.speakerId ? nameOf(message.speakerId) : transcript.session.personaName;
  if (group) return message.addresseeId ? `Moderator → ${nameOf(message.addresseeId)}` : 'Moderator';
  return message.inputMode === 'script' && readSummaryMessage(message.content) ? 'Summary carried over' : 'You';
}

/** Marks a reader should see beside a message: cut short, failed, answered offline, spoken. */
export function messageNotes(message: MessageRecord): string[] {
  const notes: string[] = [];
  if (message.status === 'interrupted') notes.push('interrupted');
  if (message.status === 'error') notes.push(message.error ? `error: ${message.error}` : 'error');
  if (message.fallback) notes.push('answered offline (fallback)');
  if (message.inputMode === 'voice') notes.push('spoken');
  return notes;
}

/** A file:// link to the kept recording of a spoken message (--keep-audio), if any. */
export function audioUrl(message: MessageRecord): string | undefined {
  return message.audioPath ? pathToFileURL(message.audioPath).href : undefined;
}
