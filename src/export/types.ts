import type { MessageRecord, PersonaSnapshot, SessionSummary } from '../core/records.js';

// Exports render records the store has already read back; these are type-only imports of the
// store's record shapes (no SQLite code reaches this layer).

/** One session as exported: what `HistoryStore.getTranscript` returns. */
export interface Transcript {
  session: SessionSummary;
  /** The persona as it was chatted with; absent if the snapshot could not be read. */
  snapshot?: PersonaSnapshot;
  messages: MessageRecord[];
}

export const TRANSCRIPT_FORMATS = ['md', 'json', 'html', 'txt'] as const;
export type TranscriptFormat = (typeof TRANSCRIPT_FORMATS)[number];
