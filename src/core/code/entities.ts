// Which RabbitMQ queue or exchange a setting in code belongs to, and the flags that change what the setting means:
// `durable: false` on an exchange is not a transient queue; on an exclusive, auto-delete or server-named queue it
// means nothing; auto-ack is required on Direct Reply-to. A consume call's queue is traced back, within the file,
// to the declaration it came from (`q = ch.queue_declare(queue='', exclusive=True)` … `basic_consume(queue=q.method.queue…)`).
import type { Entity } from '../types';
import type { Language, Token } from './lexer';

const REPLY_TO = 'amq.rabbitmq.reply-to';
const OPENERS = new Set(['(', '[', '{']);
const CLOSERS = new Set([')', ']', '}']);

/** Positions of `exclusive` and `autoDelete` in declare calls whose arguments are positional, per callee. */
const DECLARE_POSITIONS: ReadonlyArray<{ callee: string; languages: readonly Language[]; exclusive: number; autoDelete: number }> = [
  // RabbitMQ Java client queueDeclare(queue, durable, exclusive, autoDelete, arguments); Spring AMQP new Queue(name, durable, exclusive, autoDelete).
  { callee: 'queueDeclare', languages: ['java', 'kotlin', 'scala'], exclusive: 2, autoDelete: 3 },
  { callee: 'Queue', languages: ['java', 'kotlin', 'scala'], exclusive: 2, autoDelete: 3 },
  // RabbitMQ.Client (.NET) QueueDeclare(queue, durable, exclusive, autoDelete, arguments).
  { callee: 'QueueDeclare', languages: ['csharp'], exclusive: 2, autoDelete: 3 },
  { callee: 'QueueDeclareAsync', languages: ['csharp'], exclusive: 2, autoDelete: 3 },
  // amqp091-go QueueDeclare(name, durable, autoDelete, exclusive, noWait, args).
  { callee: 'QueueDeclare', languages: ['go'], exclusive: 3, autoDelete: 2 },
];

/** The entity of a durability setting: the declare call (or configuration block) it is written in. */
export function declaredEntity(tokens: readonly Token[], keyIndex: number, language: Language): Entity {
  const call = tokens[keyIndex + 1]?.text === '(' ? keyIndex + 1 : enclosingCall(tokens, keyIndex);
  if (call === undefined) return blockEntity(tokens, keyIndex);
  const entity = callEntity(tokens, call, language);
  // `x => { x.Durable = false; x.AutoDelete = true; }`: the block's own flags count too.
  const block = blockEntity(tokens, keyIndex);
  return mergeFlags(entity, block);
}

/** The entity a consume call reads from: its queue argument, traced to a declaration or a literal name. */
export function consumedEntity(tokens: readonly Token[], keyIndex: number, language: Language): Entity {
  const call = tokens[keyIndex + 1]?.text === '(' ? keyIndex + 1 : enclosingCall(tokens, keyIndex);
  const entity: Entity = { kind: 'queue' };
  if (call === undefined) return mergeFlags(entity, blockEntity(tokens, keyIndex));
  const queue = namedArgument(tokens, call, ['queue', 'queue_name', 'queueName']) ?? argumentAt(tokens, call, 0);
  if (queue !== undefined) Object.assign(entity, traceQueue(tokens, queue, call, language, 0));
  if (mentionsReplyTo(tokens, call)) entity.replyTo = true;
  return mergeFlags(entity, blockEntity(tokens, keyIndex));
}

function traceQueue(tokens: readonly Token[], start: number, before: number, language: Language, depth: number): Entity {
  const token = tokens[start]!;
  if (token.kind === 'string') return flagsOfName(token.value) ?? declarationNamed(tokens, token.value, language) ?? { kind: 'queue' };
  if (depth > 3) return { kind: 'queue' };
  const chain = chainAt(tokens, start);
  if (chain.length === 0) return { kind: 'queue' };
  // `self.callback_queue` is assigned as a whole; `q.queue`, `q.Name` and `result.method.queue` come from `q` and
  // `result`: try the longest assigned prefix of the chain first.
  const targets: string[][] = [];
  for (let length = chain.length; length >= 1; length--) targets.push(chain.slice(0, length));
  // `self.callback_queue` may have been set from a local of the same name (`Self { callback_queue, … }`).
  if (chain.length > 1 && (chain[0] === 'self' || chain[0] === 'this')) targets.push(chain.slice(1, 2));
  for (const target of targets) {
    if (target.length === 1 && (target[0] === 'self' || target[0] === 'this')) continue;
    const rhs = lastAssignment(tokens, target, before);
    if (rhs === undefined) continue;
    const declare = declareCallIn(tokens, rhs);
    if (declare !== undefined) return callEntity(tokens, declare, language);
    if (statementMentions(tokens, rhs, REPLY_TO)) return { kind: 'queue', replyTo: true };
    if (tokens[rhs]?.kind === 'ident' || tokens[rhs]?.kind === 'string') return traceQueue(tokens, rhs, rhs, language, depth + 1);
  }
  // `ch.assertQueue('', { exclusive: true }, function (err, q) { … ch.consume(q.queue, …) })`: a callback's parameter.
  const declare = callbackOfDeclare(tokens, chain[0]!, before);
  if (declare !== undefined) return callEntity(tokens, declare, language);
  return { kind: 'queue' };
}

function flagsOfName(name: string): Entity | undefined {
  if (name === '') return { kind: 'queue', serverNamed: true };
  if (name === REPLY_TO) return { kind: 'queue', replyTo: true };
  return undefined;
}

/** A queue declared by literal name elsewhere in the file (`queue_declare(queue='hello', …)`). */
function declarationNamed(tokens: readonly Token[], name: string, language: Language): Entity | undefined {
  for (let k = 0; k < tokens.length - 1; k++) {
    if (tokens[k + 1]!.text !== '(' || kindOfCallee(tokens[k]!.text) !== 'queue') continue;
    const first = namedArgument(tokens, k + 1, ['queue', 'name']) ?? argumentAt(tokens, k + 1, 0);
    if (first !== undefined && tokens[first]!.kind === 'string' && tokens[first]!.value === name) return callEntity(tokens, k + 1, language);
  }
  return undefined;
}

/** The kind and flags of the entity a call at `open` (the index of its `(`) declares or configures. */
function callEntity(tokens: readonly Token[], open: number, language: Language): Entity {
  const callee = tokens[open - 1]!.text;
  const entity: Entity = { kind: kindOfCallee(callee) };
  const end = closing(tokens, open);
  const argumentCount = countArguments(tokens, open, end);
  // `channel.queueDeclare()` declares a server-named, exclusive, auto-delete, non-durable queue.
  if (argumentCount === 0 && entity.kind === 'queue') return { kind: 'queue', serverNamed: true, exclusive: true, autoDelete: true };
  if (entity.kind !== 'exchange') {
    const name = namedArgument(tokens, open, ['queue', 'name']) ?? argumentAt(tokens, open, 0);
    if (name !== undefined && tokens[name]!.kind === 'string' && isLastOfArgument(tokens, name)) Object.assign(entity, flagsOfName(tokens[name]!.value) ?? {});
  }
  for (const position of DECLARE_POSITIONS) {
    if (position.callee !== callee || !position.languages.includes(language)) continue;
    if (isTrue(tokens, argumentAt(tokens, open, position.exclusive))) entity.exclusive = true;
    if (isTrue(tokens, argumentAt(tokens, open, position.autoDelete))) entity.autoDelete = true;
  }
  // Named flags anywhere in the arguments, including an options object (`{ exclusive: true }`, `exclusive=True`,
  // `autoDelete: true`, `QueueDeclareOptions { exclusive: true, .. }`).
  flagsBetween(tokens, open + 1, end, entity);
  return entity;
}

function kindOfCallee(callee: string): Entity['kind'] {
  if (/exchange|^bind$/i.test(callee)) return 'exchange';
  if (/queue/i.test(callee)) return 'queue';
  return 'unknown';
}

/** Flags written as member assignments or named values in the innermost block around `index`. */
function blockEntity(tokens: readonly Token[], index: number): Entity {
  const entity: Entity = { kind: 'unknown' };
  const open = enclosingOpen(tokens, index, '{');
  if (open === undefined) return entity;
  flagsBetween(tokens, open + 1, closing(tokens, open), entity);
  // `if (settings.QueueName == RabbitMqExchangeNames.ReplyTo) { … settings.NoAck = true; }`
  if (tokens[open - 1]?.text === ')') {
    const conditionOpen = matchingOpen(tokens, open - 1);
    if (conditionOpen !== undefined && tokens[conditionOpen - 1]?.text === 'if' && mentionsReplyTo(tokens, conditionOpen)) entity.replyTo = true;
  }
  return entity;
}

function flagsBetween(tokens: readonly Token[], from: number, to: number, entity: Entity): void {
  for (let k = from; k < to; k++) {
    const token = tokens[k]!;
    if (token.kind !== 'ident' && token.kind !== 'string') continue;
    const separator = tokens[k + 1]?.text;
    if (separator !== ':' && separator !== '=') continue;
    if (!isTrue(tokens, k + 2)) continue;
    const name = (token.kind === 'string' ? token.value : token.text).replace(/[_-]/g, '').toLowerCase();
    if (name === 'exclusive') entity.exclusive = true;
    else if (name === 'autodelete') entity.autoDelete = true;
  }
}

function mergeFlags(entity: Entity, other: Entity): Entity {
  const merged: Entity = { ...entity };
  if (merged.kind === 'unknown') merged.kind = other.kind;
  for (const flag of ['exclusive', 'autoDelete', 'serverNamed', 'replyTo'] as const) if (other[flag]) merged[flag] = true;
  return merged;
}

function mentionsReplyTo(tokens: readonly Token[], open: number): boolean {
  const end = closing(tokens, open);
  for (let k = open + 1; k < end; k++) {
    const token = tokens[k]!;
    if (token.kind === 'string' && token.value === REPLY_TO) return true;
    if (token.kind === 'ident' && /^(direct_?)?reply_?to$/i.test(token.text)) return true;
  }
  return false;
}

function isTrue(tokens: readonly Token[], index: number | undefined): boolean {
  if (index === undefined) return false;
  const token = tokens[index];
  return token !== undefined && token.kind === 'ident' && /^true$/i.test(token.text) && isLastOfArgument(tokens, index);
}

function isLastOfArgument(tokens: readonly Token[], index: number): boolean {
  const next = tokens[index + 1]?.text;
  return next === undefined || next === ',' || CLOSERS.has(next) || next === ';';
}

/** The index of the `(` of the innermost call whose arguments contain `index` (through an options object). */
function enclosingCall(tokens: readonly Token[], index: number): number | undefined {
  let open = enclosingOpen(tokens, index);
  // `assertQueue('q', { durable: false })`, `Bind("x", e => { e.Durable = false; })`,
  // `basic_consume(q, "", BasicConsumeOptions { no_ack: true, .. })`: step out of one object literal, lambda body or
  // struct literal to the call that takes it; a block after `)` (a method body, an `if`) is a statement block.
  if (open !== undefined && tokens[open]!.text === '{' && tokens[open - 1]?.text !== ')') open = enclosingOpen(tokens, open);
  if (open === undefined || tokens[open]!.text !== '(' || tokens[open - 1]?.kind !== 'ident') return undefined;
  return open;
}

/** The innermost unclosed opening bracket before `index` (of the given kind, when one is named). */
function enclosingOpen(tokens: readonly Token[], index: number, kind?: string): number | undefined {
  let depth = 0;
  for (let k = index - 1; k >= 0; k--) {
    const text = tokens[k]!.text;
    if (tokens[k]!.kind !== 'punct') continue;
    if (CLOSERS.has(text)) depth++;
    else if (OPENERS.has(text)) {
      if (depth === 0) {
        if (kind === undefined || text === kind) return k;
        continue;
      }
      depth--;
    }
  }
  return undefined;
}

/** The index of the bracket that closes the one at tokens[open], or tokens.length when it is never closed. */
export function closing(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    const token = tokens[k]!;
    if (token.kind !== 'punct') continue;
    if (OPENERS.has(token.text)) depth++;
    else if (CLOSERS.has(token.text) && --depth === 0) return k;
  }
  return tokens.length;
}

/** The index of the bracket that opens the one closing at tokens[close], or undefined when there is none. */
export function matchingOpen(tokens: readonly Token[], close: number): number | undefined {
  let depth = 0;
  for (let k = close; k >= 0; k--) {
    const token = tokens[k]!;
    if (token.kind !== 'punct') continue;
    if (CLOSERS.has(token.text)) depth++;
    else if (OPENERS.has(token.text) && --depth === 0) return k;
  }
  return undefined;
}

/** How many arguments the call opened at `open` and closed at `end` takes. */
export function countArguments(tokens: readonly Token[], open: number, end: number): number {
  if (end === open + 1) return 0;
  let count = 1;
  let depth = 0;
  for (let k = open + 1; k < end; k++) {
    const text = tokens[k]!.text;
    if (tokens[k]!.kind !== 'punct') continue;
    if (OPENERS.has(text)) depth++;
    else if (CLOSERS.has(text)) depth--;
    else if (text === ',' && depth === 0) count++;
  }
  return count;
}

/** The first token of the n-th positional argument (0-based) of the call opened at `open`, skipping `&`; undefined for a named one. */
export function argumentAt(tokens: readonly Token[], open: number, n: number): number | undefined {
  const end = closing(tokens, open);
  let argument = 0;
  let depth = 0;
  let start = open + 1;
  for (let k = open + 1; k <= end; k++) {
    const text = tokens[k]?.text;
    if (k < end && tokens[k]!.kind === 'punct' && OPENERS.has(text!)) depth++;
    else if (k < end && tokens[k]!.kind === 'punct' && CLOSERS.has(text!)) depth--;
    else if (k === end || (text === ',' && depth === 0)) {
      if (argument === n) {
        if (start >= k) return undefined;
        // A named argument is not positional.
        if (tokens[start + 1]?.text === '=' || (tokens[start + 1]?.text === ':' && tokens[start]!.kind === 'ident')) return undefined;
        return tokens[start]!.text === '&' ? start + 1 : start;
      }
      argument++;
      start = k + 1;
    }
  }
  return undefined;
}

/** The value's first token of an argument passed by name (`queue='x'`, `queue: "x"`). */
export function namedArgument(tokens: readonly Token[], open: number, names: readonly string[]): number | undefined {
  const end = closing(tokens, open);
  let depth = 0;
  for (let k = open + 1; k < end; k++) {
    const token = tokens[k]!;
    if (token.kind === 'punct' && OPENERS.has(token.text)) depth++;
    else if (token.kind === 'punct' && CLOSERS.has(token.text)) depth--;
    else if (depth === 0 && token.kind === 'ident' && names.includes(token.text) && (tokens[k + 1]?.text === '=' || tokens[k + 1]?.text === ':')
      && (tokens[k - 1]?.text === '(' || tokens[k - 1]?.text === ',')) return k + 2;
  }
  return undefined;
}

/** `a.b.c` starting at `start` (identifiers joined by `.`), as its identifiers. */
function chainAt(tokens: readonly Token[], start: number): string[] {
  const chain: string[] = [];
  let k = start;
  while (tokens[k]?.kind === 'ident') {
    chain.push(tokens[k]!.text);
    if (tokens[k + 1]?.text !== '.' || tokens[k + 2]?.kind !== 'ident') break;
    k += 2;
  }
  return chain;
}

/**
 * The first token of the right-hand side of the last assignment to `target` before `before`: `x = …`, `x := …`,
 * `q, err := …`, `const q = …`, `String name = …`, `self.x = …`.
 */
function lastAssignment(tokens: readonly Token[], target: readonly string[], before: number): number | undefined {
  let found: number | undefined;
  for (let k = 0; k < before; k++) {
    if (tokens[k]!.text !== target[0] || tokens[k - 1]?.text === '.') continue;
    let j = k;
    let matched = true;
    for (let t = 1; t < target.length; t++) {
      if (tokens[j + 1]?.text !== '.' || tokens[j + 2]?.text !== target[t]) {
        matched = false;
        break;
      }
      j += 2;
    }
    if (!matched || !startsStatement(tokens, k)) continue;
    // Only other names of a destructuring (`q, err :=`) or a type annotation may stand before the `=`.
    for (let m = j + 1; m < Math.min(j + 6, before); m++) {
      const text = tokens[m]!.text;
      if ((text === '=' || text === ':=') && tokens[m + 1]?.text !== '=') {
        found = m + 1;
        break;
      }
      if (text !== ',' && text !== ':' && tokens[m]!.kind !== 'ident') break;
    }
  }
  if (found !== undefined && tokens[found]?.text === 'await') found++;
  return found;
}

/**
 * Whether the name at `k` begins a statement, perhaps after a keyword or a type (`const q`, `let mut q`,
 * `String name`, `var q`): `f(queue=name, x=1)` is an argument, not an assignment to `name`.
 */
function startsStatement(tokens: readonly Token[], k: number): boolean {
  let b = k;
  while (b > k - 3 && tokens[b - 1]?.kind === 'ident' && tokens[b - 2]?.text !== '.') b--;
  const previous = tokens[b - 1]?.text;
  return tokens[b]!.lineStart || previous === ';' || previous === '{' || previous === '}' || previous === undefined;
}

/** The `(` of a queue-declaring call to which a callback taking `name` as a parameter is passed, before `before`. */
function callbackOfDeclare(tokens: readonly Token[], name: string, before: number): number | undefined {
  for (let k = before - 1; k > 0; k--) {
    if (tokens[k]!.text !== name || (tokens[k - 1]!.text !== '(' && tokens[k - 1]!.text !== ',')) continue;
    const parameters = enclosingOpen(tokens, k, '(');
    if (parameters === undefined) continue;
    const isFunction = tokens[parameters - 1]?.text === 'function' || tokens[closing(tokens, parameters) + 1]?.text === '=>';
    if (!isFunction) continue;
    const call = enclosingOpen(tokens, tokens[parameters - 1]?.text === 'function' ? parameters - 1 : parameters, '(');
    if (call !== undefined && tokens[call - 1]?.kind === 'ident' && kindOfCallee(tokens[call - 1]!.text) === 'queue') return call;
  }
  return undefined;
}

/** The `(` of a queue-declaring call in the statement starting at `start`. */
function declareCallIn(tokens: readonly Token[], start: number): number | undefined {
  let depth = 0;
  for (let k = start; k < tokens.length; k++) {
    const token = tokens[k]!;
    // A line that starts with `.` continues the statement (`channel\n  .queue_declare(…)`).
    if (k > start && depth === 0 && ((token.lineStart && token.text !== '.' && token.text !== '?.') || token.text === ';')) return undefined;
    if (token.kind === 'punct' && OPENERS.has(token.text)) {
      if (token.text === '(' && tokens[k - 1]?.kind === 'ident' && kindOfCallee(tokens[k - 1]!.text) === 'queue' && /declare|^assertQueue$|^queue$/i.test(tokens[k - 1]!.text)) return k;
      depth++;
    } else if (token.kind === 'punct' && CLOSERS.has(token.text)) depth--;
  }
  return undefined;
}

function statementMentions(tokens: readonly Token[], start: number, value: string): boolean {
  for (let k = start; k < tokens.length; k++) {
    const token = tokens[k]!;
    if (k > start && (token.lineStart || token.text === ';')) return false;
    if (token.kind === 'string' && token.value === value) return true;
  }
  return false;
}
