/**
 * Runs a labelled evaluation set (test/eval/*.yaml) through the engine and scores it
 * per category. Used by `npm run eval` and by the accuracy test.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { loadEngine } from '../../src/answers/engine.js';
import { emptyContext, type ConversationContext } from '../../src/conversation/context.js';
import { readYamlFile } from '../../src/text/readYamlFile.js';
import { DEFAULT_DIALOGS_DIR, PROJECT_ROOT } from '../../src/projectRoot.js';

const expectation = z.object({
  kind: z.enum(['list', 'comparison', 'overview', 'clarify', 'fallback', 'smalltalk']),
  section: z.string().nullable().optional(),
  roles: z.array(z.string()).optional(),
});
const turn = z.object({ q: z.string(), expect: expectation });
const evalCase = z.union([
  z.object({ category: z.string(), q: z.string(), expect: expectation }),
  z.object({ category: z.string(), turns: z.array(turn).min(1) }),
]);
const evalFile = z.object({ knowledge: z.string().optional(), cases: z.array(evalCase) });

/** The evaluation sets and the knowledge folder each one is about. */
export const EVAL_SETS = [
  { name: 'shared-article', file: resolve(PROJECT_ROOT, 'test/eval/shared-article.yaml'), knowledge: resolve(PROJECT_ROOT, 'knowledge') },
  { name: 'shared-article-fresh', file: resolve(PROJECT_ROOT, 'test/eval/shared-article-fresh.yaml'), knowledge: resolve(PROJECT_ROOT, 'knowledge') },
  { name: 'second-article', file: resolve(PROJECT_ROOT, 'test/eval/second-article.yaml'), knowledge: resolve(PROJECT_ROOT, 'test/fixtures/second-article') },
  { name: 'second-article-md', file: resolve(PROJECT_ROOT, 'test/eval/second-article.yaml'), knowledge: resolve(PROJECT_ROOT, 'test/fixtures/second-article-md') },
  { name: 'holdout', file: resolve(PROJECT_ROOT, 'test/eval/holdout.yaml'), knowledge: resolve(PROJECT_ROOT, 'test/fixtures/holdout-article') },
  { name: 'holdout2', file: resolve(PROJECT_ROOT, 'test/eval/holdout2.yaml'), knowledge: resolve(PROJECT_ROOT, 'test/fixtures/holdout2-article') },
  { name: 'holdout2-md', file: resolve(PROJECT_ROOT, 'test/eval/holdout2-md.yaml'), knowledge: resolve(PROJECT_ROOT, 'test/fixtures/holdout2-md') },
  { name: 'holdout3', file: resolve(PROJECT_ROOT, 'test/eval/holdout3.yaml'), knowledge: resolve(PROJECT_ROOT, 'test/fixtures/holdout3-article') },
  { name: 'holdout3-md', file: resolve(PROJECT_ROOT, 'test/eval/holdout3-md.yaml'), knowledge: resolve(PROJECT_ROOT, 'test/fixtures/holdout3-md') },
  { name: 'holdout4', file: resolve(PROJECT_ROOT, 'test/eval/holdout4.yaml'), knowledge: resolve(PROJECT_ROOT, 'test/fixtures/holdout4-article') },
  { name: 'holdout5', file: resolve(PROJECT_ROOT, 'test/eval/holdout5.yaml'), knowledge: resolve(PROJECT_ROOT, 'test/fixtures/holdout5-article') },
  { name: 'holdout6', file: resolve(PROJECT_ROOT, 'test/eval/holdout6.yaml'), knowledge: resolve(PROJECT_ROOT, 'test/fixtures/holdout6-article') },
  { name: 'holdout7', file: resolve(PROJECT_ROOT, 'test/eval/holdout7.yaml'), knowledge: resolve(PROJECT_ROOT, 'test/fixtures/holdout7-md') },
  { name: 'holdout8', file: resolve(PROJECT_ROOT, 'test/eval/holdout8.yaml'), knowledge: resolve(PROJECT_ROOT, 'test/fixtures/holdout8-article') },
  { name: 'holdout9', file: resolve(PROJECT_ROOT, 'test/eval/holdout9.yaml'), knowledge: resolve(PROJECT_ROOT, 'test/fixtures/holdout9-article') },
  { name: 'holdout10', file: resolve(PROJECT_ROOT, 'test/eval/holdout10.yaml'), knowledge: resolve(PROJECT_ROOT, 'test/fixtures/holdout10-article') },
  { name: 'holdout11', file: resolve(PROJECT_ROOT, 'test/eval/holdout11.yaml'), knowledge: resolve(PROJECT_ROOT, 'test/fixtures/holdout11-md') },
  { name: 'holdout12', file: resolve(PROJECT_ROOT, 'test/eval/holdout12.yaml'), knowledge: resolve(PROJECT_ROOT, 'test/fixtures/holdout12-article') },
  { name: 'holdout13', file: resolve(PROJECT_ROOT, 'test/eval/holdout13.yaml'), knowledge: resolve(PROJECT_ROOT, 'test/fixtures/holdout13-article') },
] as const;

export interface Failure {
  set: string;
  category: string;
  question: string;
  expected: z.infer<typeof expectation>;
  got: { kind: string; section: string | null; roles: string[] };
}

export interface EvalReport {
  total: number;
  correct: number;
  byCategory: Map<string, { total: number; correct: number }>;
  failures: Failure[];
}

function matches(expected: z.infer<typeof expectation>, got: Failure['got']): boolean {
  if (expected.kind !== got.kind) return false;
  if (expected.section !== undefined && expected.section !== got.section) return false;
  if (expected.roles !== undefined) {
    const want = [...expected.roles].sort().join(',');
    const have = [...got.roles].sort().join(',');
    if (want !== have) return false;
  }
  return true;
}

/** Evaluates one set; each multi-turn conversation shares its context, and every turn counts. */
export async function evaluate(set: (typeof EVAL_SETS)[number], report: EvalReport): Promise<void> {
  const engine = await loadEngine({ knowledgeDir: set.knowledge, dialogsDir: DEFAULT_DIALOGS_DIR });
  const { cases } = readYamlFile(set.file, evalFile);
  for (const entry of cases) {
    const turns = 'turns' in entry ? entry.turns : [{ q: entry.q, expect: entry.expect }];
    let context: ConversationContext = emptyContext();
    for (const { q, expect } of turns) {
      const result = engine.answer(q, context);
      context = result.context;
      const got = { kind: result.answer.kind, section: result.answer.section, roles: result.answer.roles };
      const ok = matches(expect, got);
      const bucket = report.byCategory.get(entry.category) ?? { total: 0, correct: 0 };
      bucket.total += 1;
      report.total += 1;
      if (ok) {
        bucket.correct += 1;
        report.correct += 1;
      } else {
        report.failures.push({ set: set.name, category: entry.category, question: q, expected: expect, got });
      }
      report.byCategory.set(entry.category, bucket);
    }
  }
}

export function emptyReport(): EvalReport {
  return { total: 0, correct: 0, byCategory: new Map(), failures: [] };
}
