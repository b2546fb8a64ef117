// Up/Down through earlier inputs, the way shells do it: the draft being typed is kept aside
// while browsing and comes back when you go past the newest entry.

export class HistoryNavigator {
  private entries: string[];
  /** entries.length means "not browsing: editing the draft". */
  private position: number;
  private draft = '';

  constructor(
    entries: readonly string[],
    private readonly limit = 1000,
  ) {
    this.entries = entries.slice(-limit);
    this.position = this.entries.length;
  }

  get all(): readonly string[] {
    return this.entries;
  }

  /** The previous entry, or undefined at the oldest. `current` is what the prompt holds now. */
  older(current: string): string | undefined {
    if (this.position === 0) return undefined;
    if (this.position === this.entries.length) this.draft = current;
    this.position--;
    return this.entries[this.position];
  }

  /** The next entry, the saved draft after the newest, or undefined when not browsing. */
  newer(): string | undefined {
    if (this.position >= this.entries.length) return undefined;
    this.position++;
    return this.position === this.entries.length ? this.draft : this.entries[this.position];
  }

  /** Records a submitted (or set-aside) input and stops browsing. Returns false for a repeat. */
  add(entry: string): boolean {
    this.position = this.entries.length;
    this.draft = '';
    if (!entry.trim() || this.entries[this.entries.length - 1] === entry) {
      this.position = this.entries.length;
      return false;
    }
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries = this.entries.slice(-this.limit);
    this.position = this.entries.length;
    return true;
  }

  /** Stops browsing without recording anything (the prompt was edited or cleared). */
  reset(): void {
    this.position = this.entries.length;
    this.draft = '';
  }
}
