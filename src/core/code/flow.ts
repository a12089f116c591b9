// What the code around a client does with a message, read from the tokens and the block structure (`blocks.ts`), one
// function at a time: whether a failed message is acknowledged anyway (settled on failure), whether a manual-ack
// handler can leave a message unsettled, whether an offset is committed before its records are processed. The result
// is a behaviour setting (key `settled-on-failure`, `never-settled`, `commit-before-processing`), placed on the call
// that settles the message, with the path that leads there as `trace`; rules judge it like any other setting.
//
// The analysis prefers silence to a guess. An exception handler counts as swallowing the error only when everything it
// calls is logging, printing or metrics, it neither rethrows nor exits early from a nested branch, and the code it
// guards touches the message (a parameter of the handler, the loop variable, or the settle call's own arguments);
// anything it cannot follow (a call to other code, a callback that leaves the function) makes it say nothing.
import type { KeyIndex } from '../keyIndex';
import type { LineIndex } from '../text';
import type { Setting, Span, TracePlace } from '../types';
import { blockAt, blockStructure, functionOf, type Block, type Structure, type TryStatement } from './blocks';
import { closing, matchingOpen } from './entities';
import type { Language, Token } from './lexer';

/** Calls that settle a message for good, per system (names compared in lower case, as `.name(`). */
const SETTLE: Readonly<Record<string, ReadonlySet<string>>> = {
  rabbitmq: new Set(['ack', 'basicack', 'basic_ack', 'basicackasync', 'ackasync']),
  kafka: new Set(['commitsync', 'commitasync', 'commit', 'commitoffsets', 'commitmessages', 'commitrecords', 'commituncommittedoffsets',
    'markmessage', 'markoffset', 'acknowledge', 'store_offsets', 'storeoffsets', 'storeoffset', 'resolveoffset']),
  'aws-sqs': new Set(['delete_message', 'deletemessage', 'deletemessageasync', 'deletemessagecommand', 'delete_message_batch',
    'deletemessagebatch', 'deletemessagebatchasync', 'deletemessagebatchcommand']),
  nats: new Set(['ack', 'acksync', 'ack_sync', 'doubleack', 'ackack']),
};

/** Calls that give a message back or dead-letter it: a handler that makes one has dealt with the failure. */
const GIVE_BACK = new Set(['nack', 'basicnack', 'basic_nack', 'basicnackasync', 'reject', 'basicreject', 'basic_reject', 'basicrejectasync',
  'nak', 'nakwithdelay', 'term', 'termwithreason', 'requeue', 'basic_recover', 'basicrecover', 'changemessagevisibility', 'change_message_visibility',
  'changemessagevisibilitycommand', 'changemessagevisibilityasync', 'seek', 'pause', 'nackasync', 'rejectasync']);

/** Kafka's settle names that are too common elsewhere (`db.commit()`): they count only on a receiver named for it. */
const NEEDS_RECEIVER: Readonly<Record<string, RegExp>> = {
  commit: /consumer|kafka|reader/i,
  acknowledge: /^ack/i,
  commitasync: /consumer|kafka/i,
  commitsync: /consumer|kafka/i,
};

/** Names of calls that only report: logging, printing, metrics, error values, string building. */
const REPORT_NAMES = /^(log\w*|print\w*|println|printf|sprintf|errorf|format\w*|debug\w*|info\w*|warn\w*|error\w*|exception|fatal\w*|trace\w*|critical|notice|verbose|capture_?exception|capture_?message|capturemessage|captureexception|str|repr|tostring|getmessage|getlocalizedmessage|getstacktrace|printstacktrace|print_exc|format_exc|wrap|wrapf|new|errorwithcontext|inc|increment|incr|decrement|observe|record_?exception|recordexception|set_?status|setstatus|set_attribute|setattribute|add_event|addevent|(?:set|add)\w*(?:tag|tags|exception|exceptiontags)|end|finish|msg|msgf|err|int|any|field|fields|with|witherror|withfield|withfields|count|getname|getclass|getsimplename|name|type|dump|dumps|stringify|json|string|length|len|isinstance|hasattr|getattr|get|join|text|id|tojson)$/i;
const REPORT_RECEIVERS = /^(\w*(?:trace|metric|telemetry|otel|prometheus|attribute)\w*|log|logger|_logger|_log|logging|console|sentry\w*|metrics?|stats\w*|statsd|counter\w*|tracer|span|activity|telemetry|fmt|errors|zap|slog|logrus|traceback|system|err|out|stderr|stdout|sys|string|strings|strconv|time|math)$/i;

/** `replyTo`, `reply_to`, `getReplyTo`, `ReplyTo`: a name that says the code answers (or asks) an RPC request. */
export function namesReplyTo(name: string): boolean {
  return name.length <= 12 && /^(get_?|set_?)?reply_?to$/i.test(name);
}

/** Calls that end the process or the goroutine: the handler does not swallow the error. */
const ABORT_CALLS = new Set(['panic', 'exit', 'fatal', 'fatalf', 'fatalln', 'abort', 'failnow', '_exit', 'exitprocess']);

/** Words that name a handler a framework settles when it returns. */
const FRAMEWORK_WORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  rabbitmq: new Set(['RabbitListener', 'RabbitHandler']), kafka: new Set(['KafkaListener', 'KafkaHandler', 'eachMessage']),
  'aws-sqs': new Set(['SqsListener', 'SQSEvent', 'SQSHandler']), activemq: new Set(['JmsListener', 'onMessage']),
};

/** Annotations and method names after which a framework acknowledges the message when the handler returns. */
const LISTENER_ANNOTATIONS: Readonly<Record<string, string>> = {
  RabbitListener: 'rabbitmq', RabbitHandler: 'rabbitmq', KafkaListener: 'kafka', KafkaHandler: 'kafka', SqsListener: 'aws-sqs',
  JmsListener: 'activemq',
};

export interface FlowContext {
  file: string;
  language: Language;
  tokens: readonly Token[];
  lines: LineIndex;
  keys: KeyIndex;
  /** The systems whose clients the file imports. */
  systems: ReadonlySet<string>;
  /** Every module the file imports, client or not (`aws-lambda`'s types name an SQS-triggered handler). */
  modules?: readonly string[];
  /** The file's distinct identifiers, when the caller has them already. */
  idents?: ReadonlySet<string>;
  /** The file's calls, once they are known (set by flowSettings). */
  calls?: readonly Call[];
}

/** The distinct identifiers of a file's tokens. */
export function identifiersOf(tokens: readonly Token[]): Set<string> {
  const idents = new Set<string>();
  for (const t of tokens) if (t.kind === 'ident') idents.add(t.text);
  return idents;
}

interface Call {
  /** Index of the name token. */
  name: number;
  /** Index of the `(`. */
  open: number;
  /** Index of the matching `)`. */
  close: number;
  receiver?: string;
  lower: string;
  /** The system this call settles a message for, once asked (null: none); the file's systems never change. */
  settles?: string | null;
}

export function flowSettings(input: FlowContext): Setting[] {
  let context = input;
  const { tokens, language } = context;
  const present = new Set(context.systems);
  // An SQS-triggered Lambda handler needs no SQS client: its event type says where the messages come from.
  const idents = context.idents ?? identifiersOf(tokens);
  if (language === 'javascript' && context.modules?.includes('aws-lambda') && (idents.has('SQSEvent') || idents.has('SQSHandler'))) present.add('aws-sqs');
  context = { ...context, systems: present };
  const systems = [...present].filter((s) => SETTLE[s] !== undefined || s === 'activemq');
  if (systems.length === 0) return [];
  // Every finding sits on a settle call or in a handler a framework settles for: a file with neither is done with.
  let settleWords = false;
  for (const ident of idents) {
    if (systems.some((system) => FRAMEWORK_WORDS[system]?.has(ident) || SETTLE[system]?.has(ident.toLowerCase()))) {
      settleWords = true;
      break;
    }
  }
  const handles = idents.has('try') || idents.has('catch') || idents.has('except') || idents.has('finally') || (language === 'go' && idents.has('nil'));
  if (!settleWords || (!handles && !systems.includes('kafka') && !systems.includes('rabbitmq'))) return [];
  const structure = blockStructure(tokens, language, context.lines);
  const calls = callsOf(tokens, language);
  context = { ...context, calls };
  markSettleWrappers(tokens, fileIndex(context, structure, calls), calls, systems);
  const out: Setting[] = [];
  const seen = new Set<number>();
  const emit = (setting: Setting | undefined) => {
    if (setting && !seen.has(setting.keySpan.start)) {
      seen.add(setting.keySpan.start);
      out.push(setting);
    }
  };
  for (const statement of structure.tries) {
    for (const handler of statement.handlers) emit(judgeHandler(context, structure, calls, systems, statement, handler));
    if (statement.finally) emit(judgeFinally(context, structure, calls, systems, statement));
  }
  for (const setting of swallowedByCallee(context, structure, calls, systems)) emit(setting);
  if (systems.includes('kafka')) for (const setting of commitsBeforeProcessing(context, structure, calls, systems)) emit(setting);
  if (systems.includes('rabbitmq')) for (const setting of ackedOnlyIfHandled(context, structure, calls, systems)) emit(setting);
  return out;
}

const STATEMENT_STARTS = new Set([';', '{', '}', 'await', '=', ':=', 'yield']);

/** Calls that fetch Kafka records into a variable: `records = consumer.poll(…)`, `m, err := r.FetchMessage(ctx)`. */
const FETCH_CALLS = new Set(['poll', 'consume', 'fetchmessage', 'pollfetches', 'pollrecords', 'getmany', 'getone']);
/** Arguments of a commit call that are not the message. */
const NOT_MESSAGES = new Set(['ctx', 'context', 'asynchronous', 'true', 'false', 'nil', 'null', 'None', 'this', 'self', 'session', 'sess']);

/**
 * Kafka offsets committed before the records they cover are processed: a crash between the commit and the work loses
 * the records (at most once). The records are the commit's own arguments (`MarkMessage(msg, "")`, `CommitMessages(ctx,
 * m)`), or else what a fetch in the same function put in a variable; the commit must come after no use of them and
 * before a use that does work (a call that takes them, a loop over them).
 */
function commitsBeforeProcessing(context: FlowContext, structure: Structure, calls: readonly Call[], systems: readonly string[]): Setting[] {
  const { tokens } = context;
  const out: Setting[] = [];
  // The commits of each block, in order: a commit's records are those between the previous commit and the next.
  const commitsOf = new Map<Block, Call[]>();
  for (const call of calls) {
    if (settles(call, systems) !== 'kafka') continue;
    const block = blockAt(structure, call.name);
    if (!block) continue;
    const list = commitsOf.get(block);
    if (list) list.push(call);
    else commitsOf.set(block, [call]);
  }
  for (const [block, siblings] of commitsOf) for (const [position, commit] of siblings.entries()) {
    const fn = functionOf(block);
    if (!fn) continue;
    // The JVM client's commits with arguments take an offsets map: which records it covers is not known here.
    const jvm = context.language === 'java' || context.language === 'kotlin' || context.language === 'scala';
    if (jvm && commit.lower !== 'acknowledge' && commit.close > commit.open + 1) continue;
    // The message variables, and where they come into being.
    const names = new Set<string>();
    let from = block.start;
    for (let k = commit.open + 1; k < commit.close; k++) {
      const t = tokens[k]!;
      if (t.kind === 'ident' && /^[a-z_]/.test(t.text) && !NOT_MESSAGES.has(t.text) && !/offset|commit|partition|position/i.test(t.text) && tokens[k + 1]?.text !== '=' && tokens[k - 1]?.text !== '.' && tokens[k + 1]?.text !== '(' && tokens[k + 1]?.text !== '.') names.add(t.text);
    }
    if (names.size === 0) {
      for (const fetch of calls) {
        if (fetch.name >= commit.name || fetch.name < fn.start || !FETCH_CALLS.has(fetch.lower) || fetch.receiver === undefined) continue;
        // `records = consumer.poll(…)`, `val records = …`, `m, err := …`.
        let k = fetch.name - 2;
        while (k > fn.start && tokens[k - 1]!.text === '.') k -= 2;
        const assign = tokens[k - 1];
        if (!assign || (assign.text !== '=' && assign.text !== ':=')) continue;
        let v = k - 2;
        while (v > fn.start && tokens[v]!.text === ',') v -= 2;
        const variable = tokens[v]!.text === '_' ? tokens[v + 2] : tokens[v];
        if (variable?.kind === 'ident' && blockAt(structure, fetch.name) === block) {
          names.clear();
          names.add(variable.text);
          from = fetch.close + 1;
        }
      }
    } else {
      // The loop variable of `for msg := range claim.Messages()`: the body starts the message's life.
      from = block.start;
    }
    // Spring Kafka's `ack.acknowledge()`: the listener's other parameters are the records.
    if (names.size === 0 && commit.lower === 'acknowledge') {
      for (let k = fn.head; k < fn.start; k++) {
        const t = tokens[k]!;
        if (t.kind === 'ident' && /^[a-z_]/.test(t.text) && t.text !== commit.receiver && !NOT_NAMES.has(t.text) && (tokens[k + 1]?.text === ',' || tokens[k + 1]?.text === ')' || tokens[k + 1]?.text === ':')) names.add(t.text);
      }
      from = fn.start;
    }
    if (names.size === 0) continue;
    const handedOff: number[] = [];
    // From the previous commit in the same block at the latest: what comes before that one is its business.
    const previousCommit = siblings[position - 1];
    if (previousCommit) from = Math.max(from, previousCommit.close + 1);
    if (usesForWork(context, structure, calls, systems, from, commit.name, names, commit, handedOff)) continue;
    if (handedOff.length > 0) {
      // The records went to an in-memory queue or an executor: they are processed later, after this commit.
      out.push(behaviour(context, 'kafka', 'commit-before-processing', commit, 'before the records it covers are processed', [
        { span: tokens[handedOff[0]!]!.span, message: 'The records are only handed over here (to an in-memory queue or an executor), to be processed after their offsets are committed.' },
      ]));
      continue;
    }
    const handedAfter: number[] = [];
    // Up to the next commit in the same block: what follows that one is its business.
    const nextCommit = siblings[position + 1];
    const until = nextCommit ? nextCommit.name : block.end;
    const after = usesForWork(context, structure, calls, systems, commit.close + 1, until, names, commit, handedAfter) ?? handedAfter[0];
    if (after === undefined) continue;
    out.push(behaviour(context, 'kafka', 'commit-before-processing', commit, 'before the records it covers are processed', [
      { span: tokens[after]!.span, message: 'The records are processed only here, after their offsets were committed.' },
    ]));
  }
  return out;
}

/** The first token from `from` to `to` where the records do work: passed to a call that is not logging, or looped over. */
function usesForWork(context: FlowContext, structure: Structure, calls: readonly Call[], systems: readonly string[], from: number, to: number, names: ReadonlySet<string>, commit: Call, handedOff: number[]): number | undefined {
  const { tokens } = context;
  const isWork = (call: Call): boolean => call !== commit && !settles(call, systems) && !GIVE_BACK.has(call.lower) && !FETCH_CALLS.has(call.lower)
    && !isHandOff(call) && doesWork(context, call);
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (!names.has(t.text) || k === commit.name) continue;
    if (k > commit.open && k < commit.close) continue;
    // Looped over: `for r in records`, `for (var r : records)`, `records.forEach(…)`, `range msgs`. A loop whose body
    // only hands each record over (to a queue, an executor) does no work on them here.
    const previous = tokens[k - 1]?.text;
    if (previous === 'in' || previous === 'range' || (previous === ':' && inForHeader(tokens, k))) {
      const loop = loopOfHeader(structure, tokens, k);
      if (!loop) return k;
      const inside = between(calls, loop.start, loop.end);
      // Reading a record's fields (`record.value()`) is not work on it either.
      const loopNames = new Set(tokens.slice(loop.head, loop.start).filter((x) => x.kind === 'ident').map((x) => x.text));
      if (inside.some((c) => isWork(c) && !(c.close === c.open + 1 && c.receiver !== undefined && loopNames.has(c.receiver)))) return k;
      const handOff = inside.find(isHandOff);
      if (handOff) handedOff.push(handOff.name);
      k = loop.end;
      continue;
    }
    if (tokens[k + 1]?.text === '.' && EACH_NAMES.has(tokens[k + 2]?.text ?? '')) return k;
    // An argument of a call that does work.
    const call = enclosingCall(calls, k);
    if (!call) continue;
    if (isHandOff(call)) {
      handedOff.push(call.name);
      continue;
    }
    if (isWork(call)) return k;
  }
  return undefined;
}

/** The loop whose header holds token `k`: the block that opens after the header's closing bracket or colon. */
function loopOfHeader(structure: Structure, tokens: readonly Token[], k: number): Block | undefined {
  for (let j = k + 1; j < tokens.length && j < k + 200; j++) {
    const block = blockAt(structure, j);
    if (block && block.kind === 'loop' && block.head < k && block.start === j) return block;
    if (block && block.start === j) return undefined;
  }
  return undefined;
}

/** Handing records over to be processed later: `queue.offer(r)`, `buffer.add(r)`, `executor.submit(…)`. */
function isHandOff(call: Call): boolean {
  return HAND_OFF_CALLS.has(call.lower) && call.receiver !== undefined && /queue|buffer|executor|pool|deque/i.test(call.receiver);
}

const HAND_OFF_CALLS = new Set(['offer', 'add', 'put', 'push', 'submit', 'execute', 'enqueue', 'addall', 'offerlast', 'addlast']);

const EACH_NAMES = new Set(['forEach', 'forEachIndexed', 'foreach', 'each', 'map', 'stream', 'iterator']);

function inForHeader(tokens: readonly Token[], k: number): boolean {
  for (let j = k - 1; j >= 0 && j > k - 12; j--) {
    if (tokens[j]!.text === 'for') return true;
    if (tokens[j]!.text === ';' || tokens[j]!.text === '{' || tokens[j]!.text === '}') return false;
  }
  return false;
}

/** The innermost call whose parentheses hold token `k`. */
function enclosingCall(calls: readonly Call[], k: number): Call | undefined {
  return indexes.get(calls)?.enclosing[k];
}

/**
 * A call to a function of this file that swallows its own failures (a try around its work whose handler only logs),
 * followed on the caller's path by a settle call: the caller cannot tell failure from success and settles either way.
 */
function swallowedByCallee(context: FlowContext, structure: Structure, calls: readonly Call[], systems: readonly string[]): Setting[] {
  const { tokens } = context;
  const swallowers = new Map<string, Block | undefined>();
  // The try statements of each function, found once.
  const triesOf = new Map<Block, TryStatement[]>();
  for (const statement of structure.tries) {
    const fn = functionOf(statement.body);
    if (!fn) continue;
    const list = triesOf.get(fn);
    if (list) list.push(statement);
    else triesOf.set(fn, [statement]);
  }
  const swallowerOf = (name: string): Block | undefined => {
    if (swallowers.has(name)) return swallowers.get(name);
    let found: Block | undefined;
    const fn = definedFunction(calls, name);
    if (fn && context.language !== 'go' && !settlesAnywhere(calls, systems, fn)) {
      const covered: Array<[number, number]> = [];
      for (const statement of triesOf.get(fn) ?? []) {
        for (const handler of statement.handlers) {
          const shape = shapeOf(context, structure, calls, systems, handler);
          if (!shape.swallows || shape.settlesAt || !handler.catchAll) continue;
          if (guardsMessage(context, structure, calls, statement, handler, messageNames(context, handler, undefined), systems) !== true) continue;
          found = handler;
          covered.push([statement.body.head, statement.end]);
        }
      }
      // Work outside the swallowing tries fails to the caller: then the callee does not always hide its failures.
      if (found && between(calls, fn.start, fn.end).some((c) => !covered.some(([from, to]) => c.name >= from && c.name < to) && directlyIn(structure, fn, c.name) && doesWork(context, c))) found = undefined;
    }
    swallowers.set(name, found);
    return found;
  };
  const out: Setting[] = [];
  for (const call of calls) {
    if (!ownCall(call)) continue;
    // The handling of a message takes it (or something read from it), and is a statement of its own: not bookkeeping
    // without arguments, not a call inside another call's arguments or a lambda.
    if (call.close === call.open + 1) continue;
    const first = call.receiver !== undefined ? call.name - 2 : call.name;
    const before = tokens[first - 1];
    if (before && !tokens[first]!.lineStart && !STATEMENT_STARTS.has(before.text)) continue;
    if (before && tokens[first]!.lineStart && (before.text === ',' || before.text === '(' || before.text === '=>' || before.text === '->')) continue;
    const handler = swallowerOf(tokens[call.name]!.text);
    if (!handler || (call.name >= handler.start && call.name < handler.end)) continue;
    const at = blockAt(structure, call.name);
    if (!at) continue;
    const fake: TryStatement = { body: { kind: 'try', head: call.name, start: call.name, end: call.close, parent: at }, handlers: [], end: call.close + 1 };
    const next = nextSettle(context, structure, calls, systems, fake, undefined);
    if (!next) continue;
    const fn = functionOf(at);
    if (fn && repliesIn(context, fn)) continue;
    out.push(behaviour(context, next.system, 'settled-on-failure', next.call, `after ${tokens[call.name]!.text}, which only logs its own failures`, [
      { span: tokens[call.name]!.span, message: `${tokens[call.name]!.text} never fails to its caller:` },
      { span: tokens[handler.head]!.span, message: 'its exception handler only logs the error and does not rethrow it.' },
    ]));
  }
  return out;
}

/** The first index of `items` (ordered by `position`) whose position is at least `at`. */
function lowerBound<T>(items: readonly T[], at: number, position: (item: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (position(items[mid]!) < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The calls whose name lies in [from, to) (calls are in token order). */
function between(calls: readonly Call[], from: number, to: number): Call[] {
  const low = lowerBound(calls, from, (call) => call.name);
  const out: Call[] = [];
  for (let i = low; i < calls.length && calls[i]!.name < to; i++) out.push(calls[i]!);
  return out;
}

/** Per-file lookups built once, so that no handler pays for a pass over the whole file. */
interface FileIndex {
  /** The innermost call whose parentheses hold each token. */
  enclosing: Array<Call | undefined>;
  /** Functions this file defines, by name (undefined where several share it). */
  functions: Map<string, Block | undefined>;
  /** Indexes of `replyTo`-like identifiers. */
  replies: number[];
  /** Answers remembered per function, and what paths meet per block (`pathEvents`), built on first use. */
  calledInLoops: Map<Block, boolean>;
  settlesAnywhere: Map<Block, boolean>;
  rabbitSettles: Map<Block, { inFunction: Call[]; acks: Call[] }>;
  events?: Map<Block, PathEvent[]>;
}

const indexes = new WeakMap<readonly Call[], FileIndex>();

function fileIndex(context: FlowContext, structure: Structure, calls: readonly Call[]): FileIndex {
  let index = indexes.get(calls);
  if (index) return index;
  const { tokens } = context;
  const enclosing: Array<Call | undefined> = new Array(tokens.length);
  // Calls are in order of their names, so a call inside another's arguments comes later and paints over it.
  for (const call of calls) for (let k = call.open + 1; k < call.close; k++) enclosing[k] = call;
  const functions = new Map<string, Block | undefined>();
  for (const block of structure.blocks) {
    if (block.kind !== 'function') continue;
    const name = functionName(tokens, block);
    if (name === undefined) continue;
    functions.set(name, functions.has(name) ? undefined : block);
  }
  const replies: number[] = [];
  for (let k = 0; k < tokens.length; k++) if (tokens[k]!.kind === 'ident' && namesReplyTo(tokens[k]!.text)) replies.push(k);
  index = { enclosing, functions, replies, calledInLoops: new Map(), settlesAnywhere: new Map(), rabbitSettles: new Map() };
  indexes.set(calls, index);
  return index;
}

/** The name a function block is declared under: after `def`, `func`, `fun` or `function`, or the method's own name. */
function functionName(tokens: readonly Token[], fn: Block): string | undefined {
  const head = tokens[fn.head]!;
  if (head.text === 'func' && tokens[fn.head + 1]?.text === '(') {
    // Go: `func (r *Receiver) Name(`.
    const close = closing(tokens, fn.head + 1);
    return tokens[close + 1]?.kind === 'ident' ? tokens[close + 1]!.text : undefined;
  }
  return head.text === 'def' || head.text === 'func' || head.text === 'fun' || head.text === 'function' ? tokens[fn.head + 1]?.text : head.text;
}

/**
 * A small function of the file that does nothing but settle the message (`def ack(self, m): client.delete_message(…)`)
 * settles it for its callers too: calls to it are marked as settling for the same system. One that also gives messages
 * back, or does more than a few statements' work, is not a plain wrapper.
 */
function markSettleWrappers(tokens: readonly Token[], index: FileIndex, calls: readonly Call[], systems: readonly string[]): void {
  const wrappers = new Map<string, string>();
  for (const [name, fn] of index.functions) {
    if (!fn || fn.end - fn.start > 60) continue;
    const inside = between(calls, fn.start, fn.end);
    if (inside.some((c) => GIVE_BACK.has(c.lower))) continue;
    const settle = inside.map((c) => settles(c, systems)).find((system) => system !== undefined);
    if (settle && !SETTLE[settle]?.has(name.toLowerCase())) wrappers.set(name, settle);
  }
  if (wrappers.size === 0) return;
  for (const call of calls) {
    const system = wrappers.get(tokens[call.name]!.text);
    if (system !== undefined && call.settles == null) call.settles = system;
  }
}

/** Whether the function names `replyTo` anywhere: it answers (or asks) RPC requests. */
function repliesIn(context: FlowContext, fn: Block): boolean {
  return indexes.get(context.calls!)!.replies.some((k) => k >= fn.head && k < fn.end);
}

/** Every call in the file: `name(`, with its receiver when written `receiver.name(`; declarations are not calls. */
function callsOf(tokens: readonly Token[], language: Language): Call[] {
  const calls: Call[] = [];
  for (let i = 0; i < tokens.length - 1; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'ident' || tokens[i + 1]!.text !== '(' || KEYWORDS.has(token.text)) continue;
    const close = closing(tokens, i + 1);
    if (close >= tokens.length) continue;
    if (isDeclaration(tokens, i, close, language)) continue;
    const call: Call = { name: i, open: i + 1, close, lower: token.text.toLowerCase() };
    const dot = tokens[i - 1];
    if (dot && (dot.text === '.' || dot.text === '?.') && tokens[i - 2]) call.receiver = tokens[i - 2]!.text;
    calls.push(call);
  }
  return calls;
}

/** Words that a `(` follows without making a call: `except (A, B):`, `if (x)`, `x in (1, 2)`. */
const KEYWORDS = new Set(['if', 'elif', 'while', 'for', 'foreach', 'switch', 'catch', 'except', 'return', 'in', 'not', 'and', 'or', 'is',
  'assert', 'with', 'lambda', 'await', 'del', 'raise', 'throw', 'yield', 'typeof', 'sizeof', 'synchronized', 'using', 'lock', 'when',
  'else', 'match', 'case', 'select', 'go', 'defer', 'func', 'function', 'def', 'fun', 'new', 'instanceof', 'as', 'from', 'import', 'nameof', 'default']);

const NOT_TYPES = new Set(['return', 'await', 'new', 'throw', 'yield', 'else', 'case', 'in', 'is', 'as', 'and', 'or', 'not', 'go', 'defer', 'do', 'then']);

/** `void handle(…) {`, `def handle(…):`, `func (c *C) Handle(…) error {`, `function handle(…) {`: a declaration, not a call. */
function isDeclaration(tokens: readonly Token[], name: number, close: number, language: Language): boolean {
  const before = tokens[name - 1];
  const after = tokens[close + 1];
  if (!before) return false;
  if (before.text === 'def' || before.text === 'func' || before.text === 'fun' || before.text === 'function') return true;
  switch (language) {
    case 'go':
      if (before.text === ')') {
        const open = matchingOpen(tokens, name - 1);
        return open !== undefined && tokens[open - 1]?.text === 'func';
      }
      return false;
    case 'javascript':
      return after?.text === '{' || (after?.text === ':' && before.lineStart !== true && tokens[name]!.lineStart);
    case 'python':
      return false;
    default:
      // Java, Kotlin, Scala, C#: a type (a name, a generic's `>`, an array's `]`) before the method's name.
      return ((before.kind === 'ident' && !NOT_TYPES.has(before.text)) || before.text === '>' || before.text === ']') && (after?.text === '{' || after?.text === 'throws' || after?.text === '=>' || after?.text === ':' || after?.text === 'where' || after?.text === ';' || after?.text === '=');
  }
}

/** The system a call settles a message for, among the file's systems, or undefined. */
function settles(call: Call, systems: readonly string[]): string | undefined {
  if (call.settles === undefined) call.settles = settlesUncached(call, systems) ?? null;
  return call.settles ?? undefined;
}

function settlesUncached(call: Call, systems: readonly string[]): string | undefined {
  for (const system of systems) {
    if (!SETTLE[system]?.has(call.lower)) continue;
    const needs = NEEDS_RECEIVER[call.lower];
    if (system === 'kafka' && needs && !(call.receiver && needs.test(call.receiver))) continue;
    return system;
  }
  return undefined;
}

/** Whether `index` lies inside `block` without a function (a lambda, a nested def) between them. */
function directlyIn(structure: Structure, block: Block, index: number): boolean {
  if (index < block.start || index >= block.end) return false;
  for (let b = blockAt(structure, index); b && b !== block; b = b.parent) if (b.kind === 'function' || b.kind === 'class') return false;
  return true;
}

interface HandlerShape {
  /** Everything it calls only reports (or settles); nothing rethrows or gives the message back. */
  swallows: boolean;
  settlesAt?: Call;
  system?: string;
  /** An unconditional `return`/`continue`/`break` at the handler's own level. */
  exit?: { index: number; word: string };
}

function shapeOf(context: FlowContext, structure: Structure, calls: readonly Call[], systems: readonly string[], handler: Block): HandlerShape {
  const { tokens } = context;
  const shape: HandlerShape = { swallows: true };
  for (let i = handler.start; i < handler.end; i++) {
    if (!directlyIn(structure, handler, i)) continue;
    const token = tokens[i]!;
    if (token.kind !== 'ident') continue;
    const word = token.text;
    if (word === 'throw' || word === 'raise' || word === 'rethrow' || word === 'yield') return { swallows: false };
    if (word === 'return' || word === 'continue' || word === 'break' || word === 'goto') {
      // Only an exit at the handler's own level is certain; one inside an `if` may or may not happen.
      if (blockAt(structure, i) !== handler) return { swallows: false };
      // Go: `return err` hands the error to the caller (sarama ends the session); only a bare return swallows it.
      if (word === 'return' && tokens[i + 1] && !tokens[i + 1]!.lineStart && tokens[i + 1]!.text !== '}' && tokens[i + 1]!.text !== ';') {
        const next = tokens[i + 1]!.text;
        if (!(next === 'None' || next === 'null' || next === 'nil' || next === 'false' || next === 'true' || next === 'False' || next === 'True' || next === 'undefined')) return { swallows: false };
      }
      shape.exit ??= { index: i, word };
    }
  }
  let insideReport = -1;
  for (const call of between(calls, handler.start, handler.end)) {
    if (!directlyIn(structure, handler, call.name)) continue;
    // Calls in a log call's arguments (`log.error("…", record.key())`) only build the report.
    if (call.name < insideReport) continue;
    if (GIVE_BACK.has(call.lower) || ABORT_CALLS.has(call.lower) || (call.lower === 'exit' && call.receiver !== undefined)) return { swallows: false };
    const system = settles(call, systems);
    if (system) {
      shape.settlesAt ??= call;
      shape.system ??= system;
      continue;
    }
    if (reports(context.tokens, call)) {
      insideReport = Math.max(insideReport, call.close);
      continue;
    }
    // A call MQ Lens cannot follow may publish to a dead-letter queue, store the failure or retry: unknown.
    return { swallows: false };
  }
  return shape;
}

/** Identifiers that stand for the message: the handler's parameters, loop variables, the settle call's arguments. */
function messageNames(context: FlowContext, from: Block, settle: Call | undefined): Set<string> {
  const { tokens } = context;
  const names = new Set<string>();
  const add = (start: number, end: number) => {
    for (let k = start; k < end; k++) {
      const t = tokens[k]!;
      if (t.kind === 'ident' && /^[a-z_$]/.test(t.text) && !NOT_NAMES.has(t.text)) names.add(t.text);
    }
  };
  for (let b: Block | undefined = from; b; b = b.parent) {
    if (b.kind === 'loop' || b.kind === 'function') add(b.head, b.start);
    if (b.kind === 'function') break;
  }
  if (settle) {
    if (settle.receiver && /^[a-z_$]/.test(settle.receiver)) names.add(settle.receiver);
    add(settle.open + 1, settle.close);
  }
  return names;
}

const NOT_NAMES = new Set(['final', 'var', 'val', 'let', 'const', 'in', 'of', 'range', 'for', 'foreach', 'while', 'async', 'await', 'self',
  'this', 'ctx', 'context', 'def', 'func', 'function', 'fun', 'public', 'private', 'protected', 'void', 'static', 'throws', 'override',
  'true', 'false', 'nil', 'null', 'None', 'err', 'error', 'e', 'ex', 'string', 'int', 'bool', 'byte', 'any', 'object', 'new', 'cancellationToken', 'ct', 'session']);

/**
 * Whether the code the try guards does real work on the message: a call that is not logging and not itself a settle
 * call (Go's `if err := d.Ack(false); err != nil` guards the acknowledgement, not the handling), preferably one that
 * names the message.
 */
function guardsMessage(context: FlowContext, structure: Structure, calls: readonly Call[], statement: TryStatement, handler: Block, names: ReadonlySet<string>, systems: readonly string[]): Guarded {
  const { tokens } = context;
  // Go: the statement that produced the error is the `if` header itself or the line before it.
  let start = statement.body.start;
  let end = statement.body.end;
  if (context.language === 'go') {
    start = handler.head;
    end = handler.start;
    let k = handler.head - 1;
    while (k > 0 && !tokens[k]!.lineStart) k--;
    if (k >= 0 && tokens.slice(k, handler.head).some((t) => t.text === 'err')) start = k;
  }
  let work: Guarded = false;
  // Calls that only build a settle call (`headers.get(CHANNEL).basicAck(headers.get(TAG))`) guard the settle, not work.
  const settleParts: Array<[number, number]> = [];
  const guarded = between(calls, start, end);
  for (const call of guarded) {
    if (!(settles(call, systems) || GIVE_BACK.has(call.lower))) continue;
    let first = call.name;
    const lineBased = context.language === 'python' || context.language === 'go';
    while (first > start) {
      const previous = tokens[first - 1]!.text;
      if (previous === ';' || previous === '{' || previous === '}') break;
      if (lineBased && tokens[first]!.lineStart && tokens[first]!.text !== '.' && previous !== '.') break;
      first--;
    }
    settleParts.push([first, call.close]);
  }
  // A lambda written in the guarded code runs later, elsewhere: its failures never reach this handler.
  const home = context.language === 'go' ? handler.parent : statement.body;
  // Loops inside the guarded code name messages too: `for (ConsumerRecord r : records)`.
  const local = new Set(names);
  for (let b = lowerBound(structure.blocks, start, (block) => block.start); b < structure.blocks.length; b++) {
    const block = structure.blocks[b]!;
    if (block.start >= end) break;
    if (block.kind !== 'loop' || block.head < start || block.head >= end) continue;
    for (let k = block.head; k < block.start; k++) if (tokens[k]!.kind === 'ident' && /^[a-z_$]/.test(tokens[k]!.text) && !NOT_NAMES.has(tokens[k]!.text)) local.add(tokens[k]!.text);
  }
  // The arguments of a call that does no work (a receive, a log line, a hand-off) are not work either:
  // `consumer.poll(Duration.ofMillis(500))`, `executor.submit(() -> handle(record))`.
  let skippedUntil = -1;
  for (const call of guarded) {
    if (call.name < skippedUntil) continue;
    if (home && !directlyIn(structure, home, call.name)) continue;
    const skip = () => {
      skippedUntil = Math.max(skippedUntil, call.close);
    };
    if (settles(call, systems) || GIVE_BACK.has(call.lower)) {
      if (context.language === 'go') return false;
      skip();
      continue;
    }
    if (settleParts.some(([from, to]) => call.name >= from && call.name <= to)) continue;
    // Handing work over (to an executor, an in-memory queue): it runs elsewhere, and only a refused hand-off would
    // reach this handler.
    if (isHandOff(call) || ((call.lower === 'submit' || call.lower === 'execute') && call.receiver !== undefined && /executor|pool|service$/i.test(call.receiver))) {
      skip();
      continue;
    }
    // A getter without arguments (`getText()`, `isEmpty()`) does no work of its own.
    if (isGetter(tokens, call)) continue;
    // Nor does reading a field of the message (`record.value()`, `msg.Data()`).
    if (call.close === call.open + 1 && call.receiver !== undefined && local.has(call.receiver)) continue;
    if (DECODE_NAMES.test(tokens[call.name]!.text)) {
      work ||= 'decode';
      skip();
      continue;
    }
    // Receiving guards no message: when it fails there is nothing to settle yet.
    if (RECEIVE_NAMES.has(call.lower) || (REPORT_NAMES.test(tokens[call.name]!.text) && !(call.receiver && names.has(call.receiver)))
      || (call.receiver !== undefined && REPORT_RECEIVERS.test(call.receiver))) {
      skip();
      continue;
    }
    work = true;
  }
  return work;
}

const RECEIVE_NAMES = new Set(['consume', 'basic_get', 'basicget', 'poll', 'receive', 'receive_message', 'receivemessage', 'receivemessageasync',
  'fetch', 'next', 'fetchmessage', 'readmessage', 'nextmessage', 'basic_consume', 'basicconsume', 'nextmsg', 'pollfetches', 'getmany', 'getone']);

/** What the guarded code does: real work, only decoding the message (a poison message), or nothing worth judging. */
type Guarded = boolean | 'decode';

/** Calls that only decode a message: dropping one that cannot be decoded is a deliberate choice, not a lost failure. */
const DECODE_NAMES = /^(unmarshal\w*|decode\w*|readbytes|readtext|gettext|getbytes|getbody\w*|deserializ\w*|parse\w*|loads|load|readvalue|readtree|fromjson|from_json|frombytes|parsefrom|model_validate\w*|parse_raw|parse_obj|validate|getstring|tostring|utf8|decodestring)$/i;

function judgeHandler(context: FlowContext, structure: Structure, calls: readonly Call[], systems: readonly string[], statement: TryStatement, handler: Block): Setting | undefined {
  const shape = shapeOf(context, structure, calls, systems, handler);
  if (!shape.swallows) return undefined;
  const fn = functionOf(handler);
  const handlerPlace = (message: string): TracePlace => ({ span: context.tokens[handler.head]!.span, message });
  const caught = handlerWords(context, handler);
  // Acknowledging after a specific exception (a message known to be invalid) or after a message that cannot be
  // decoded is a deliberate drop; only a handler that catches everything hides unexpected failures.
  // An RPC server settles a failed request on purpose: its caller learns of the failure by the missing or error reply.
  const replies = fn !== undefined && repliesIn(context, fn);
  const dropsAll = (names: ReadonlySet<string>) => !replies && handler.catchAll === true && guardsMessage(context, structure, calls, statement, handler, names, systems) === true;
  if (shape.settlesAt && shape.system) {
    const names = messageNames(context, handler, shape.settlesAt);
    if (!dropsAll(names)) return undefined;
    return behaviour(context, shape.system, 'settled-on-failure', shape.settlesAt, 'in the handler of the failure itself', [
      handlerPlace(`${caught} only logs the error here and does not rethrow it.`),
    ]);
  }
  // A finally block runs on the handler's path too, whatever the handler does.
  const inFinally = statement.finally ? firstSettle(context, structure, calls, systems, statement.finally, statement.finally.start, statement.finally.end) : undefined;
  if (inFinally && inFinally !== 'exit') {
    if (!dropsAll(messageNames(context, handler, inFinally.call))) return undefined;
    return behaviour(context, inFinally.system, 'settled-on-failure', inFinally.call, 'in a finally block, which runs when handling failed too', [
      handlerPlace(`${caught} only logs the error here and does not rethrow it.`),
      { span: context.tokens[statement.finally!.head]!.span, message: 'The finally block runs after the handler, whether or not handling failed.' },
    ]);
  }
  // The path after the handler: an unconditional `return` leaves the function, `continue` the loop iteration.
  const next = shape.exit?.word === 'return' ? undefined : nextSettle(context, structure, calls, systems, statement, shape.exit?.word === 'continue' ? 'continue' : undefined);
  if (next) {
    const names = messageNames(context, handler, next.call);
    if (!dropsAll(names)) return undefined;
    // Other work on the message between the handler and the acknowledgement (the try was a side concern, such as an
    // audit event, and the real work comes after it): the failure that matters would not be swallowed.
    if (between(calls, statement.end, next.call.name).some((c) => doesWork(context, c) && !(settles(c, systems) || GIVE_BACK.has(c.lower))
      && context.tokens.slice(c.open + 1, c.close).some((t) => names.has(t.text)))) return undefined;
    if (shape.exit?.word === 'continue' && next.system !== 'kafka') return undefined;
    const how = shape.exit?.word === 'continue'
      ? 'after the failed record was skipped: committing a later offset commits this one too'
      : 'after a handler that only logs the failure';
    return behaviour(context, next.system, 'settled-on-failure', next.call, how, [
      handlerPlace(`${caught} only logs the error here and does not rethrow it${shape.exit ? `, then ${shape.exit.word}s` : ''}.`),
    ]);
  }
  if (!fn) return undefined;
  // Kafka: the success path commits (itself, or through a function of this file) and the loop goes on; the next
  // record's commit then covers the failed one, since a committed offset covers everything before it.
  // The loop is around the handler, or around every call of its function from this file (a poll loop that hands each
  // record to `handle(msg, consumer)`); after a `return` out of such a function, the caller's loop goes on too.
  const loopsAround = systems.includes('kafka') && (insideLoop(handler, fn) || (shape.exit?.word !== 'continue' && calledOnlyInLoops(context, structure, calls, fn)));
  if (shape.exit?.word !== 'break' && (shape.exit?.word !== 'return' || !insideLoop(handler, fn)) && systems.includes('kafka') && loopsAround) {
    const commit = settleInRange(context, structure, calls, systems, statement.body.start, statement.body.end, 'kafka');
    if (commit && dropsAll(messageNames(context, handler, undefined))) {
      return {
        ...behaviourAt(context, 'kafka', 'settled-on-failure', context.tokens[handler.head]!.span, commit.receiver !== undefined ? `${commit.receiver}.${context.tokens[commit.name]!.text}` : context.tokens[commit.name]!.text, 'for the next record too, and that commit covers the failed one'),
        trace: [
          handlerPlace(`${caught} only logs the error here and does not rethrow it, and the loop goes on to the next record.`),
          { span: context.tokens[commit.name]!.span, message: 'The commit on the success path: the next record that succeeds commits past the failed one.' },
        ],
      };
    }
  }
  // A framework that acknowledges when the handler returns (a Spring or JMS listener, kafkajs's eachMessage, an SQS
  // Lambda handler): a handler that only logs returns normally, and the message is acknowledged.
  const framework = frameworkSettle(context, fn);
  if (framework && !settlesAnywhere(calls, systems, fn)) {
    if (shape.exit?.word === 'continue' || shape.exit?.word === 'break') return undefined;
    if (!dropsAll(messageNames(context, handler, undefined))) return undefined;
    const at = context.tokens[handler.head]!;
    return {
      ...behaviourAt(context, framework.system, 'settled-on-failure', at.span, framework.who, 'when the handler returns normally, which it also does after this failure'),
      trace: [handlerPlace(`${caught} only logs the error here, so the handler returns normally and ${framework.who.replace(/^The/, 'the')} acknowledges the message.`)],
    };
  }
  // A manual-acknowledgement handler (it acknowledges somewhere) whose failure path never acks, nacks or rejects.
  const { inFunction, acks } = rabbitSettlesOf(structure, calls, systems, fn);
  if (acks.length === 0 || shape.exit?.word === 'break') return undefined;
  // Acknowledged before the failing code ran (at-most-once by design): nothing is left to settle.
  if (acks.some((a) => a.name < statement.body.start && (context.language !== 'go' || a.name < statement.handlers[0]!.head))) return undefined;
  if (inFunction.some((c) => GIVE_BACK.has(c.lower) && !(c.name >= handler.start && c.name < handler.end))) {
    // It gives messages back elsewhere (a nack after the handler, say): the path may reach it.
    if (!shape.exit) return undefined;
  }
  const names = messageNames(context, handler, acks[0]);
  if (!guardsMessage(context, structure, calls, statement, handler, names, systems)) return undefined;
  const at = shape.exit ? context.tokens[shape.exit.index]! : context.tokens[handler.head]!;
  const ack = acks[0]!;
  return {
    ...behaviourAt(context, 'rabbitmq', 'never-settled', at.span, at.text, shape.exit ? `${shape.exit.word} without ack or nack` : `${caught.replace(/^The/, 'the')} that only logs`),
    trace: [
      handlerPlace(`${caught} only logs the error${shape.exit ? ` and ${shape.exit.word}s` : ''}: the message is neither acknowledged nor rejected on this path.`),
      { span: context.tokens[ack.name]!.span, message: 'The message is acknowledged only here, on the path where handling succeeded.' },
    ],
  };
}

const CHANNEL_NAMES = /^(ch|chan|channel|model|sender|consumer|conn|connection|client)$/i;

/**
 * `if (await HandleEvent(ea)) { channel.BasicAck(ea.DeliveryTag, false); }` and nothing else: the handler reports
 * failure by its result, and on that path the delivery is neither acknowledged nor rejected. Only where the function
 * acks in that one place, gives nothing back anywhere, and the condition is a call that takes the message.
 */
function ackedOnlyIfHandled(context: FlowContext, structure: Structure, calls: readonly Call[], systems: readonly string[]): Setting[] {
  const { tokens } = context;
  const out: Setting[] = [];
  for (const ack of calls) {
    if (settles(ack, systems) !== 'rabbitmq') continue;
    const block = blockAt(structure, ack.name);
    const fn = functionOf(block);
    if (!block || !fn || block.kind !== 'if' || block.parent !== fn) continue;
    // An else branch (or elif) may settle the other path.
    const after = context.language === 'python' ? tokens[block.end] : tokens[block.end + 1];
    if (after && (after.text === 'else' || after.text === 'elif')) continue;
    const { inFunction, acks } = rabbitSettlesOf(structure, calls, systems, fn);
    if (acks.some((a) => a !== ack) || inFunction.some((c) => GIVE_BACK.has(c.lower) || (c !== ack && settles(c, systems) !== undefined))) continue;
    if (repliesIn(context, fn)) continue;
    // The ack is the block's one statement.
    if (between(calls, block.start, block.end).some((c) => c !== ack && enclosingCall(calls, c.name) === undefined && !reports(tokens, c))) continue;
    // The condition is a call that takes the message (a name the function receives, or the ack reads its delivery tag
    // from: pika's body, C#'s event args), not the channel, and is not negated.
    const message = messageNames(context, block, ack);
    for (const name of message) if (CHANNEL_NAMES.test(name) || name === ack.receiver) message.delete(name);
    const condition = between(calls, block.head, block.start).find((c) => doesWork(context, c) && !isGetter(tokens, c)
      && tokens.slice(c.open + 1, c.close).some((t) => t.kind === 'ident' && message.has(t.text)));
    if (!condition) continue;
    if (tokens.slice(block.head, condition.name).some((t) => t.text === '!' || t.text === 'not')) continue;
    const name = tokens[condition.name]!.text;
    out.push({
      ...behaviourAt(context, 'rabbitmq', 'never-settled', tokens[block.head]!.span, tokens[block.head]!.text, 'when the handler reports failure, without ack or nack'),
      trace: [
        { span: tokens[condition.name]!.span, message: `${name} reports failure by its result; on that path nothing settles the delivery.` },
        { span: tokens[ack.name]!.span, message: 'The message is acknowledged only here, when handling succeeded.' },
      ],
    });
  }
  return out;
}

/** Whether the function is called from this file, and every such call sits in a loop of its caller. */
function calledOnlyInLoops(context: FlowContext, structure: Structure, calls: readonly Call[], fn: Block): boolean {
  const memo = indexes.get(calls)!.calledInLoops;
  let answer = memo.get(fn);
  if (answer === undefined) {
    answer = calledOnlyInLoopsUncached(context, structure, calls, fn);
    memo.set(fn, answer);
  }
  return answer;
}

function calledOnlyInLoopsUncached(context: FlowContext, structure: Structure, calls: readonly Call[], fn: Block): boolean {
  const name = functionName(context.tokens, fn);
  if (!name || definedFunction(calls, name) !== fn) return false;
  const uses = calls.filter((c) => context.tokens[c.name]!.text === name && ownCall(c) && !(c.name >= fn.start && c.name < fn.end));
  if (uses.length === 0) return false;
  return uses.every((use) => {
    const at = blockAt(structure, use.name);
    const caller = functionOf(at);
    return caller !== undefined && at !== undefined && (at.kind === 'loop' || insideLoop(at, caller));
  });
}

/** Whether the function settles or gives back a message anywhere (remembered per function). */
function settlesAnywhere(calls: readonly Call[], systems: readonly string[], fn: Block): boolean {
  const memo = indexes.get(calls)!.settlesAnywhere;
  let answer = memo.get(fn);
  if (answer === undefined) {
    answer = between(calls, fn.start, fn.end).some((c) => settles(c, systems) !== undefined || GIVE_BACK.has(c.lower));
    memo.set(fn, answer);
  }
  return answer;
}

/** A function's calls, and its RabbitMQ acknowledgements at its own level (remembered per function). */
function rabbitSettlesOf(structure: Structure, calls: readonly Call[], systems: readonly string[], fn: Block): { inFunction: Call[]; acks: Call[] } {
  const memo = indexes.get(calls)!.rabbitSettles;
  let found = memo.get(fn);
  if (!found) {
    const inFunction = between(calls, fn.start, fn.end);
    found = { inFunction, acks: inFunction.filter((c) => settles(c, systems) === 'rabbitmq' && directlyIn(structure, fn, c.name)) };
    memo.set(fn, found);
  }
  return found;
}

/** A call that can fail for reasons of its own: not logging, not decoding, not a getter without arguments. */
function doesWork(context: FlowContext, call: Call): boolean {
  return !reports(context.tokens, call) && !DECODE_NAMES.test(context.tokens[call.name]!.text) && !isGetter(context.tokens, call);
}

/** A call that only reports: logging, printing, metrics, by its name or its receiver's. */
function reports(tokens: readonly Token[], call: Call): boolean {
  return REPORT_NAMES.test(tokens[call.name]!.text) || (call.receiver !== undefined && REPORT_RECEIVERS.test(call.receiver));
}

/** A getter without arguments (`getText()`, `isEmpty()`): it does no work of its own. */
function isGetter(tokens: readonly Token[], call: Call): boolean {
  return call.close === call.open + 1 && /^(get|is|has)[A-Z_]/.test(tokens[call.name]!.text);
}

/** A call of a function of this file: no receiver, or `this` or `self`. */
function ownCall(call: Call): boolean {
  return call.receiver === undefined || call.receiver === 'this' || call.receiver === 'self';
}

/** Whether a loop lies between the handler and its function. */
function insideLoop(handler: Block, fn: Block): boolean {
  for (let b = handler.parent; b && b !== fn; b = b.parent) if (b.kind === 'loop') return true;
  return false;
}

/**
 * A settle call of `system` made in the token range, directly or through a function this file defines (a call to
 * `self.process_message(…)` whose body commits).
 */
function settleInRange(context: FlowContext, structure: Structure, calls: readonly Call[], systems: readonly string[], from: number, to: number, system: string): Call | undefined {
  const inRange = between(calls, from, to);
  for (const call of inRange) {
    if (settles(call, systems) === system) return call;
  }
  for (const call of inRange) {
    if (!ownCall(call)) continue;
    const callee = definedFunction(calls, context.tokens[call.name]!.text);
    if (!callee) continue;
    const inner = between(calls, callee.start, callee.end).find((c) => directlyIn(structure, callee, c.name) && settles(c, systems) === system);
    if (inner) return inner;
  }
  return undefined;
}

/** The function or method this file defines under `name` (one definition only; several make it unknown). */
function definedFunction(calls: readonly Call[], name: string): Block | undefined {
  return indexes.get(calls)?.functions.get(name);
}

/** Listener annotations and callbacks after which a framework settles the message when the handler returns normally. */
function frameworkSettle(context: FlowContext, fn: Block): { system: string; who: string } | undefined {
  const { tokens } = context;
  // Annotations and the method's own name: walk back from the head over the declaration.
  for (let k = fn.head - 1; k >= Math.max(0, fn.head - 60); k--) {
    const text = tokens[k]!.text;
    if (text === ';' || text === '}' || text === '{') break;
    if (tokens[k - 1]?.text === '@' && Object.hasOwn(LISTENER_ANNOTATIONS, text)) return { system: LISTENER_ANNOTATIONS[text]!, who: `The @${text} container` };
  }
  const head = tokens[fn.head]!;
  if (head.text === 'onMessage' && (context.language === 'java' || context.language === 'kotlin') && context.systems.has('activemq')) {
    return { system: 'activemq', who: 'The JMS listener container' };
  }
  if (context.language === 'javascript' && (head.text === '=>' || head.text === 'function')) {
    // kafkajs: `eachMessage: async ({ message }) => {`.
    let k = fn.head - 1;
    if (tokens[k]?.text === ')') k = (matchingOpen(tokens, k) ?? 0) - 1;
    if (tokens[k]?.text === 'async') k--;
    if (tokens[k]?.text === ':' && tokens[k - 1]?.text === 'eachMessage' && context.systems.has('kafka')) return { system: 'kafka', who: 'kafkajs' };
    // An SQS-triggered Lambda handler (typed SQSEvent or SQSHandler) without partial batch responses.
    for (let j = Math.max(0, fn.head - 40); j < fn.start; j++) {
      if (tokens[j]!.text === 'SQSEvent' || tokens[j]!.text === 'SQSHandler') {
        if (tokens.slice(fn.start, fn.end).some((t) => t.text === 'batchItemFailures')) return undefined;
        return { system: 'aws-sqs', who: 'Lambda' };
      }
    }
  }
  return undefined;
}

function judgeFinally(context: FlowContext, structure: Structure, calls: readonly Call[], systems: readonly string[], statement: TryStatement): Setting | undefined {
  const block = statement.finally!;
  let settle: Call | undefined;
  let system: string | undefined;
  for (const call of between(calls, block.start, block.end)) {
    if (!directlyIn(structure, block, call.name)) continue;
    if (GIVE_BACK.has(call.lower)) return undefined;
    system = settles(call, systems);
    if (system) {
      settle = call;
      break;
    }
  }
  if (!settle || !system) return undefined;
  // A settle inside an `if` in the finally block may be the success path's own.
  if (blockAt(structure, settle.name) !== block) return undefined;
  for (const handler of statement.handlers) {
    if (between(calls, handler.start, handler.end).some((c) => GIVE_BACK.has(c.lower))) return undefined;
  }
  const fn = functionOf(block);
  if (fn && repliesIn(context, fn)) return undefined;
  const names = messageNames(context, block, settle);
  const fakeHandler: Block = { ...statement.body };
  if (guardsMessage(context, structure, calls, statement, fakeHandler, names, systems) !== true) return undefined;
  return behaviour(context, system, 'settled-on-failure', settle, 'in a finally block, which runs when handling failed too', [
    { span: context.tokens[block.head]!.span, message: 'The finally block runs whether or not the code above it threw.' },
  ]);
}

/** The first settle call the path reaches after the try statement, climbing out of loops and branches, not functions. */
function nextSettle(context: FlowContext, structure: Structure, calls: readonly Call[], systems: readonly string[], statement: TryStatement, exit: 'continue' | undefined): { call: Call; system: string } | undefined {
  let from = statement.end;
  let block = statement.body.parent ?? (context.language === 'go' ? statement.handlers[0]!.parent : undefined);
  let skipping = exit === 'continue';
  while (block) {
    if (skipping && block.kind === 'loop') {
      // `continue` goes to the next iteration: later code in this loop body runs for later messages only, and for
      // Kafka a later commit covers the skipped offset too.
      skipping = false;
      const inLoop = firstSettle(context, structure, calls, systems, block, block.start, block.end);
      if (inLoop && inLoop !== 'exit' && inLoop.system === 'kafka') return inLoop;
    } else if (!skipping && block.kind !== 'class') {
      const found = firstSettle(context, structure, calls, systems, block, from, block.end);
      if (found === 'exit') return undefined;
      if (found) return found;
    }
    // The end of a function: only a loop around it could go on, and that is outside what this analysis follows.
    if (block.kind === 'function' || block.kind === 'class') break;
    from = context.language === 'python' ? block.end : block.end + 1;
    block = block.parent;
  }
  return undefined;
}

/**
 * The first settle call on the path through `block` from `from` to `to`, or `exit` when the path leaves first (a
 * `return`, `throw`, `continue` or `break` at the block's own level).
 */
function firstSettle(context: FlowContext, structure: Structure, calls: readonly Call[], systems: readonly string[], block: Block, from: number, to: number): { call: Call; system: string } | 'exit' | undefined {
  const events = pathEvents(context, structure, calls, systems).get(block);
  if (!events) return undefined;
  const event = events[lowerBound(events, from, (e) => e.index)];
  if (!event || event.index >= to) return undefined;
  return event.settle ?? 'exit';
}

interface PathEvent {
  index: number;
  /** A settle call the path through the block always reaches; absent for an exit (`return`, `throw`, …). */
  settle?: { call: Call; system: string };
}

/**
 * For every block, in token order, what a path through it meets at the block's own level: exit words, and settle
 * calls that lie in it directly or inside try bodies and scoped blocks (`using`, `with`). Built once per file, so that
 * following a path is a binary search instead of a walk over the tokens.
 */
function pathEvents(context: FlowContext, structure: Structure, calls: readonly Call[], systems: readonly string[]): Map<Block, PathEvent[]> {
  const index = indexes.get(calls)!;
  if (index.events) return index.events;
  const byBlock = new Map<Block, PathEvent[]>();
  const add = (block: Block | undefined, event: PathEvent) => {
    if (!block) return;
    const list = byBlock.get(block);
    if (list) list.push(event);
    else byBlock.set(block, [event]);
  };
  const { tokens } = context;
  let c = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'ident' && EXIT_WORDS.has(token.text)) add(blockAt(structure, i), { index: i });
    while (c < calls.length && calls[c]!.name < i) c++;
    const call = calls[c];
    if (!call || call.name !== i) continue;
    const system = settles(call, systems);
    if (!system) continue;
    // The settle counts for its own block and for each enclosing one it is reached from unconditionally.
    for (let b = blockAt(structure, i); b; b = b.parent) {
      add(b, { index: i, settle: { call, system } });
      if (!(b.kind === 'try' || (b.kind === 'other' && SCOPED.has(tokens[b.head]!.text)))) break;
    }
  }
  index.events = byBlock;
  return byBlock;
}


const SCOPED = new Set(['using', 'with', 'synchronized', 'lock', 'unsafe', 'fixed', 'use', 'let', 'also', 'apply', 'run']);

const EXIT_WORDS = new Set(['return', 'throw', 'raise', 'continue', 'break']);

function handlerWords(context: FlowContext, handler: Block): string {
  const head = context.tokens[handler.head]!;
  if (context.language === 'go') return 'The error branch';
  return head.text === 'except' ? 'The except block' : 'The catch block';
}

function behaviour(context: FlowContext, system: string, key: string, call: Call, value: string, trace: TracePlace[]): Setting {
  const { tokens } = context;
  const start = call.receiver !== undefined ? tokens[call.name - 2]!.span.start : tokens[call.name]!.span.start;
  const span: Span = { start, end: tokens[call.close]!.span.end };
  const rawKey = call.receiver !== undefined ? `${call.receiver}.${tokens[call.name]!.text}` : tokens[call.name]!.text;
  return { ...behaviourAt(context, system, key, span, rawKey, value), trace };
}

/** A behaviour setting on `span`: what the code does there, under the key's canonical name. */
export function behaviourAt(context: Pick<FlowContext, 'file' | 'lines' | 'keys'>, system: string, key: string, span: Span, rawKey: string, value: string): Setting {
  const position = context.lines.positionAt(span.start);
  const canonical = context.keys.lookup(system, key)?.key ?? key;
  return {
    file: context.file, line: position.line, column: position.column, system, key: canonical, rawKey, value,
    keySpan: span, valueSpan: span, valueStyle: 'identifier',
  };
}
