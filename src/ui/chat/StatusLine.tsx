import { Box, Text } from 'ink';
import type { ProviderName } from '../../core/messages.js';
import { formatCostTotal, formatTokens, type SessionTotals } from '../format.js';
import { theme } from '../theme.js';

interface Props {
  provider: { name: ProviderName; model: string };
  totals: SessionTotals;
  busy: boolean;
  saving: boolean;
  offlineNotice: string;
}

/** Under the prompt: what answers, what this session has cost, and the keys that matter now. */
export function StatusLine({ provider, totals, busy, saving, offlineNotice }: Props) {
  const tokens = totals.inputTokens + totals.outputTokens;
  // The offline engine counts no tokens (its figures are estimates nobody is billed for).
  const parts = [
    provider.name,
    provider.model,
    ...(provider.name === 'offline' ? [] : [`${formatTokens(tokens)} tokens`]),
    formatCostTotal(totals),
  ];
  if (!saving) parts.push('not saved');
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text wrap="truncate-end">
        <Text color={theme.dim}>{parts.join(' · ')}</Text>
        <Text color={theme.dim}>{busy ? '   Esc stops the reply' : '   /help · Ctrl-D quits'}</Text>
      </Text>
      {provider.name === 'offline' ? (
        <Text color={theme.dim} italic>
          {offlineNotice}
        </Text>
      ) : null}
    </Box>
  );
}
