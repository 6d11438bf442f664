/** The labelled French questions: ≥ 95 % overall, ≥ 90 % in every category, ≥ 95 % of out-of-scope → fallback. */
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyReport, evalSets, evaluate, type EvalReport } from './evaluate.js';

const report: EvalReport = emptyReport();

/** Two thousand questions take seconds, more on a busy machine: this is no timing test. */
const EVALUATION_TIMEOUT_MS = 120_000;

beforeAll(async () => {
  for (const set of evalSets('tuning')) await evaluate(set, report);
}, EVALUATION_TIMEOUT_MS);

describe('accuracy on the labelled questions', () => {
  it('has at least 150 questions', () => {
    expect(report.total).toBeGreaterThanOrEqual(150);
  });

  it('answers at least 95 % of them correctly', () => {
    expect(report.correct / report.total).toBeGreaterThanOrEqual(0.95);
  });

  it('reaches 90 % in every category', () => {
    const weak = [...report.byCategory].filter(([, { total, correct }]) => correct / total < 0.9).map(([category]) => category);
    expect(weak).toEqual([]);
  });

  it('answers out-of-scope questions with a fallback at least 95 % of the time', () => {
    const outOfScope = report.byCategory.get('out-of-scope')!;
    expect(outOfScope.correct / outOfScope.total).toBeGreaterThanOrEqual(0.95);
  });
});
