import { Text } from 'ink';
import { Spinner } from '../Spinner.js';
import { theme } from '../theme.js';
import type { VoiceState } from './useVoiceInput.js';

export const METER_CELLS = 20;

/** Cells of the level bar lit for a loudness (0..1). Speech rarely passes 0.3 RMS, so that fills it. */
export function meterCells(rms: number, cells = METER_CELLS): number {
  return Math.min(cells, Math.round(Math.sqrt(Math.min(1, Math.max(0, rms) / 0.3)) * cells));
}

/** What stands in the prompt box while a voice message is recorded and transcribed. */
export function VoiceMeter({ state }: { state: Exclude<VoiceState, { phase: 'idle' }> }) {
  switch (state.phase) {
    case 'starting':
      return <Spinner label="starting the microphone…  Esc cancels" />;
    case 'transcribing':
      return <Spinner label="transcribing…  Esc cancels (the recording is kept)" />;
    case 'recording': {
      const lit = meterCells(state.rms);
      return (
        <Text wrap="truncate-end">
          <Text color={theme.error}>● </Text>
          <Text>recording {(state.elapsedMs / 1000).toFixed(1)}s </Text>
          <Text color={theme.success}>{'█'.repeat(lit)}</Text>
          <Text color={theme.dim}>{'░'.repeat(METER_CELLS - lit)}</Text>
          <Text color={theme.dim}> Enter or Ctrl-R stops · Esc cancels</Text>
        </Text>
      );
    }
  }
}
