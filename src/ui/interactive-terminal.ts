import chalk from 'chalk';
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

/**
 * With NO_COLOR the CLI turns chalk off altogether (src/cli/output.ts). On a terminal the Ink
 * screens keep styles that are not colour (bold, italics, the inverse-video cursor), and the theme
 * has no colours to give (src/ui/theme.ts). Call before the first render.
 */
export function keepStylesWithoutColour(): void {
  if (!process.env.NO_COLOR || !process.stdout.isTTY || process.env.FORCE_COLOR === '0') return;
  if (chalk.level === 0) chalk.level = 1;
}
