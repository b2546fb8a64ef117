export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Prints each measurement as a ratio of the baseline; returns true when all meet their target. */
export function report(title, baselineMs, rows) {
  console.log(`\n${title}: baseline ${baselineMs.toFixed(1)} ms (median)`);
  let ok = true;
  for (const row of rows) {
    const ratio = row.ms / baselineMs;
    const pass = row.target === undefined || ratio <= row.target;
    ok &&= pass;
    console.log(
      `  ${row.name.padEnd(44)} ${row.ms.toFixed(1).padStart(8)} ms  ${ratio.toFixed(2)}x${row.target ? `  (target <= ${row.target}x) ${pass ? 'ok' : 'MISSED'}` : ''}`,
    );
  }
  return ok;
}
