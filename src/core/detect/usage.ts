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
    if (token.kind !== 'ident') continue;
    const open = openParen(tokens, i + 1);
    if (open === undefined) continue;
    const name = token.text.toLowerCase();
    calls.add(name);
    // A first argument passed by name (`boto3.client(service_name="sqs")`) counts like a positional one.
    const named = tokens[open + 1]?.kind === 'ident' && tokens[open + 2]?.text === '=';
    const argument = tokens[named ? open + 3 : open + 1];
    if (argument?.kind === 'string') calls.add(`${name}(${argument.value.toLowerCase()})`);
  }
  return calls;
}

/**
 * Where the argument list of a call starts: right after the name, or after explicit type arguments
 * (`opsForStream<String, String>()` in Kotlin, `Foo<Bar>(…)` in C#); undefined when no call follows.
 */
function openParen(tokens: readonly Token[], i: number): number | undefined {
  if (tokens[i]?.text === '(') return i;
  if (tokens[i]?.text !== '<') return undefined;
  let depth = 0;
  for (let k = i; k < tokens.length && k < i + 24; k++) {
    const t = tokens[k]!;
    if (t.text === '<') depth++;
    else if (t.text === '>') {
      if (--depth === 0) return tokens[k + 1]?.text === '(' ? k + 1 : undefined;
    } else if (t.kind !== 'ident' && !['.', ',', '?', '[', ']', '::'].includes(t.text)) return undefined;
  }
  return undefined;
}

/**
 * The identifiers in a file, with `Type.Member` pairs (`Transport.RMQ`): for usage conditions that name
 * a type or an enum member rather than a call. Computed only when such a client's import is present.
 */
export function namesIn(tokens: readonly Token[]): Set<string> {
  const names = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'ident') continue;
    // Exact: identifiers are case-sensitive where these names live (`RmqContext`, `Transport.RMQ`).
    names.add(token.text);
    const member = tokens[i + 2];
    if (tokens[i + 1]?.text === '.' && member?.kind === 'ident') names.add(`${token.text}.${member.text}`);
  }
  return names;
}

/** Whether the file uses the client as a queue client: one of its usage calls or names appears (always, without a condition). */
export function usageSatisfied(client: ClientInfo, calls: ReadonlySet<string>, names?: () => ReadonlySet<string>): boolean {
  if (!client.usage) return true;
  const byCall = (client.usage.calls ?? []).some((pattern) => {
    const { name, argument } = parse(pattern);
    return calls.has(argument === undefined ? name : `${name}(${argument})`);
  });
  return byCall || (names !== undefined && (client.usage.names ?? []).some((name) => names().has(name)));
}
