/**
 * `npm run eval [-- tuning|holdouts|library] [--only NAME] [--quiet]`: accuracy per category for every
 * evaluation set, then the failures. `tuning` (default) runs the sets the engine was tuned on;
 * `library` runs them against every fixture article at once; `holdouts` runs the sets nobody has
 * tuned on — run it once per new holdout, and record the first score in docs/accuracy.md.
 */
import { addReport, emptyReport, evalSets, evaluate, type EvalReport } from './evaluate.js';

const percent = (correct: number, total: number) => (total === 0 ? '—' : `${((100 * correct) / total).toFixed(1)} %`);

function print(name: string, report: EvalReport): void {
  console.log(`\n${name}: ${report.correct}/${report.total} = ${percent(report.correct, report.total)}`);
  for (const [category, { total, correct }] of [...report.byCategory].sort()) {
    console.log(`  ${category.padEnd(14)} ${String(correct).padStart(3)}/${String(total).padEnd(3)} ${percent(correct, total)}`);
  }
}

const args = process.argv.slice(2);
const mode = (['tuning', 'holdouts', 'library'] as const).find((candidate) => args.includes(candidate)) ?? 'tuning';
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const quiet = args.includes('--quiet');
const sets = evalSets(mode === 'holdouts' ? 'holdouts' : 'tuning').filter((set) => only === undefined || set.name === only);

const overall = emptyReport();
for (const set of sets) {
  const report = emptyReport();
  await evaluate(set, report, { library: mode === 'library' });
  if (!quiet) print(set.name, report);
  else console.log(`${set.name}: ${report.correct}/${report.total} = ${percent(report.correct, report.total)}`);
  addReport(overall, report);
}
print(`overall (${mode})`, overall);
if (overall.failures.length > 0 && !quiet) {
  console.log('\nfailures:');
  for (const failure of overall.failures) {
    console.log(`  [${failure.set}/${failure.category}] ${failure.question}\n      expected ${JSON.stringify(failure.expected)}\n      got      ${JSON.stringify(failure.got)}`);
  }
}
