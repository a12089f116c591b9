// Keys that are not configuration names of their system, where only that system's configuration belongs: a
// misspelled key is silently ignored by Kafka, so the setting the author meant never takes effect. Names the
// knowledge base lists as valid (knowledge/keys/kafka-names.json) are never flagged, documented or not.
import { fillTemplate } from '../evaluate';
import type { Check, CheckHit } from './index';

const MAX_DISTANCE = 2;
const cache = new Map<string[], Set<string>>();

export const unknownKey: Check = (context, rule) => {
  const hits: CheckHit[] = [];
  for (const unknown of context.unknownKeys) {
    const names = context.keys.knowledge.names[unknown.system];
    if (!names || names.length === 0) continue;
    let valid = cache.get(names);
    if (!valid) {
      valid = new Set(names);
      cache.set(names, valid);
    }
    const name = unknown.name;
    if (valid.has(name) || valid.has(name.toLowerCase())) continue;
    // Only a near miss of a real name is flagged: an unknown key may be the application's own, or, in Spring Kafka's
    // `properties` maps, a setting of a serializer or interceptor (spring.json.trusted.packages, schema.registry.url).
    const suggestion = name.length >= 5 ? closest(name.toLowerCase(), names) : undefined;
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

/** The closest valid name within the distance limit; ties go to the first in sorted order. */
function closest(name: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = MAX_DISTANCE + 1;
  for (const candidate of names) {
    if (Math.abs(candidate.length - name.length) > MAX_DISTANCE) continue;
    const distance = editDistance(name, candidate, bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
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
