import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

/**
 * The exit status comes from a small sh wrapper, not from tmux: tmux (3.3a here) at times never
 * reaps the pane's program (it stays a zombie) yet marks the pane dead as soon as its pty closes,
 * so `#{pane_dead_status}` stays empty and a program that exited 143 read as 0. The wrapper runs
 * the program as its child, waits for it, and writes `$?` (128 + n after signal n) to a file,
 * renamed into place so it is never read half-written. Its traps (a command, not '') keep it
 * alive until the program has exited, and the program still starts with every signal at its
 * default (exec resets caught signals); POSIX runs a trap only once the foreground child is done.
 */
const STATUS_WRAPPER = 'trap : HUP INT TERM QUIT; "$@"; status=$?; echo "$status" > "$0.part" && mv "$0.part" "$0"';

export class TmuxTerminal {
  private constructor(
    readonly socket: string,
    private readonly target: string,
    /** Where the wrapper writes the program's exit status, and the folder it is in. */
    private readonly statusFile: string,
  ) {}

  static start(options: PtyOptions): TmuxTerminal {
    const socket = `persona-test-${process.pid}-${randomBytes(4).toString('hex')}`;
    const statusFile = join(mkdtempSync(join(tmpdir(), 'persona-pty-')), 'exit-status');
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
      // `exec`: tmux's own shell becomes the wrapper, so the pane's process is the wrapper and its one child the program.
      `exec ${shellQuote(['sh', '-c', STATUS_WRAPPER, statusFile, ...options.command])}`,
    ]);
    // Keep the pane after the program exits, so its last screen (and exit status) can be read.
    run(['set-option', '-t', 'main', 'remain-on-exit', 'on']);
    run(['set-option', '-s', 'escape-time', '0']);
    return new TmuxTerminal(socket, 'main', statusFile);
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
    if (!existsSync(this.statusFile)) return undefined;
    return Number(readFileSync(this.statusFile, 'utf8').trim());
  }

  /** The process id of the program (the one child of the wrapper that runs in the pane). */
  pid(): number {
    const wrapper = this.tmux(['display-message', '-p', '-t', this.target, '#{pane_pid}']).trim();
    const children = readFileSync(`/proc/${wrapper}/task/${wrapper}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    if (children.length !== 1)
      throw new Error(`expected the program as the pane's one child process, found: ${children.join(', ') || 'none'}`);
    return Number(children[0]);
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
    rmSync(join(this.statusFile, '..'), { recursive: true, force: true });
  }
}

function shellQuote(words: string[]): string {
  return words.map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}
