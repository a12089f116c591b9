// Messages given back to RabbitMQ without requeue: `basicNack(tag, false, false)`, `d.Nack(false, false)`,
// `channel.reject(msg, false)`, aio-pika's and kombu's `message.reject()` and aio-pika's `async with message.process():`
// (whose requeue is off unless asked for), Spring's AmqpRejectAndDontRequeueException. The broker then dead-letters the message if its queue has a dead-letter
// exchange, and otherwise drops it. Whether one is declared is a fact about the workspace (queue arguments in another
// file, a policy in a definitions file or a script), so the setting carries the condition and the CLI and the
// extension judge it once every file has been read (`workspace.ts`).
//
// Silence where the code cannot be followed: a requeue flag that is not the literal `false` (a variable, a
// configuration value), and a function that publishes before rejecting (it may have moved the message elsewhere).
import type { Setting } from '../types';
import { blockAt, blockStructure, functionOf, type Structure } from './blocks';
import { argumentAt, closing, countArguments, namedArgument } from './entities';
import { behaviourAt } from './flow';
import type { PublishContext } from './publish';
import type { Language, Token } from './lexer';

/** What the reader needs: the same as the publish reader's (the file's tokens, clients and identifiers). */
export type RejectContext = PublishContext;

/**
 * Where each call takes its requeue flag: by position (counted from 0; `last` for Go, whose Delivery and Channel
 * methods differ by one leading argument), by name, and what it is when not given.
 */
interface RejectCall {
  position: number | 'last';
  /** The exact number of arguments the positional form takes (amqplib's `reject(msg, requeue)`, not a promise's `reject(err)`). */
  args?: number;
  named?: string;
  /** Requeue when the flag is left out. */
  requeueByDefault: boolean;
}

const JVM: Readonly<Record<string, RejectCall>> = {
  basicNack: { position: 2, requeueByDefault: true },
  basicReject: { position: 1, requeueByDefault: true },
};

const CALLS: Partial<Record<Language, Readonly<Record<string, RejectCall>>>> = {
  java: JVM, kotlin: JVM, scala: JVM,
  csharp: {
    BasicNack: { position: 2, named: 'requeue', requeueByDefault: true },
    BasicNackAsync: { position: 2, named: 'requeue', requeueByDefault: true },
    BasicReject: { position: 1, named: 'requeue', requeueByDefault: true },
    BasicRejectAsync: { position: 1, named: 'requeue', requeueByDefault: true },
  },
  go: { Nack: { position: 'last', requeueByDefault: true }, Reject: { position: 'last', requeueByDefault: true } },
  javascript: { nack: { position: 2, args: 3, requeueByDefault: true }, reject: { position: 1, args: 2, requeueByDefault: true } },
  python: {
    basic_nack: { position: 2, named: 'requeue', requeueByDefault: true },
    basic_reject: { position: 1, named: 'requeue', requeueByDefault: true },
  },
};

/** aio-pika's IncomingMessage and kombu's Message: `reject(requeue=False)` by default; aio-pika's `nack` requeues by default. */
const PYTHON_MESSAGE_CALLS: Readonly<Record<string, RejectCall>> = {
  reject: { position: 0, named: 'requeue', requeueByDefault: false },
  nack: { position: 1, named: 'requeue', requeueByDefault: true },
};

/** aio-pika's `IncomingMessage.process(requeue=False, …)`: the context manager's reject when its block raises. */
const PROCESS: RejectCall = { position: 0, named: 'requeue', requeueByDefault: false };

/** Clients whose code makes these calls on a RabbitMQ channel or message. */
const CHANNEL_CLIENTS = new Set(['rabbitmq-java-client', 'spring-amqp', 'rabbitmq-dotnet-client', 'amqp091-go', 'streadway-amqp', 'amqplib',
  'amqp-connection-manager', 'pika']);
const MESSAGE_CLIENTS = new Set(['aio-pika', 'kombu']);

/** Calls that publish: a function that publishes before it rejects may have moved the message elsewhere (a parking queue). */
const PUBLISHES = new Set(['basicPublish', 'BasicPublish', 'BasicPublishAsync', 'Publish', 'PublishWithContext', 'publish', 'sendToQueue',
  'basic_publish', 'convertAndSend', 'send']);

export function rejectSettings(context: RejectContext): Setting[] {
  const { tokens, language, idents } = context;
  const ids = new Set(context.clients.map((c) => c.id));
  const channelCalls = [...ids].some((id) => CHANNEL_CLIENTS.has(id)) ? CALLS[language] : undefined;
  const messageCalls = language === 'python' && [...ids].some((id) => MESSAGE_CLIENTS.has(id)) ? PYTHON_MESSAGE_CALLS : undefined;
  const springReject = (language === 'java' || language === 'kotlin' || language === 'scala') && ids.has('spring-amqp') && idents.has('AmqpRejectAndDontRequeueException');
  const aioPika = language === 'python' && ids.has('aio-pika');
  // Own properties only: `toString` is no reject call.
  const named = (name: string) => (channelCalls && Object.hasOwn(channelCalls, name) ? channelCalls[name] : messageCalls && Object.hasOwn(messageCalls, name) ? messageCalls[name] : undefined);
  if (![...idents].some((ident) => named(ident) !== undefined) && !springReject && !(aioPika && idents.has('process'))) return [];
  // A queue declared passively (it exists already) or with arguments computed at run time (from configuration) may
  // well have a dead-letter exchange: an unknown value judges nothing.
  if (queueArgumentsUnknown(tokens)) return [];
  let structure: Structure | undefined;
  const settings: Setting[] = [];
  for (let i = 2; i < tokens.length - 1; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'ident' || tokens[i + 1]!.text !== '(') continue;
    // Only the calls this reads are followed to their closing parenthesis.
    if (!(springReject && token.text === 'AmqpRejectAndDontRequeueException') && !(aioPika && token.text === 'process') && named(token.text) === undefined) continue;
    const close = closing(tokens, i + 1);
    if (close >= tokens.length) continue;
    let first: Token;
    let rawKey: string;
    let value: string;
    if (springReject && token.text === 'AmqpRejectAndDontRequeueException' && tokens[i - 1]!.text === 'new' && tokens[i - 2]!.text === 'throw') {
      first = tokens[i - 2]!;
      rawKey = 'throw AmqpRejectAndDontRequeueException';
      value = 'rejected without requeue by the listener container';
    } else if (aioPika && token.text === 'process' && tokens[i - 1]!.text === '.' && tokens[i - 2]!.kind === 'ident' && tokens[i - 3]?.text === 'with') {
      // aio-pika's `async with message.process():` rejects the message when the block raises, without requeue unless asked.
      if (!dropsMessage(tokens, i + 1, close, PROCESS)) continue;
      first = tokens[i - 2]!;
      rawKey = `${tokens[i - 2]!.text}.process`;
      value = 'without requeue when the block raises (process() rejects that way by default)';
    } else {
      const call = named(token.text);
      // A method call on a receiver, not a mock's verification (`verify(channel).basicNack(…)`).
      if (!call || (tokens[i - 1]!.text !== '.' && tokens[i - 1]!.text !== '?.') || tokens[i - 2]!.kind !== 'ident') continue;
      if (!dropsMessage(tokens, i + 1, close, call)) continue;
      first = tokens[i - 2]!;
      rawKey = `${tokens[i - 2]!.text}.${token.text}`;
      value = 'without requeue';
    }
    structure ??= blockStructure(tokens, language, context.lines);
    if (publishesBefore(tokens, structure, i)) continue;
    settings.push({
      ...behaviourAt(context, 'rabbitmq', 'rejected-without-dead-letter', { start: first.span.start, end: tokens[close]!.span.end }, rawKey, value),
      workspace: { none: ['rabbitmq-dead-letter'] },
    });
  }
  return settings;
}

/** Whether the call's requeue flag is the literal false, or left out where that means false. */
function dropsMessage(tokens: readonly Token[], open: number, close: number, call: RejectCall): boolean {
  const byName = call.named !== undefined ? namedArgument(tokens, open, [call.named]) : undefined;
  let flag: number | undefined = byName;
  const count = countArguments(tokens, open, close);
  if (flag === undefined) {
    if (call.args !== undefined && count !== call.args && !(call.requeueByDefault === false && count === 0)) return false;
    const position = call.position === 'last' ? count - 1 : call.position;
    flag = position >= 0 && position < count ? argumentAt(tokens, open, position) : undefined;
    // Left out, or the slot holds another argument passed by name (`process(ignore_processed=True)`): the default.
    if (flag === undefined) return !call.requeueByDefault;
  }
  const text = tokens[flag]!.text;
  // The literal alone: `false`, not `false || retry`.
  const next = tokens[flag + 1]?.text;
  return (text === 'false' || text === 'False') && (next === ',' || next === ')');
}

/**
 * Whether the function around the call publishes before it (the message may have been moved, not dropped). A publish
 * whose failure is what led to the reject moved nothing: one in the condition of an enclosing `if`
 * (`if err := ch.Publish(…); err != nil {`), in the guarded block of an enclosing handler, or in the statement whose
 * error an enclosing Go error check tests.
 */
function publishesBefore(tokens: readonly Token[], structure: Structure, index: number): boolean {
  const inner = blockAt(structure, index);
  const fn = functionOf(inner);
  const from = fn ? fn.start : 0;
  const failed: Array<[number, number]> = [];
  const errorChecks: number[] = [];
  for (let b = inner; b && b !== fn; b = b.parent) {
    failed.push([b.head, b.start]);
    if (b.kind !== 'catch') continue;
    const statement = structure.tries.find((t) => t.handlers.includes(b!));
    if (statement && statement.body.end > statement.body.start) failed.push([statement.body.start, statement.body.end]);
    else if (statement) errorChecks.push(b.head);
  }
  for (let k = from; k < index; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'ident' || !PUBLISHES.has(t.text) || tokens[k + 1]?.text !== '(' || tokens[k - 1]?.text !== '.') continue;
    if (failed.some(([start, end]) => k >= start && k < end)) continue;
    // Go: `err = ch.Publish(…)` ending on the line before `if err != nil {`.
    const close = closing(tokens, k + 1);
    if (errorChecks.some((head) => close < head && tokens[close]!.line >= tokens[head]!.line - 1)) continue;
    return true;
  }
  return false;
}

/** Queue declarations, with where their arguments go (position from 0, or the argument's name). */
const DECLARES: Readonly<Record<string, { position: number; named?: string; passive?: true }>> = {
  QueueDeclare: { position: 5, named: 'arguments' }, // amqp091-go; RabbitMQ.Client's is 4 (below)
  QueueDeclareAsync: { position: 4, named: 'arguments' },
  queueDeclare: { position: 4 },
  queue_declare: { position: 5, named: 'arguments' },
  declare_queue: { position: 5, named: 'arguments' },
  assertQueue: { position: 1 },
  QueueDeclarePassive: { position: 0, passive: true },
  QueueDeclarePassiveAsync: { position: 0, passive: true },
  queueDeclarePassive: { position: 0, passive: true },
  checkQueue: { position: 0, passive: true },
};

const LITERAL_NOTHING = new Set(['nil', 'null', 'None', 'undefined']);

/** Whether the file declares a queue passively, or with arguments it computes (a variable, a call, options from configuration). */
function queueArgumentsUnknown(tokens: readonly Token[]): boolean {
  for (let i = 1; i < tokens.length - 1; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'ident' || !Object.hasOwn(DECLARES, t.text) || tokens[i + 1]!.text !== '(' || tokens[i - 1]!.text !== '.') continue;
    const declare = DECLARES[t.text]!;
    if (declare.passive) return true;
    const open = i + 1;
    const close = closing(tokens, open);
    if (close >= tokens.length) continue;
    // pika's `queue_declare(passive=True)`.
    const passive = namedArgument(tokens, open, ['passive']);
    if (passive !== undefined && /^(true|True)$/.test(tokens[passive]!.text)) return true;
    let at = declare.named !== undefined ? namedArgument(tokens, open, [declare.named]) : undefined;
    // RabbitMQ.Client's QueueDeclare takes five arguments before its cancellation token, amqp091-go's six.
    const position = t.text === 'QueueDeclare' && countArguments(tokens, open, close) === 5 ? 4 : declare.position;
    at ??= argumentAt(tokens, open, position);
    if (at === undefined) continue;
    const first = tokens[at]!;
    if (t.text === 'assertQueue') {
      // Options as a variable, or an object literal whose `arguments` are one.
      if (first.kind === 'ident') return true;
      if (first.text === '{') {
        const inner = closing(tokens, at);
        for (let k = at + 1; k < inner; k++) {
          if (tokens[k]!.text === 'arguments' && tokens[k + 1]?.text === ':' && tokens[k + 2]?.kind === 'ident') return true;
          if (tokens[k]!.text === '...') return true;
        }
      }
      continue;
    }
    if (first.kind === 'ident' && !LITERAL_NOTHING.has(first.text) && computedArguments(tokens, at)) return true;
  }
  return false;
}

/** Constructors of an argument table whose entries the file then writes out (`new HashMap<>()`, `make(amqp.Table)`, `{}`). */
const TABLE_STARTS = new Set(['new', 'make', 'dict', 'Map', 'HashMap', 'Hashtable', 'Dictionary', 'mapOf', 'mutableMapOf', 'hashMapOf']);

/**
 * Whether the arguments starting at `at` are computed: a composite literal (`amqp.Table{…}`, `new Dictionary<…> {…}`)
 * is not, nor a local table built from a constructor and filled with literal keys; a field, a parameter, a call's
 * result or a table filled in a loop (`args[k] = v`, `args.put(key, value)`) is.
 */
function computedArguments(tokens: readonly Token[], at: number): boolean {
  // `amqp.Table{…}`, `new Dictionary<string, object> { … }`, `Map.of(…)` written in place.
  for (let k = at; k < tokens.length && k < at + 12; k++) {
    const text = tokens[k]!.text;
    if (text === ',' || text === ')') break;
    if (text === '{' || (text === 'of' && tokens[k - 1]?.text === '.')) return false;
  }
  const name = tokens[at]!.text;
  if (tokens[at + 1]?.text === '.' || tokens[at + 1]?.text === '(') return true;
  let assigned = false;
  for (let k = 0; k < tokens.length - 3; k++) {
    if (tokens[k]!.text !== name || tokens[k - 1]?.text === '.') continue;
    const next = tokens[k + 1]!.text;
    // `args := make(amqp.Table)`, `args = new HashMap<>()`, `var args = {}`.
    if ((next === '=' || next === ':=') && (TABLE_STARTS.has(tokens[k + 2]!.text) || tokens[k + 2]!.text === '{')) assigned = true;
    else if (next === '=' || next === ':=') return true;
    // Entries written with a key that is not a literal: copied from configuration.
    if (next === '[' && tokens[k + 2]!.kind !== 'string' && tokens[k + 3]?.text === ']') return true;
    if (next === '.' && /^(put|Add|set|update|putAll|putIfAbsent)$/.test(tokens[k + 2]!.text) && tokens[k + 3]?.text === '(' && tokens[k + 4]?.kind !== 'string') return true;
  }
  return !assigned;
}
