// Flattens YAML documents into scalar entries with exact spans, using the `yaml` package's AST (pure JavaScript,
// no I/O). A document with syntax errors yields nothing rather than guesses.
import type { Node, Scalar } from 'yaml';
import type { Span } from '../types';
import { fastFlattenYaml } from './fastYaml';

export interface YamlEntry {
  /** Keys from the document root down; sequence items appear as their index. */
  path: string[];
  keySpan: Span;
  valueSpan: Span;
  value: string;
  style: 'bare' | 'quoted' | 'block';
  /** Index of the document in a multi-document stream. */
  document: number;
  /** The library's scalar node, when the library parsed the file. */
  node?: Scalar;
}

export interface YamlTree {
  entries: YamlEntry[];
  documents: number;
  /** Documents skipped because they do not parse, with the first error. */
  errors: string[];
}

export function flattenYaml(text: string): YamlTree {
  // Most configuration files are plain block YAML, which the fast scanner reads exactly and several times faster.
  return fastFlattenYaml(text) ?? libraryFlattenYaml(text);
}

/** The `yaml` library's reading: complete YAML, with errors reported per document. */
export function libraryFlattenYaml(text: string): YamlTree {
  const { parseAllDocuments } = yamlLibrary();
  const entries: YamlEntry[] = [];
  const errors: string[] = [];
  const documents = parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false });
  const list = Array.isArray(documents) ? documents : [];
  list.forEach((document, index) => {
    if (document.errors.length > 0) {
      errors.push(document.errors[0]!.message.split('\n')[0]!);
      return;
    }
    if (document.contents) walk(document.contents as Node, [], undefined, index, entries);
  });
  return { entries, documents: list.length, errors };
}

/** The yaml library, loaded on first use: the fast scanner handles most files, so most sessions never need it. */
function yamlLibrary(): typeof import('yaml') {
  return require('yaml') as typeof import('yaml');
}

function walk(node: Node, path: string[], keySpan: Span | undefined, document: number, entries: YamlEntry[]): void {
  const { isMap, isPair, isScalar, isSeq } = yamlLibrary();
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
      const key = String(pair.key.value);
      const span = { start: pair.key.range[0], end: pair.key.range[1] };
      if (pair.value) walk(pair.value as Node, [...path, key], span, document, entries);
    }
    return;
  }
  if (isSeq(node)) {
    node.items.forEach((item, i) => {
      if (item && (isScalar(item) || isMap(item) || isSeq(item))) walk(item as Node, [...path, String(i)], undefined, document, entries);
    });
    return;
  }
  if (isScalar(node) && node.range && path.length > 0) {
    const [start, end] = node.range;
    const style = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 'quoted'
      : node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED' ? 'block' : 'bare';
    const valueSpan = style === 'quoted' ? { start: start + 1, end: end - 1 } : { start, end };
    entries.push({
      path, keySpan: keySpan ?? valueSpan, valueSpan, value: node.value === null ? '' : String(node.value), style, document, node,
    });
  }
}
