import { ExitCode, formatIssue } from '../../core/errors.js';
import { isUnknownKeyNotice } from '../../persona/file-keys.js';
import { loadPersonas } from '../../persona/loader.js';
import { c, colorFor, printJson, println, sanitizeInline } from '../output.js';

export default async function personasValidate(paths: string[], options: { json?: boolean; strict?: boolean }): Promise<void> {
  // With paths: only those. Without: everything the app would load.
  const result = paths.length > 0 ? loadPersonas({ shipped: false, userDir: null, paths }) : loadPersonas();
  const warned = new Map(result.warnings.map((w) => [w.file, w.issues]));
  // Unknown keys are a note, not a weakness: --strict fails only on what makes a persona play flat or broken.
  const failedWarnings = options.strict ? result.warnings.filter((w) => w.issues.some((i) => !isUnknownKeyNotice(i))).length : 0;
  if (options.json) {
    printJson({
      valid: result.personas.map((p) => ({ id: p.id, file: p.source, warnings: warned.get(p.source) ?? [] })),
      invalid: result.failures.map((f) => ({ file: f.file, issues: f.issues })),
    });
  } else {
    const e = colorFor(process.stderr);
    for (const p of result.personas) {
      const warnings = warned.get(p.source) ?? [];
      println(`${warnings.length ? c.yellow('⚠') : c.green('✓')} ${p.source} ${c.dim(`(${p.id})`)}`);
      for (const w of warnings)
        println(`  ${isUnknownKeyNotice(w) ? c.dim('note:') : c.yellow('warning:')} ${sanitizeInline(formatIssue(p.source, w))}`);
    }
    for (const f of result.failures) {
      process.stderr.write(`${e.red('✗')} ${f.file}\n`);
      for (const issue of f.issues) process.stderr.write(`  ${sanitizeInline(formatIssue(f.file, issue))}\n`);
    }
    const summary = `${result.personas.length} valid, ${result.failures.length} invalid, ${result.warnings.length} with warnings`;
    println(result.failures.length || failedWarnings ? c.red(summary) : c.green(summary));
  }
  if (result.failures.length > 0 || failedWarnings > 0) process.exitCode = ExitCode.invalidInput;
}
