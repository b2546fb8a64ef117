import { Text } from 'ink';
import { useEffect, useState } from 'react';
import { theme } from './theme.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** A braille spinner; it only ticks while mounted, so an idle chat redraws nothing. */
export function Spinner({ label }: { label: string }) {
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setFrame((f) => (f + 1) % FRAMES.length), 80);
    return () => clearInterval(timer);
  }, []);
  return (
    <Text>
      <Text color={theme.accent}>{FRAMES[frame]}</Text> <Text color={theme.dim}>{label}</Text>
    </Text>
  );
}
