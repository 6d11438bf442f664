/** `npm run eval`: accuracy per category for every evaluation set, then the failures. */
import { EVAL_SETS, emptyReport, evaluate, type EvalReport } from './evaluate.js';

const percent = (correct: number, total: number) => (total === 0 ? '—' : `${((100 * correct) / total).toFixed(1)} %`);

function print(name: string, report: EvalReport): void {
  console.log(`\n${name}: ${report.correct}/${report.total} = ${percent(report.correct, report.total)}`);
  for (const [category, { total, correct }] of [...report.byCategory].sort()) {
    console.log(`  ${category.padEnd(14)} ${String(correct).padStart(3)}/${String(total).padEnd(3)} ${percent(correct, total)}`);
  }
}

const overall = emptyReport();
for (const set of EVAL_SETS) {
  const report = emptyReport();
  await evaluate(set, report);
  print(set.name, report);
  overall.total += report.total;
  overall.correct += report.correct;
  for (const [category, bucket] of report.byCategory) {
    const sum = overall.byCategory.get(category) ?? { total: 0, correct: 0 };
    sum.total += bucket.total;
    sum.correct += bucket.correct;
    overall.byCategory.set(category, sum);
  }
  overall.failures.push(...report.failures);
}
print('overall', overall);
if (overall.failures.length > 0) {
  console.log('\nfailures:');
  for (const failure of overall.failures) {
    console.log(`  [${failure.set}/${failure.category}] ${failure.question}\n      expected ${JSON.stringify(failure.expected)}\n      got      ${JSON.stringify(failure.got)}`);
  }
}
