import { env } from 'node:process';

/**
 * Ink renders only the final frame when it believes it runs in CI (`CI` or
 * `CONTINUOUS_INTEGRATION` set, read once when Ink loads). We open Ink only when stdin and stdout
 * are both terminals, so a person is there whatever those variables say (dev containers and CI
 * runners set them, and so do test harnesses driving a pseudo-terminal). Call before Ink loads.
 */
export function letInkRenderLive(): void {
  if (!process.stdin.isTTY || !process.stdout.isTTY) return;
  for (const key of ['CI', 'CONTINUOUS_INTEGRATION']) if (key in env) env[key] = 'false';
}
