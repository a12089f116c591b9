// Keys that are not configuration names of their system, where only that system's configuration belongs: a
// misspelled key is silently ignored by Kafka, so the setting the author meant never takes effect. Names the
// knowledge base lists as valid (knowledge/keys/kafka-names.json) are never flagged, documented or not.
import { fillTemplate } from '../evaluate';
import type { Check, CheckHit } from './index';

const MAX_DISTANCE = 2;

/** Per list of valid names: the set, a bigram index for candidate search, and the answers already given. */
interface NameIndex {
  valid: Set<string>;
  /** Name length -> bigram -> indexes of the names of that length containing it. */
  byLength: Map<number, Map<string, number[]>>;
  names: readonly string[];
  /** Scratch counters, one per name, kept at zero between queries. */
  counts: Int32Array;
  answers: Map<string, string | undefined>;
}
const indexes = new Map<readonly string[], NameIndex>();

function indexFor(names: readonly string[]): NameIndex {
  let index = indexes.get(names);
  if (!index) {
    const byLength = new Map<number, Map<string, number[]>>();
    names.forEach((name, i) => {
      let bigrams = byLength.get(name.length);
      if (!bigrams) byLength.set(name.length, (bigrams = new Map()));
      for (const gram of new Set(bigramsOf(name))) {
        const list = bigrams.get(gram);
        if (list) list.push(i);
        else bigrams.set(gram, [i]);
      }
    });
    index = { valid: new Set(names), byLength, names, counts: new Int32Array(names.length), answers: new Map() };
    indexes.set(names, index);
  }
  return index;
}

function bigramsOf(text: string): string[] {
  const grams: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) grams.push(text.slice(i, i + 2));
  return grams;
}

export const unknownKey: Check = (context, rule) => {
  const hits: CheckHit[] = [];
  for (const unknown of context.unknownKeys) {
    const names = context.keys.knowledge.names[unknown.system];
    if (!names || names.length === 0) continue;
    const index = indexFor(names);
    const name = unknown.name;
    if (index.valid.has(name) || index.valid.has(name.toLowerCase())) continue;
    // Only a near miss of a real name is flagged: an unknown key may be the application's own, or, in Spring Kafka's
    // `properties` maps, a setting of a serializer or interceptor (spring.json.trusted.packages, schema.registry.url).
    const suggestion = name.length >= 5 ? closest(name.toLowerCase(), index) : undefined;
    if (!suggestion) continue;
    const position = context.lines.positionAt(unknown.span.start);
    const setting = {
      file: context.file, line: position.line, column: position.column, system: unknown.system, key: name, rawKey: name,
      value: '', keySpan: unknown.span, valueSpan: unknown.span, valueStyle: 'identifier' as const,
    };
    hits.push({
      setting,
      message: fillTemplate(rule.message, setting, context.profile, [], { name, suggestion }),
      fix: { title: `Change to ${suggestion}`, edit: { span: unknown.span, newText: suggestion } },
    });
  }
  return hits;
};

/**
 * The closest valid name within the distance limit; ties go to the first in sorted order. One edit changes at most
 * two bigrams, so a name within the limit shares all but 2 × MAX_DISTANCE of the query's bigrams: only names that
 * do are measured exactly. Answers are remembered, because the editor analyses the same keys on every keystroke.
 */
function closest(name: string, index: NameIndex): string | undefined {
  if (index.answers.has(name)) return index.answers.get(name);
  const grams = [...new Set(bigramsOf(name))];
  const needed = grams.length - 2 * MAX_DISTANCE;
  const touched: number[] = [];
  // Only names within MAX_DISTANCE of the query's length can be within MAX_DISTANCE edits.
  for (let length = name.length - MAX_DISTANCE; length <= name.length + MAX_DISTANCE; length++) {
    const bigrams = index.byLength.get(length);
    if (!bigrams) continue;
    for (const gram of grams) {
      for (const i of bigrams.get(gram) ?? []) if (index.counts[i]!++ === 0) touched.push(i);
    }
  }
  touched.sort((a, b) => a - b);
  let best: string | undefined;
  let bestDistance = MAX_DISTANCE + 1;
  for (const i of touched) {
    const count = index.counts[i]!;
    index.counts[i] = 0;
    if (count < needed) continue;
    const candidate = index.names[i]!;
    const distance = editDistance(name, candidate, bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (index.answers.size > 10_000) index.answers.clear();
  index.answers.set(name, best);
  return best;
}

/** Optimal-string-alignment distance (Levenshtein with adjacent transpositions), stopping early above `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  let previous2 = new Array<number>(cols).fill(0);
  let previous = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const current = new Array<number>(cols).fill(0);
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return rowMin;
    previous2 = previous;
    previous = current;
  }
  return previous[cols - 1]!;
}
