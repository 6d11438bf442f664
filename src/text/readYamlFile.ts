/** Reads a YAML data file and validates it, reporting mistakes as `file:line: what is wrong`. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { KnowledgeFileError } from '../errors.js';
import { PRECOMPILED_YAML } from '../projectRoot.js';

export function readYamlFile<Schema extends z.ZodTypeAny>(
  file: string,
  schema: Schema,
  source = readFileSync(file, 'utf8'),
  parsedAhead: ReadonlyMap<string, unknown> = precompiledData(),
): z.output<Schema> {
  const precompiled = parsedAhead.get(textHash(source));
  if (precompiled !== undefined) {
    const result = schema.safeParse(precompiled);
    if (result.success) return result.data;
    // Invalid data is reported from the YAML document itself, which knows the lines.
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    throw new KnowledgeFileError(file, lineCounter.linePos(error.pos[0]).line, error.message.split('\n')[0] ?? 'invalid YAML');
  }
  const result = schema.safeParse(yamlData(document));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const node = document.getIn(issue.path, true) as { range?: [number, number, number] } | undefined;
    const line = node?.range ? lineCounter.linePos(node.range[0]).line : 1;
    throw new KnowledgeFileError(file, line, `${issue.path.join('.') || 'file'}: ${issue.message}`);
  }
  return result.data;
}

/**
 * A key for what is compiled from a file's text: its path and a hash of the text. A file read again
 * unchanged (the contacts and the engine read the same lexicon; a reload after one article changed)
 * finds its compiled form under the same key; any edit, however fast, gives another.
 */
export function contentKey(file: string, source: string): string {
  return `${file}\0${textHash(source)}`;
}

function textHash(source: string): string {
  return createHash('sha256').update(source).digest('base64');
}

/** A parsed YAML document's data (an empty file is an empty mapping). */
function yamlData(document: { toJS(): unknown }): unknown {
  return document.toJS() ?? {};
}

/**
 * The data of the project's own YAML files (language pack, lexicon, dialogs), parsed once by
 * `npm run build` (`dist/cli/buildYamlData.js`) and kept by hash of their text: parsing them is about
 * a sixth of the server's start-up, a JSON read a few milliseconds. A file edited since then, or one
 * the build never saw (an HR team's own lexicon), has another hash and is parsed as usual.
 */
let precompiled: Map<string, unknown> | undefined;

function precompiledData(): Map<string, unknown> {
  if (!precompiled) {
    try {
      precompiled = new Map(Object.entries(JSON.parse(readFileSync(PRECOMPILED_YAML, 'utf8')) as Record<string, unknown>));
    } catch {
      precompiled = new Map(); // not built (tests run from the sources) or unreadable: parse every file
    }
  }
  return precompiled;
}

/** The data of YAML texts by hash of the text, as `npm run build` writes it; a text that does not parse is left out. */
export function precompileYaml(sources: readonly string[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const source of sources) {
    const document = parseDocument(source, { prettyErrors: false });
    if (document.errors.length === 0) data[textHash(source)] = yamlData(document);
  }
  return data;
}
