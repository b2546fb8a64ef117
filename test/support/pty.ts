import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

// A real pseudo-terminal for end-to-end tests and benchmarks, driven through tmux: the program
// under test sees a TTY of a fixed size, keys arrive as a terminal sends them, and the screen is
// read back with capture-pane (with -e, the escape sequences that reached the screen too). Each
// terminal runs on its own private tmux server (-L), so tests never touch a user's sessions.
// Plain node built-ins only, so benchmarks can use it after one esbuild step.

export interface PtyOptions {
  /** The program and its arguments. */
  command: string[];
  env?: Record<string, string | undefined>;
  cwd?: string;
  columns?: number;
  rows?: number;
}

const TMUX = process.env.TMUX_BIN ?? 'tmux';

export class TmuxTerminal {
  private constructor(
    readonly socket: string,
    private readonly target: string,
  ) {}

  static start(options: PtyOptions): TmuxTerminal {
    const socket = `persona-test-${process.pid}-${randomBytes(4).toString('hex')}`;
    // The private server starts with exactly this environment, and the program inherits it; an
    // `undefined` in options.env removes a variable.
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries({ ...process.env, TERM: 'xterm-256color', ...options.env })) {
      if (value !== undefined) env[key] = value;
    }
    // TMUX set by an outer tmux would make the inner one refuse to start.
    delete env.TMUX;
    const run = (args: string[]) =>
      execFileSync(TMUX, ['-L', socket, '-f', '/dev/null', ...args], { env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    run([
      'new-session',
      '-d',
      '-s',
      'main',
      '-x',
      String(options.columns ?? 100),
      '-y',
      String(options.rows ?? 30),
      ...(options.cwd ? ['-c', options.cwd] : []),
      shellQuote(options.command),
    ]);
    // Keep the pane after the program exits, so its last screen (and exit status) can be read.
    run(['set-option', '-t', 'main', 'remain-on-exit', 'on']);
    run(['set-option', '-s', 'escape-time', '0']);
    return new TmuxTerminal(socket, 'main');
  }

  private tmux(args: string[]): string {
    const result = spawnSync(TMUX, ['-L', this.socket, ...args], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`tmux ${args[0]} failed: ${result.stderr}`);
    return result.stdout;
  }

  /** Types text literally (no key names interpreted). */
  type(text: string): void {
    this.tmux(['send-keys', '-t', this.target, '-l', text]);
  }

  /** Presses keys by tmux name: Enter, Escape, C-c, C-d, Up, Tab, M-Enter … */
  press(...keys: string[]): void {
    this.tmux(['send-keys', '-t', this.target, ...keys]);
  }

  /** Changes the terminal's size, as dragging the window's edge does. */
  resize(columns: number, rows?: number): void {
    this.tmux(['resize-window', '-t', this.target, '-x', String(columns), ...(rows ? ['-y', String(rows)] : [])]);
  }

  /** Pastes text the way a terminal does (bracketed when the program asked for it). */
  paste(text: string): void {
    this.tmux(['set-buffer', '-b', 'paste', text]);
    this.tmux(['paste-buffer', '-p', '-d', '-b', 'paste', '-t', this.target]);
  }

  /** The visible screen as text; with `escapes`, the styling sequences that reached it too. */
  screen(options: { escapes?: boolean; history?: boolean } = {}): string {
    const args = ['capture-pane', '-p', '-t', this.target];
    if (options.escapes) args.push('-e');
    if (options.history) args.push('-S', '-', '-E', '-');
    return this.tmux(args);
  }

  /** Everything printed so far (scrollback included), as text. */
  transcript(): string {
    return this.screen({ history: true });
  }

  /** The exit status once the program has exited (128+n for signal n), else undefined. */
  exitStatus(): number | undefined {
    const [dead, status, signal] = this.tmux([
      'display-message',
      '-p',
      '-t',
      this.target,
      '#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}',
    ])
      .trim()
      .split(':');
    if (dead !== '1') return undefined;
    if (signal) return 128 + Number(signal);
    return status ? Number(status) : 0; // tmux 3.3 leaves the status empty for 0
  }

  /** The process id of the program in the pane (tmux execs a single command in place of its shell). */
  pid(): number {
    return Number(this.tmux(['display-message', '-p', '-t', this.target, '#{pane_pid}']).trim());
  }

  exited(): boolean {
    return this.exitStatus() !== undefined;
  }

  /**
   * Polls the screen (with scrollback) until `expected` shows up; throws with the screen on timeout.
   * The options pick what is read, as screen() does: pass `{ escapes: true }` to match styling.
   */
  async waitFor(
    expected: string | RegExp | ((screen: string) => boolean),
    timeoutMs = 10_000,
    options: { history?: boolean; escapes?: boolean } = { history: true },
  ): Promise<string> {
    const test =
      typeof expected === 'function' ? expected : (s: string) => (typeof expected === 'string' ? s.includes(expected) : expected.test(s));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen(options);
      if (test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${String(expected)}; the screen:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
  }

  async waitForExit(timeoutMs = 10_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const status = this.exitStatus();
      if (status !== undefined) return status;
      if (Date.now() > deadline) throw new Error(`the program did not exit within ${timeoutMs} ms; the screen:\n${this.screen()}`);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
  }

  /** Ends the program and this private tmux server. */
  kill(): void {
    spawnSync(TMUX, ['-L', this.socket, 'kill-server'], { stdio: 'ignore' });
  }
}

function shellQuote(words: string[]): string {
  return words.map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}
