import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { SamconfigEntry, SamconfigRead, SamconfigValue } from './samconfig-types';

/**
 * Reads samconfig.yaml/samconfig.yml (`<env>: <command>: parameters: key: value`) into the same tables as
 * samconfig.toml (`<env>.<command>.parameters`), each value with its line.
 */
export function parseSamconfigYaml(text: string): SamconfigRead {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  const error = doc.errors[0];
  if (error) return { ok: false, line: error.linePos?.[0].line ?? 1, message: error.message.split('\n')[0] };
  const lineOf = (node: YamlNode | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
  const tables: Record<string, Record<string, SamconfigEntry>> = {};
  if (doc.contents !== null && !isMap(doc.contents))
    return { ok: false, line: lineOf(doc.contents), message: 'expected a map of config environments' };
  for (const env of doc.contents?.items ?? []) {
    if (!isScalar(env.key) || !isMap(env.value)) continue; // `version: 0.1` and other scalars at the top
    for (const command of env.value.items) {
      if (!isScalar(command.key) || !isMap(command.value)) continue;
      for (const section of command.value.items) {
        if (!isScalar(section.key) || !isMap(section.value)) continue;
        const table = (tables[`${env.key.value}.${command.key.value}.${section.key.value}`] ??= {});
        for (const pair of section.value.items) {
          if (!isScalar(pair.key)) continue;
          table[String(pair.key.value)] = {
            value: plain(pair.value as YamlNode | null),
            line: lineOf(pair.key as YamlNode),
          };
        }
      }
    }
  }
  return { ok: true, tables };
}

function plain(node: YamlNode | null): SamconfigValue {
  if (isScalar(node)) {
    const v = node.value;
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : v === null ? null : String(v);
  }
  if (isSeq(node)) return node.items.map((item) => plain(item as YamlNode));
  return null; // a map where a value belongs: read as nothing, and the reader that needs it says so
}
