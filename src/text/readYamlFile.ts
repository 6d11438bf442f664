/** Reads a YAML data file and validates it, reporting mistakes as `file:line: what is wrong`. */
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { KnowledgeFileError } from '../errors.js';

export function readYamlFile<Schema extends z.ZodTypeAny>(file: string, schema: Schema): z.output<Schema> {
  const source = readFileSync(file, 'utf8');
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    throw new KnowledgeFileError(file, lineCounter.linePos(error.pos[0]).line, error.message.split('\n')[0] ?? 'invalid YAML');
  }
  const result = schema.safeParse(document.toJS() ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const node = document.getIn(issue.path, true) as { range?: [number, number, number] } | undefined;
    const line = node?.range ? lineCounter.linePos(node.range[0]).line : 1;
    throw new KnowledgeFileError(file, line, `${issue.path.join('.') || 'file'}: ${issue.message}`);
  }
  return result.data;
}
