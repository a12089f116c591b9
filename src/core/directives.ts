// Inline directives written in comments, e.g. `# mq-lens: workload=online`.
import { PROFILES, type Profile } from './knowledgeTypes';

const WORKLOAD_DIRECTIVE = /\bmq-lens:\s*workload\s*=\s*([A-Za-z-]+)/;

/**
 * The workload profile named by the first `mq-lens: workload=…` directive in the given comment texts.
 * A directive naming an unknown profile is reported, not silently ignored.
 */
export function workloadDirective(comments: Iterable<string>): { profile?: Profile; invalid?: string } {
  for (const comment of comments) {
    const match = WORKLOAD_DIRECTIVE.exec(comment);
    if (!match) continue;
    const name = match[1]!.toLowerCase();
    if ((PROFILES as readonly string[]).includes(name)) return { profile: name as Profile };
    return { invalid: match[1]! };
  }
  return {};
}
