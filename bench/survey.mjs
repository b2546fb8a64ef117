// `npm run bench:survey`: a survey of 10 questions x 200 personas on the offline engine (rules over
// persona facts), through the built CLI, every answer saved in SQLite. Goal: under 30 s and under
// 300 MB peak memory. The baseline, measured in the same run, is `persona personas list --json`
// over the same 200 persona files (loading and validating them), so the ratio says what the
// survey itself costs on top of reading the personas.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'persona.js');
const probe = join(root, 'bench', 'rss-probe.mjs');
const PERSONAS = 200;
const LIMIT_MS = 30_000;
const LIMIT_MB = 300;

const survey = {
  title: 'Benchmark survey',
  context: 'A budgeting app with bill reminders and a 90-day cash forecast.',
  questions: [
    {
      id: 'plan',
      type: 'single_choice',
      text: 'Which plan would you choose?',
      options: ['Free', 'Personal at $6 a month', 'Plus at $15 a month', 'Business at $49 a month'],
    },
    {
      id: 'features',
      type: 'multiple_choice',
      text: 'Which features would you use?',
      options: ['Bill reminders', 'Cash forecast', 'Receipt scanning', 'Shared budget', 'Export to a spreadsheet'],
      maxChoices: 3,
    },
    { id: 'likely', type: 'scale', text: 'How likely are you to try it?', min: 1, max: 10 },
    { id: 'trust', type: 'scale', text: 'How much would you trust it with your bank login?', min: 1, max: 5 },
    { id: 'price', type: 'number', text: 'Most you would pay each month?', unit: 'USD per month', min: 0 },
    { id: 'hours', type: 'number', text: 'Hours a month you spend on budgeting?', unit: 'hours a month', min: 0, max: 200 },
    { id: 'card', type: 'yes_no', text: 'Would you enter a credit card up front for a trial?' },
    { id: 'annual', type: 'yes_no', text: 'Would you pay for a year up front at a discount?' },
    {
      id: 'channel',
      type: 'single_choice',
      text: 'Where would you hear about it?',
      options: ['A friend', 'Social media', 'A newsletter', 'An app store'],
    },
    { id: 'switch', type: 'free_text', text: 'What would make you switch?' },
  ],
};

function setUp() {
  const home = mkdtempSync(join(tmpdir(), 'persona-bench-survey-'));
  const personaDir = join(home, 'personas');
  mkdirSync(personaDir);
  const shipped = readdirSync(join(root, 'personas')).filter((f) => f.endsWith('.json'));
  const ids = [];
  for (let i = 0; i < PERSONAS; i++) {
    const source = JSON.parse(readFileSync(join(root, 'personas', shipped[i % shipped.length]), 'utf8'));
    const id = `${source.id}-${i}`;
    source.id = id;
    source.name = `${source.name} ${i}`;
    if (typeof source.baseSelection?.age === 'number') source.baseSelection.age = 20 + ((source.baseSelection.age + i) % 55);
    writeFileSync(join(personaDir, `${id}.json`), JSON.stringify(source));
    ids.push(id);
  }
  writeFileSync(join(home, 'survey.json'), JSON.stringify(survey));
  return { home, ids };
}

function timed(args, home) {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', probe, bin, ...args], {
    env: { ...process.env, PERSONA_HOME: home, NO_COLOR: '1', OPENAI_API_KEY: '', ANTHROPIC_API_KEY: '', OPENAI_BASE_URL: '' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`persona ${args.join(' ')} exited ${result.status}: ${result.stderr.slice(-500)}`);
  const kb = Number(/bench-maxrss-kb (\d+)/.exec(result.stderr)?.[1] ?? NaN);
  return { ms, mb: kb / 1024, stdout: result.stdout };
}

export async function run() {
  const { home, ids } = setUp();
  try {
    const baseline = timed(['personas', 'list', '--json'], home);
    const surveyRun = timed(['survey', join(home, 'survey.json'), ids.join(','), '--json'], home);
    const summary = JSON.parse(surveyRun.stdout);
    const answers = PERSONAS * survey.questions.length;
    const ok = summary.asked === answers && summary.invalid === 0 && surveyRun.ms < LIMIT_MS && surveyRun.mb < LIMIT_MB;
    console.log(`survey offline: ${PERSONAS} personas x ${survey.questions.length} questions = ${summary.asked}/${answers} answers saved`);
    console.log(
      `  time   ${(surveyRun.ms / 1000).toFixed(2)} s (limit ${LIMIT_MS / 1000} s) · ${((answers / surveyRun.ms) * 1000).toFixed(0)} answers/s`,
    );
    console.log(`  memory ${surveyRun.mb.toFixed(0)} MB peak RSS (limit ${LIMIT_MB} MB)`);
    console.log(
      `  baseline personas list: ${(baseline.ms / 1000).toFixed(2)} s, ${baseline.mb.toFixed(0)} MB · ratio ${(surveyRun.ms / baseline.ms).toFixed(2)}x time, ${(surveyRun.mb / baseline.mb).toFixed(2)}x memory`,
    );
    console.log(`  ${ok ? 'ok' : 'FAILED'}`);
    return ok;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = (await run()) ? 0 : 1;
