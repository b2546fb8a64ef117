// Up/Down through earlier inputs, the way shells do it: the draft being typed is kept aside
// while browsing and comes back when you go past the newest entry.
//
// Two kinds of entry: messages that were sent (the caller also saves these across sessions) and
// drafts cleared with Ctrl-C, kept for this session only so ↑ can bring them back. A cleared draft
// that is brought back and then sent or cleared again is replaced by that newer version, so
// editing one draft never leaves a trail of near-copies.

interface Entry {
  text: string;
  /** A cleared draft, not a sent message. */
  setAside: boolean;
}

export class HistoryNavigator {
  private entries: Entry[];
  /** entries.length means "not browsing: editing the draft". */
  private position: number;
  private draft = '';
  /** The set-aside entry that ↑/↓ last brought into the prompt, if the prompt came from one. */
  private recalled: Entry | undefined;

  constructor(
    sent: readonly string[],
    private readonly limit = 1000,
  ) {
    this.entries = withoutRepeats(sent)
      .slice(-limit)
      .map((text) => ({ text, setAside: false }));
    this.position = this.entries.length;
  }

  get all(): readonly string[] {
    return this.entries.map((entry) => entry.text);
  }

  /** The previous entry, or undefined at the oldest. `current` is what the prompt holds now. */
  older(current: string): string | undefined {
    if (this.position === 0) return undefined;
    if (this.position === this.entries.length) this.draft = current;
    this.position--;
    return this.land();
  }

  /** The next entry, the saved draft after the newest, or undefined when not browsing. */
  newer(): string | undefined {
    if (this.position >= this.entries.length) return undefined;
    this.position++;
    if (this.position === this.entries.length) {
      this.recalled = undefined;
      return this.draft;
    }
    return this.land();
  }

  /** Records a sent input and stops browsing. Returns false when it repeats the newest sent entry. */
  add(text: string): boolean {
    this.dropRecalled();
    this.stopBrowsing();
    if (!text.trim()) return false;
    const newest = this.entries[this.entries.length - 1];
    if (newest?.text === text) {
      // Sending a cleared draft unchanged: it is a sent message now.
      const wasSent = !newest.setAside;
      newest.setAside = false;
      return !wasSent;
    }
    this.push({ text, setAside: false });
    return true;
  }

  /** Keeps a cleared draft for ↑ in this session (not to be saved) and stops browsing. */
  setAside(text: string): void {
    this.dropRecalled();
    this.stopBrowsing();
    if (!text.trim() || this.entries[this.entries.length - 1]?.text === text) return;
    this.push({ text, setAside: true });
  }

  /** Stops browsing without recording anything (the prompt was edited or cleared). */
  reset(): void {
    this.stopBrowsing();
  }

  private land(): string {
    const entry = this.entries[this.position]!;
    this.recalled = entry.setAside ? entry : undefined;
    return entry.text;
  }

  private dropRecalled(): void {
    if (this.recalled) this.entries = this.entries.filter((entry) => entry !== this.recalled);
    this.recalled = undefined;
  }

  private stopBrowsing(): void {
    this.position = this.entries.length;
    this.draft = '';
  }

  private push(entry: Entry): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries = this.entries.slice(-this.limit);
    this.position = this.entries.length;
  }
}

/** Consecutive duplicates collapsed to one. */
function withoutRepeats(entries: readonly string[]): string[] {
  return entries.filter((entry, index) => index === 0 || entries[index - 1] !== entry);
}
