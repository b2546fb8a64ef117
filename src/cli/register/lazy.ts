// Commander passes positional arguments, then options, then the command: each action types its own.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Action = (...args: any[]) => Promise<void>;

/** An action that imports its command file only when the command runs, so start-up loads none of them. */
export const lazy =
  (load: () => Promise<{ default: Action }>): Action =>
  async (...args) =>
    (await load()).default(...args);
