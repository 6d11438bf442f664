import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { KnowledgeFileError } from '../../src/errors.js';
import { precompileYaml, readYamlFile } from '../../src/text/readYamlFile.js';

const schema = z.object({ greetings: z.array(z.string()) }).strict();
const fileWith = (text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'yaml-')), 'data.yaml');
  writeFileSync(file, text);
  return file;
};
const asMap = (data: Record<string, unknown>) => new Map(Object.entries(data));

describe('readYamlFile', () => {
  it('reads and validates a YAML file', () => {
    expect(readYamlFile(fileWith('greetings: [bonjour, salut]\n'), schema)).toEqual({ greetings: ['bonjour', 'salut'] });
  });

  it('reports a value the schema refuses with its file and line', () => {
    const file = fileWith('greetings:\n  - bonjour\n  - 3\n');
    expect(() => readYamlFile(file, schema)).toThrow(KnowledgeFileError);
    expect(() => readYamlFile(file, schema)).toThrow(/:3\b/);
  });

  it('uses the data parsed ahead for the same text, without parsing it again', () => {
    const text = 'greetings: [bonjour]\n';
    const [hash] = Object.keys(precompileYaml([text]));
    // Data parsed ahead under the text's hash wins: the file is not parsed (its data here differs on purpose).
    expect(readYamlFile(fileWith(text), schema, text, asMap({ [hash!]: { greetings: ['salut'] } }))).toEqual({ greetings: ['salut'] });
    // Another text has another hash, and is parsed.
    expect(readYamlFile(fileWith('greetings: [coucou]\n'), schema, undefined, asMap({ [hash!]: { greetings: ['salut'] } }))).toEqual({ greetings: ['coucou'] });
  });

  it('falls back to the YAML document, and its lines, when data parsed ahead no longer fits the schema', () => {
    const text = 'greetings:\n  - bonjour\n  - 3\n';
    const [hash] = Object.keys(precompileYaml([text]));
    expect(() => readYamlFile(fileWith(text), schema, text, asMap({ [hash!]: { greetings: ['bonjour', 3] } }))).toThrow(/:3\b/);
  });

  it('parses ahead only the texts that parse', () => {
    const data = precompileYaml(['greetings: [bonjour]\n', 'greetings: [bonjour\n', '']);
    expect(Object.values(data)).toEqual([{ greetings: ['bonjour'] }, {}]);
  });
});
