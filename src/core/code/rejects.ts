// Messages given back to RabbitMQ without requeue: `basicNack(tag, false, false)`, `d.Nack(false, false)`,
// `channel.reject(msg, false)`, aio-pika's and kombu's `message.reject()` (whose requeue is off unless asked for),
// Spring's AmqpRejectAndDontRequeueException. The broker then dead-letters the message if its queue has a dead-letter
// exchange, and otherwise drops it. Whether one is declared is a fact about the workspace (queue arguments in another
// file, a policy in a definitions file or a script), so the setting carries the condition and the CLI and the
// extension judge it once every file has been read (`workspace.ts`).
//
// Silence where the code cannot be followed: a requeue flag that is not the literal `false` (a variable, a
// configuration value), and a function that publishes before rejecting (it may have moved the message elsewhere).
import type { ClientInfo } from '../knowledgeTypes';
import type { KeyIndex } from '../keyIndex';
import type { LineIndex } from '../text';
import type { Setting } from '../types';
import { blockAt, blockStructure, functionOf, type Structure } from './blocks';
import { argumentAt, closing, countArguments, namedArgument } from './entities';
import { behaviourAt } from './flow';
import type { Language, Token } from './lexer';

export interface RejectContext {
  file: string;
  language: Language;
  tokens: readonly Token[];
  lines: LineIndex;
  keys: KeyIndex;
  clients: readonly ClientInfo[];
  idents: ReadonlySet<string>;
}

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
  const named = (name: string) => (channelCalls?.[name] ? channelCalls[name] : messageCalls?.[name]);
  if (![...idents].some((ident) => named(ident) !== undefined) && !springReject) return [];
  let structure: Structure | undefined;
  const settings: Setting[] = [];
  for (let i = 2; i < tokens.length - 1; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'ident' || tokens[i + 1]!.text !== '(') continue;
    const close = closing(tokens, i + 1);
    if (close >= tokens.length) continue;
    let first: Token;
    let rawKey: string;
    let value: string;
    if (springReject && token.text === 'AmqpRejectAndDontRequeueException' && tokens[i - 1]!.text === 'new' && tokens[i - 2]!.text === 'throw') {
      first = tokens[i - 2]!;
      rawKey = 'throw AmqpRejectAndDontRequeueException';
      value = 'rejected without requeue by the listener container';
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
    if (position < 0) return false;
    flag = position < count ? argumentAt(tokens, open, position) : undefined;
    // A positional argument that is a named one (`requeue=True` read as position 0) was looked up by name already.
    if (flag === undefined) return position >= count && !call.requeueByDefault && count === 0;
  }
  const text = tokens[flag]!.text;
  // The literal alone: `false`, not `false || retry`.
  const next = tokens[flag + 1]?.text;
  return (text === 'false' || text === 'False') && (next === ',' || next === ')');
}

/** Whether the function around the call publishes before it (the message may have been moved, not dropped). */
function publishesBefore(tokens: readonly Token[], structure: Structure, index: number): boolean {
  const fn = functionOf(blockAt(structure, index));
  const from = fn ? fn.start : 0;
  for (let k = from; k < index; k++) {
    const t = tokens[k]!;
    if (t.kind === 'ident' && PUBLISHES.has(t.text) && tokens[k + 1]?.text === '(' && tokens[k - 1]?.text === '.') return true;
  }
  return false;
}
