import type { ChalkInstance } from 'chalk';
import type { ProviderError } from '../../core/errors.js';
import { TerminalSanitizer } from '../../core/sanitize.js';
import type { MessageRecord } from '../../core/records.js';
import type { GroupEvent, Speaker } from '../../research/group/types.js';
import { c, colorFor, sanitizeInline, sanitizeText } from '../output.js';

// A group conversation as it happens, from the driver's event stream: as a transcript on stdout
// (each speaker's name in their own colour, replies streamed), or as JSON lines, one object per
// turn (the moderator's, then each participant's). Notices (rate-limit waits, budget warnings,
// fallbacks) go to stderr in both modes: they reach the user without breaking a JSON reader.

/** Distinct colours by speaking position, so neighbours in a transcript never look alike. */
const PALETTE = ['cyan', 'magenta', 'yellow', 'green', 'blue', 'red'] as const;

export interface GroupOutcome {
  sessionId: string | null;
  replies: number;
  failed: Array<{ speaker: Speaker; error: ProviderError }>;
  interrupted: boolean;
}

export class GroupPrinter {
  readonly outcome: GroupOutcome = { sessionId: null, replies: 0, failed: [], interrupted: false };
  private readonly colours = new Map<string, (text: string) => string>();
  private sanitizer = new TerminalSanitizer();
  private text = '';
  private readonly err: ChalkInstance = colorFor(process.stderr);

  constructor(
    speakers: readonly Speaker[],
    private readonly options: { json: boolean; write?: (text: string) => void },
  ) {
    speakers.forEach((s, i) => this.colours.set(s.id, (text) => c.bold[PALETTE[i % PALETTE.length]!](text)));
  }

  private write(text: string): void {
    (this.options.write ?? ((t: string) => process.stdout.write(t)))(text);
  }

  private note(text: string): void {
    process.stderr.write(`${this.err.yellow('note:')} ${sanitizeInline(text)}\n`);
  }

  label(speaker: Speaker): string {
    return (this.colours.get(speaker.id) ?? c.bold)(sanitizeInline(speaker.name));
  }

  handle(event: GroupEvent): void {
    switch (event.type) {
      case 'session':
        this.outcome.sessionId = event.sessionId;
        break;
      case 'moderator': {
        const to = event.addressee ? ` → ${this.label(event.addressee)}` : '';
        if (this.options.json) this.line(moderatorJson(event.message, event.addressee, event.openRound));
        else this.write(`${c.bold('Moderator')}${to}: ${sanitizeText(event.message.content.trim())}\n\n`);
        break;
      }
      case 'speaker':
        // The name is written when the reply starts: a request a limit refuses leaves no label behind.
        this.sanitizer = new TerminalSanitizer();
        this.text = '';
        break;
      case 'reply':
        this.reply(event.speaker, event.event);
        break;
    }
  }

  private reply(speaker: Speaker, event: Extract<GroupEvent, { type: 'reply' }>['event']): void {
    switch (event.type) {
      case 'notice':
        this.note(`${speaker.name}: ${event.text}`);
        break;
      case 'start':
        if (!this.options.json) this.write(`${this.label(speaker)}: `);
        break;
      case 'usage':
        break;
      case 'delta':
        this.text += event.text;
        if (!this.options.json) this.write(this.sanitizer.push(event.text));
        break;
      case 'fallback':
        this.note(`${event.error.message}; the offline engine answers for ${speaker.name} instead`);
        break;
      case 'done':
        this.outcome.replies++;
        if (event.message.status === 'interrupted') this.outcome.interrupted = true;
        if (this.options.json) this.line(replyJson(speaker, this.text, event.message, null));
        else this.write(`${this.sanitizer.flush()}${event.message.status === 'interrupted' ? c.dim(' (interrupted)') : ''}\n\n`);
        break;
      case 'error':
        this.outcome.failed.push({ speaker, error: event.error });
        if (this.options.json) this.line(replyJson(speaker, this.text, event.message, event.error));
        else this.write(`${this.sanitizer.flush()}${c.red('(no reply: the provider failed)')}\n\n`);
        break;
    }
  }

  private line(value: unknown): void {
    // One object per line; C1 controls and bidi overrides escaped as printJson does.
    this.write(
      `${JSON.stringify(value).replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`,
    );
  }
}

function moderatorJson(message: MessageRecord, addressee: Speaker | null, openRound: boolean) {
  return {
    type: 'moderator',
    sessionId: message.sessionId,
    seq: message.seq,
    speaker: { id: null, name: 'Moderator' },
    to: addressee,
    openRound,
    text: message.content,
  };
}

function replyJson(speaker: Speaker, text: string, m: MessageRecord, error: ProviderError | null) {
  return {
    type: 'reply',
    sessionId: m.sessionId,
    seq: m.seq,
    speaker,
    text,
    status: m.status,
    finishReason: m.finishReason,
    provider: m.provider,
    model: m.model,
    fallback: m.fallback,
    usage: { inputTokens: m.inputTokens, outputTokens: m.outputTokens },
    costUsd: m.costUsd,
    latency: { firstTokenMs: m.latencyFirstTokenMs, totalMs: m.latencyTotalMs },
    error: error ? { kind: error.kind, message: error.message, hint: error.hint ?? null, status: error.status ?? null } : null,
  };
}
