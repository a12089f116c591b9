// Usage conditions of catalogue clients: `xadd` means a call `xadd(` (or `.xadd(`), `client("sqs")` a call whose first
// argument is that string. Names compare case-insensitively, so `XAdd` (Go) and `xAdd` (node-redis) match `xadd`.
import type { Token } from '../code/lexer';
import type { ClientInfo } from '../knowledgeTypes';

interface CallPattern {
  name: string;
  argument?: string;
}

const cache = new Map<string, CallPattern>();

function parse(pattern: string): CallPattern {
  let parsed = cache.get(pattern);
  if (!parsed) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:\("([^"]+)"\))?$/.exec(pattern);
    parsed = match ? { name: match[1]!.toLowerCase(), ...(match[2] !== undefined ? { argument: match[2].toLowerCase() } : {}) } : { name: pattern.toLowerCase() };
    cache.set(pattern, parsed);
  }
  return parsed;
}

/** The calls in a file, lower-cased, with their first string argument: computed once per file. */
export function callsIn(tokens: readonly Token[]): Set<string> {
  const calls = new Set<string>();
  for (let i = 0; i < tokens.length - 1; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'ident' || tokens[i + 1]!.text !== '(') continue;
    const name = token.text.toLowerCase();
    calls.add(name);
    const argument = tokens[i + 2];
    if (argument?.kind === 'string') calls.add(`${name}(${argument.value.toLowerCase()})`);
  }
  return calls;
}

export function usageSatisfied(client: ClientInfo, calls: ReadonlySet<string>): boolean {
  if (!client.usage) return true;
  return client.usage.calls.some((pattern) => {
    const { name, argument } = parse(pattern);
    return calls.has(argument === undefined ? name : `${name}(${argument})`);
  });
}
