// How code publishes: a RabbitMQ publish on a channel the file opens without ever asking for publisher confirms, and a
// Kafka send whose result nobody looks at (a Java or kafka-python future dropped, a KafkaTemplate future dropped, a
// kafkajs promise neither awaited nor caught, a confluent-kafka produce with no delivery callback). Each becomes a
// behaviour setting (`publish-unconfirmed`, `send-unchecked`) on the call, which rules judge.
//
// Silence where the code cannot be followed: a publish on a channel the file does not open (a pool, a field set
// elsewhere), a client that confirms by default (aio-pika, amqp-connection-manager), a file that mentions confirms or
// transactions at all, a reply to an RPC request, a send whose result is assigned, returned, awaited or chained.
import type { ClientInfo } from '../knowledgeTypes';
import type { KeyIndex } from '../keyIndex';
import type { LineIndex } from '../text';
import type { Setting } from '../types';
import type { WorkspaceCondition } from '../workspace';
import { argumentAt, closing, countArguments } from './entities';
import type { Language, Token } from './lexer';
import { behaviourAt, namesReplyTo } from './flow';

export interface PublishContext {
  file: string;
  language: Language;
  tokens: readonly Token[];
  lines: LineIndex;
  keys: KeyIndex;
  /** The catalogue clients the file imports. */
  clients: readonly ClientInfo[];
  /** The file's distinct identifiers. */
  idents: ReadonlySet<string>;
}

/** Calls that publish on a RabbitMQ channel, per language (exact names). */
const RABBIT_PUBLISH: Partial<Record<Language, ReadonlySet<string>>> = {
  java: new Set(['basicPublish']), kotlin: new Set(['basicPublish']), scala: new Set(['basicPublish']),
  csharp: new Set(['BasicPublish', 'BasicPublishAsync']),
  go: new Set(['Publish', 'PublishWithContext']),
  javascript: new Set(['publish', 'sendToQueue']),
  python: new Set(['basic_publish']),
};

/** Calls that open a channel, per language. */
const RABBIT_CHANNEL: Partial<Record<Language, ReadonlySet<string>>> = {
  java: new Set(['createChannel']), kotlin: new Set(['createChannel']), scala: new Set(['createChannel']),
  csharp: new Set(['CreateModel', 'CreateChannel', 'CreateChannelAsync']),
  go: new Set(['Channel']),
  javascript: new Set(['createChannel']),
  python: new Set(['channel']),
};

/** Words that show the file deals with confirms or transactions: then MQ Lens cannot tell which publishes are covered. */
const CONFIRM_EXACT = new Set(['confirmSelect', 'confirm_delivery', 'createConfirmChannel', 'Confirm', 'ConfirmSelect', 'ConfirmSelectAsync',
  'publisherConfirmationsEnabled', 'publisherConfirmationTrackingEnabled', 'txSelect', 'tx_select', 'TxSelect', 'TxSelectAsync', 'NotifyPublish',
  'ConfirmChannel', 'publisher_confirms', 'confirm_publish', 'addConfirmListener', 'BasicAcks', 'NotifyConfirm']);
const CONFIRM_PREFIXES = ['waitForConfirms', 'WaitForConfirms', 'PublishWithDeferredConfirm'];

/** Whether the file deals with confirms or transactions anywhere. */
function mentionsConfirms(idents: ReadonlySet<string>): boolean {
  for (const ident of idents) if (CONFIRM_EXACT.has(ident) || CONFIRM_PREFIXES.some((prefix) => ident.startsWith(prefix))) return true;
  return false;
}

/** RabbitMQ clients whose channels confirm by default, or that are not a channel API at all. */
const CONFIRMING_CLIENTS = new Set(['aio-pika', 'amqp-connection-manager', 'rascal', 'kombu', 'spring-amqp', 'easynetq', 'masstransit-rabbitmq']);

export function publishSettings(context: PublishContext): Setting[] {
  const out: Setting[] = [];
  // Most files publish nothing: their identifiers say so without another pass over the tokens.
  const { idents } = context;
  const publishes = RABBIT_PUBLISH[context.language];
  const rabbitPublishes = publishes !== undefined && [...publishes].some((name) => idents.has(name));
  const kafkaSends = idents.has('send') || idents.has('sendBatch') || idents.has('sendDefault') || idents.has('produce');
  if (!rabbitPublishes && !kafkaSends && !idents.has('setMandatory') && !idents.has('convertAndSend')) return out;
  const ids = new Set(context.clients.map((c) => c.id));
  const rabbit = context.clients.some((c) => c.broker === 'rabbitmq' && !CONFIRMING_CLIENTS.has(c.id));
  if (rabbit && rabbitPublishes && ![...ids].some((id) => CONFIRMING_CLIENTS.has(id))) out.push(...unconfirmedPublishes(context, idents));
  const jvm = context.language === 'java' || context.language === 'kotlin' || context.language === 'scala';
  if (jvm && ids.has('spring-amqp') && (idents.has('convertAndSend') || idents.has('send'))) out.push(...templatePublishes(context, idents));
  if ((rabbitPublishes || idents.has('setMandatory')) && context.clients.some((c) => c.broker === 'rabbitmq')) out.push(...mandatoryWithoutReturns(context, idents));
  // With acks=0 there is no outcome to check: kafka-acks-zero already says so.
  const acksZero = kafkaSends && context.tokens.some((t, i) => (t.text === 'acks' || t.value === 'acks') && /^[=:,]$/.test(context.tokens[i + 1]?.text ?? '') && /^["']?0["']?$/.test(context.tokens[i + 2]?.text ?? ''));
  if (kafkaSends && context.clients.some((c) => c.broker === 'kafka') && !acksZero) out.push(...uncheckedSends(context, ids));
  return out;
}

function unconfirmedPublishes(context: PublishContext, idents: ReadonlySet<string>): Setting[] {
  const { tokens, language } = context;
  const publish = RABBIT_PUBLISH[language];
  const channel = RABBIT_CHANNEL[language];
  if (!publish || !channel || mentionsConfirms(idents)) return [];
  let opensChannel = false;
  for (let i = 1; i < tokens.length - 1 && !opensChannel; i++) {
    const token = tokens[i]!;
    if (token.kind === 'ident' && channel.has(token.text) && tokens[i - 1]!.text === '.' && tokens[i + 1]!.text === '(') opensChannel = true;
  }
  // An RPC client or server: a lost request or reply surfaces as the caller's timeout.
  for (const ident of idents) if (namesReplyTo(ident)) return [];
  // A channel from elsewhere (a pool, a factory, a field) may have been put in confirm mode there: such publishes
  // count only where nothing in the workspace mentions confirms at all.
  const workspace: WorkspaceCondition | undefined = opensChannel ? undefined : { none: ['rabbitmq-confirms'] };
  const settings: Setting[] = [];
  for (let i = 2; i < tokens.length - 1; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'ident' || !publish.has(token.text) || tokens[i - 1]!.text !== '.' || tokens[i + 1]!.text !== '(') continue;
    const close = closing(tokens, i + 1);
    if (close >= tokens.length) continue;
    // A mock's verification (`verify(channel).basicPublish(…)`, `then(channel).should().basicPublish(…)`) is no publish.
    if (tokens[i - 2]!.kind !== 'ident') continue;
    // amqplib's `publish` and `sendToQueue`, amqp091-go's `Publish`: only on a receiver named for a channel
    // (amqp091-go's `PublishWithContext` is its own name).
    const receiver = tokens[i - 2]!.text;
    if ((language === 'javascript' || (language === 'go' && token.text === 'Publish')) && !/ch(an(nel)?)?$/i.test(receiver)) continue;
    // A reply to an RPC request: the caller times out and asks again.
    if (tokens.slice(i + 2, close).some((t) => t.kind === 'ident' && namesReplyTo(t.text))) continue;
    // A message the call itself marks as transient or expiring at once is at-most-once by choice.
    if (marksTransient(tokens, i + 2, close)) continue;
    const setting = behaviour(context, 'rabbitmq', 'publish-unconfirmed', tokens[i - 2]!, tokens[close]!, `${receiver}.${token.text}`, 'on a channel without publisher confirms');
    settings.push(workspace ? { ...setting, workspace } : setting);
  }
  return settings;
}

/** Whether the tokens in [from, to) mark the message transient: `persistent: false`, `delivery_mode=1`, `Transient`, `Expiration: "0"`. */
function marksTransient(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'ident') continue;
    if (t.text === 'Transient' || t.text === 'NON_PERSISTENT' || t.text === 'NonPersistent') return true;
    const value = tokens[k + 2];
    if (!value || (tokens[k + 1]!.text !== ':' && tokens[k + 1]!.text !== '=')) continue;
    if (/^persistent$/i.test(t.text) && /^false$/i.test(value.text)) return true;
    if (/^(delivery_?mode|DeliveryMode)$/i.test(t.text) && value.text === '1') return true;
    if (t.text === 'Expiration' && value.kind === 'string' && value.value === '0') return true;
  }
  return false;
}

/**
 * Spring's RabbitTemplate confirms only when the connection factory asks for it (`publisher-confirm-type`, set in
 * configuration or on a CachingConnectionFactory in any file): a publish through a template counts where nothing in
 * the workspace mentions confirms.
 */
function templatePublishes(context: PublishContext, idents: ReadonlySet<string>): Setting[] {
  const { tokens } = context;
  if (mentionsConfirms(idents) || [...idents].some(namesReplyTo)) return [];
  const settings: Setting[] = [];
  for (let i = 2; i < tokens.length - 1; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'ident' || (token.text !== 'convertAndSend' && token.text !== 'send') || tokens[i - 1]!.text !== '.' || tokens[i + 1]!.text !== '(') continue;
    const receiver = tokens[i - 2]!;
    if (receiver.kind !== 'ident' || !/template$/i.test(receiver.text)) continue;
    const close = closing(tokens, i + 1);
    if (close >= tokens.length) continue;
    // A CorrelationData argument is how a template asks for a confirm of this message.
    if (tokens.slice(i + 2, close).some((t) => t.kind === 'ident' && (t.text === 'CorrelationData' || namesReplyTo(t.text)))) continue;
    settings.push({
      ...behaviour(context, 'rabbitmq', 'publish-unconfirmed', receiver, tokens[close]!, `${receiver.text}.${token.text}`, 'through a RabbitTemplate without publisher confirms'),
      // An application whose Spring configuration MQ Lens reads gets the finding there, once.
      workspace: { none: ['rabbitmq-confirm-handling', 'spring-rabbit-config'] },
    });
  }
  // One cause (the template does not confirm), one finding per file: the first publish, with the others as its path.
  if (settings.length <= 1) return settings;
  const [first, ...others] = settings;
  return [{
    ...first!,
    trace: [
      { span: first!.keySpan, message: `The template confirms nothing for this publish, nor for the ${others.length} other${others.length === 1 ? '' : 's'} in this file:` },
      ...others.map((o) => ({ span: o.keySpan, message: `${o.rawKey} publishes through the same template.` })),
    ],
  }];
}

/** Words that show the file handles returned (unroutable) messages. */
const RETURN_WORDS = /^(addReturnListener|ReturnListener|setReturnsCallback|setReturnCallback|ReturnsCallback|ReturnCallback|add_on_return_callback|NotifyReturn|BasicReturn|BasicReturnAsync|confirm_delivery|returnedMessage|handleReturn|UnroutableError)$/;

/** Positional index of the `mandatory` flag in each client's publish call. */
const MANDATORY_POSITION: Readonly<Record<string, number>> = { basicPublish: 2, BasicPublish: 2, BasicPublishAsync: 2, Publish: 2, PublishWithContext: 3 };

/** A publish that asks for unroutable messages back (`mandatory`) in a file that never handles a returned message. */
function mandatoryWithoutReturns(context: PublishContext, idents: ReadonlySet<string>): Setting[] {
  const { tokens, language } = context;
  if (!idents.has('mandatory') && !idents.has('Mandatory') && !idents.has('setMandatory') && !Object.keys(MANDATORY_POSITION).some((name) => idents.has(name))) return [];
  for (const ident of idents) if (RETURN_WORDS.test(ident)) return [];
  // A return handler is registered on the channel, usually where it is opened: only a file that opens its channels
  // (or configures its RabbitTemplate) can be said to have none.
  const channel = RABBIT_CHANNEL[language];
  if (!tokens.some((t, i) => (channel?.has(t.text) && tokens[i - 1]?.text === '.' && tokens[i + 1]?.text === '(') || t.text === 'setMandatory')) return [];
  for (let i = 0; i < tokens.length; i++) {
    // amqplib: `channel.on('return', …)`.
    const t = tokens[i]!;
    if (t.kind === 'string' && t.value === 'return' && tokens[i - 1]?.text === '(' && tokens[i - 2]?.text === 'on') return [];
  }
  const settings: Setting[] = [];
  for (let i = 0; i < tokens.length - 2; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'ident') continue;
    let flag: Token | undefined;
    // `mandatory: true` (C# named argument, amqplib options), `mandatory=True` (pika), `setMandatory(true)` (Spring).
    if ((t.text === 'mandatory' || t.text === 'Mandatory') && (tokens[i + 1]!.text === ':' || tokens[i + 1]!.text === '=') && /^(true|True)$/.test(tokens[i + 2]!.text)) flag = tokens[i + 2];
    else if (t.text === 'setMandatory' && tokens[i + 1]!.text === '(' && tokens[i + 2]!.text === 'true') flag = tokens[i + 2];
    else if (Object.hasOwn(MANDATORY_POSITION, t.text) && tokens[i - 1]?.text === '.' && tokens[i + 1]!.text === '(') {
      const at = argumentAt(tokens, i + 1, MANDATORY_POSITION[t.text]!);
      // The argument is the literal `true` alone (not `true && x`).
      if (at !== undefined && tokens[at]!.text === 'true' && (tokens[at + 1]?.text === ',' || tokens[at + 1]?.text === ')')) flag = tokens[at];
    }
    if (!flag) continue;
    // A handler registered in another file (a channel factory, a template's configuration) counts as well.
    settings.push({
      ...behaviour(context, 'rabbitmq', 'mandatory-unhandled', flag, flag, t.text === 'setMandatory' ? 'setMandatory' : 'mandatory', 'true, with no handler for returned messages'),
      workspace: { none: ['rabbitmq-returns-callback'] },
    });
  }
  return settings;
}

/** Kafka sends whose outcome is dropped. */
function uncheckedSends(context: PublishContext, ids: ReadonlySet<string>): Setting[] {
  const { tokens, language } = context;
  const settings: Setting[] = [];
  const producers = producerNames(tokens, language);
  const onDelivery = tokens.some((t) => (t.kind === 'ident' || t.kind === 'string') && /^on_delivery$|^["']on_delivery["']$/.test(t.text));
  for (let i = 2; i < tokens.length - 1; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'ident' || tokens[i - 1]!.text !== '.' || tokens[i + 1]!.text !== '(') continue;
    const receiver = tokens[i - 2]!;
    if (receiver.kind !== 'ident') continue;
    const close = closing(tokens, i + 1);
    if (close >= tokens.length) continue;
    let kind: string | undefined;
    const jvm = language === 'java' || language === 'kotlin' || language === 'scala';
    if (jvm && token.text === 'send' && producers.java.has(receiver.text) && countArguments(tokens, i + 1, close) < 2) kind = 'the Future it returns is dropped, and no callback is given';
    else if (jvm && (token.text === 'send' || token.text === 'sendDefault') && producers.template.has(receiver.text)) kind = 'the future it returns is dropped';
    else if (language === 'javascript' && (token.text === 'send' || token.text === 'sendBatch') && ids.has('kafkajs') && producers.js.has(receiver.text)) kind = 'the promise it returns is neither awaited nor caught';
    else if (language === 'python' && token.text === 'send' && ids.has('kafka-python') && producers.python.has(receiver.text)) kind = 'the future it returns is dropped';
    else if (language === 'python' && token.text === 'produce' && (ids.has('confluent-kafka-python')) && producers.python.has(receiver.text) && !onDelivery
      && !tokens.slice(i + 2, close).some((t) => t.text === 'callback' || t.text === 'on_delivery')) kind = 'no delivery callback is given';
    if (kind === undefined) continue;
    const start = statementStart(tokens, i - 2);
    if (!ignoresResult(tokens, start, close, language)) continue;
    settings.push(behaviour(context, 'kafka', 'send-unchecked', tokens[start]!, tokens[close]!, `${receiver.text}.${token.text}`, kind));
  }
  return settings;
}

/** Variables and fields that hold a Kafka producer, by how the file declares or creates them. */
function producerNames(tokens: readonly Token[], language: Language): { java: Set<string>; template: Set<string>; js: Set<string>; python: Set<string> } {
  const names = { java: new Set<string>(), template: new Set<string>(), js: new Set<string>(), python: new Set<string>() };
  for (let i = 0; i < tokens.length; i++) {
    const text = tokens[i]!.text;
    if (tokens[i]!.kind !== 'ident') continue;
    if (text === 'KafkaProducer' || text === 'Producer' || text === 'KafkaTemplate') {
      const target = text === 'KafkaTemplate' ? names.template : names.java;
      // `KafkaProducer<K, V> producer`, `Producer<…> p =`, Kotlin `val producer: KafkaProducer<…>`, `x = new KafkaProducer<>(…)`.
      let j = i + 1;
      if (tokens[j]?.text === '<') j = skipAngles(tokens, j);
      if (tokens[j]?.kind === 'ident' && language !== 'python') target.add(tokens[j]!.text);
      for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
        if (tokens[k]!.text === '=' && tokens[k - 1]?.kind === 'ident') target.add(tokens[k - 1]!.text);
        if (tokens[k]!.text === ':' && tokens[k - 1]?.kind === 'ident') target.add(tokens[k - 1]!.text);
      }
      if (language === 'python' && tokens[i + 1]?.text === '(') {
        for (let k = i - 1; k >= Math.max(0, i - 4); k--) if (tokens[k]!.text === '=' && tokens[k - 1]?.kind === 'ident') names.python.add(tokens[k - 1]!.text);
      }
    }
    // kafkajs: `const producer = kafka.producer(…)`.
    if (language === 'javascript' && text === 'producer' && tokens[i - 1]?.text === '.' && tokens[i + 1]?.text === '(') {
      for (let k = i - 2; k >= Math.max(0, i - 6); k--) if (tokens[k]!.text === '=' && tokens[k - 1]?.kind === 'ident') names.js.add(tokens[k - 1]!.text);
    }
  }
  if (language === 'python') pythonFactoryProducers(tokens, names.python);
  return names;
}

/**
 * Python: a function of the file that returns a new producer (`def _create_producer(self): … return KafkaProducer(…)`)
 * makes what it returns a producer: `producer = self._create_producer()`.
 */
function pythonFactoryProducers(tokens: readonly Token[], producers: Set<string>): void {
  const factories = new Set<string>();
  let def: string | undefined;
  for (let i = 0; i < tokens.length - 2; i++) {
    const t = tokens[i]!;
    if (t.text === 'def' && tokens[i + 1]?.kind === 'ident') def = tokens[i + 1]!.text;
    else if (def !== undefined && t.text === 'return' && (tokens[i + 1]!.text === 'KafkaProducer' || tokens[i + 1]!.text === 'Producer') && tokens[i + 2]!.text === '(') factories.add(def);
  }
  if (factories.size === 0) return;
  for (let i = 2; i < tokens.length - 1; i++) {
    const t = tokens[i]!;
    if (!factories.has(t.text) || tokens[i + 1]!.text !== '(') continue;
    // `x = make()`, `x = self.make()`.
    const eq = tokens[i - 1]!.text === '=' ? i - 1 : tokens[i - 1]!.text === '.' && tokens[i - 3]?.text === '=' ? i - 3 : -1;
    if (eq > 0 && tokens[eq - 1]?.kind === 'ident') producers.add(tokens[eq - 1]!.text);
  }
}

function skipAngles(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let k = open; k < tokens.length && k < open + 60; k++) {
    const text = tokens[k]!.text;
    if (text === '<') depth++;
    else if (text === '>') {
      if (--depth === 0) return k + 1;
    } else if (text === '>>') {
      depth -= 2;
      if (depth <= 0) return k + 1;
    } else if (text === ';' || text === '{' || text === '(') return k;
  }
  return open + 1;
}

/** The first token of a receiver chain: `this.producer.send(` starts at `this`. */
function statementStart(tokens: readonly Token[], receiver: number): number {
  let k = receiver;
  while (k >= 2 && tokens[k - 1]!.text === '.' && tokens[k - 2]!.kind === 'ident') k -= 2;
  return k;
}

/** Tokens after which an expression goes on, even on the next line: `() =>`, `return`, `await`, an operator. */
const CONTINUES = new Set(['=>', '=', ':=', '(', '[', ',', 'return', 'await', 'yield', 'void', '?', '&&', '||', '+', '??', '.', '?.', 'not', 'and', 'or']);

/** Whether the call from `start` to `close` is a statement of its own whose value nobody takes. */
function ignoresResult(tokens: readonly Token[], start: number, close: number, language: Language): boolean {
  const before = tokens[start - 1];
  const after = tokens[close + 1];
  const continues = before !== undefined && CONTINUES.has(before.text);
  const startsStatement = !before || (tokens[start]!.lineStart && !continues) || before.text === ';' || before.text === '{' || before.text === '}'
    || (before.text === ')' && language !== 'python') || before.text === 'else' || before.text === '->' || (before.text === ':' && language === 'python');
  if (!startsStatement) return false;
  if (!after) return true;
  if (after.text === '.' || after.text === '?.') return false; // `.get()`, `.whenComplete(…)`, `.then(…)`, `.catch(…)`
  return after.text === ';' || after.text === '}' || after.lineStart;
}

function behaviour(context: PublishContext, system: string, key: string, first: Token, last: Token, rawKey: string, value: string): Setting {
  return behaviourAt(context, system, key, { start: first.span.start, end: last.span.end }, rawKey, value);
}

/**
 * Spring Boot's configuration of RabbitTemplate: `spring.rabbitmq.template.mandatory=true`, or `publisher-returns=true`
 * with the mandatory flag left unset (Boot then sets it from publisher-returns). Returned messages reach only a
 * ReturnsCallback registered on the template, which may be in any file; without one RabbitTemplate logs "Returned
 * message but no callback available" and drops them. The setting is judged against the workspace: silent where a
 * callback is registered anywhere, where nothing publishes through a RabbitTemplate, or where the application builds
 * its own template (Boot's properties do not reach it).
 */
export function springMandatorySettings(settings: readonly Setting[], context: Pick<PublishContext, 'file' | 'lines' | 'keys'>): Setting[] {
  const rabbit = settings.filter((s) => s.system === 'rabbitmq' && !s.computed);
  const mandatory = rabbit.find((s) => s.key === 'mandatory');
  const returns = rabbit.find((s) => s.key === 'publisher-returns');
  let flag: Setting | undefined;
  let value: string;
  if (mandatory) {
    if (mandatory.value.toLowerCase() !== 'true') return [];
    flag = mandatory;
    value = 'true, and no ReturnsCallback is registered on a RabbitTemplate anywhere in the workspace';
  } else if (returns && returns.value.toLowerCase() === 'true') {
    flag = returns;
    value = 'true, which makes RabbitTemplate publish as mandatory, and no ReturnsCallback is registered anywhere in the workspace';
  } else {
    return [];
  }
  return [{
    ...behaviourAt(context, 'rabbitmq', 'mandatory-unhandled', { start: flag.keySpan.start, end: flag.valueSpan.end }, flag.rawKey, value),
    workspace: { all: ['spring-rabbit-publishes'], none: ['rabbitmq-returns-callback', 'spring-rabbit-own-template'] },
  }];
}

/**
 * Spring Boot's RabbitMQ configuration without `publisher-confirm-type`: RabbitTemplate then publishes without
 * confirms. Reported once, on the application's configuration (its first `spring.rabbitmq` setting), where the
 * workspace publishes through a template and nothing in it asks for confirms; the template's call sites are then left
 * alone (`templatePublishes`), so an application with forty sends gets one finding where it is fixed.
 */
export function springConfirmSettings(settings: readonly Setting[], context: Pick<PublishContext, 'file' | 'lines' | 'keys'>): Setting[] {
  const rabbit = settings.filter((s) => s.system === 'rabbitmq' && !s.workspace);
  if (rabbit.length === 0) return [];
  const type = rabbit.find((s) => s.key === 'publisher-confirm-type' || /publisher-?confirms?$/i.test(s.rawKey));
  // `none` written out is rabbitmq-no-publisher-confirms's finding; a value computed at run time is not known.
  if (type && (type.computed || /^none$/i.test(type.value))) return [];
  const at = type ?? rabbit.reduce((a, b) => (b.keySpan.start < a.keySpan.start ? b : a));
  const value = type
    ? `turned on (${type.value}), but nothing in the workspace reads the confirms (no ConfirmCallback, CorrelationData or waitForConfirms)`
    : 'without publisher confirms (no publisher-confirm-type here, and nothing in the workspace reads confirms)';
  return [{
    ...behaviourAt(context, 'rabbitmq', 'publish-unconfirmed', { start: at.keySpan.start, end: at.valueSpan.end }, type ? 'RabbitTemplate, with publisher confirms' : 'RabbitTemplate, configured here,', value),
    workspace: { all: ['spring-rabbit-publishes'], none: ['rabbitmq-confirm-handling'] },
  }];
}
