// Settings written as literals in code: `{'linger.ms': 100}`, `props.put("acks", "1")`,
// `props.put(ProducerConfig.LINGER_MS_CONFIG, 100)`, `KafkaProducer(linger_ms=100)`, `new ProducerConfig { LingerMs = 5 }`,
// `config.Producer.RequiredAcks = sarama.NoResponse`, `{ noAck: true }`, `ch.Consume(q, "", true, …)`.
// Only systems whose client the file imports are considered, so a variable that happens to be called `durable` in
// unrelated code is never a message-queue setting.
import type { KeyIndex } from '../keyIndex';
import type { KeyInfo } from '../knowledgeTypes';
import type { LineIndex } from '../text';
import type { Setting, Span } from '../types';
import type { Language, Token } from './lexer';
import { BUILDER_ROOTS, durationMs, POSITIONAL_ARGUMENTS, VALUE_CONSTANTS } from './patterns';
import { argumentAt, consumedEntity, declaredEntity, matchingOpen } from './entities';

interface Frame {
  open: string;
  start: number;
  /** Index of the opening token. */
  index: number;
  /** The identifier just before `(` (the callee) or `{` (a type name in an initializer or composite literal). */
  before?: string;
}

/** Callees whose (key, value) arguments set configuration: Java Properties and maps, confluent-kafka-go ConfigMap. */
const PUT_CALLEES = new Set(['put', 'setProperty', 'set', 'Set', 'SetKey', 'SetValue', 'setdefault', 'putIfAbsent']);
const TS_TYPE_NAMES = new Set(['number', 'string', 'boolean', 'any', 'unknown', 'bigint', 'never', 'object', 'void']);
const JAVA_CONSTANT = /^([A-Z][A-Z0-9_]*)_CONFIG$/;
/** A camel-case or Pascal-case name (`acknowledgeMode`, `AckMode`): letters and digits with an upper-case hump. */
const CAMEL_CASE = /^[A-Za-z][a-z0-9]*[A-Z][A-Za-z0-9]*$/;
const BLOCK_KEYWORDS = new Set(['else', 'try', 'finally', 'do', 'get', 'set', 'init', 'unsafe', 'checked', 'lock']);

export interface CodeContext {
  file: string;
  lines: LineIndex;
  keys: KeyIndex;
  language: Language;
  /** Systems whose clients the file imports. */
  systems: readonly string[];
}

export function codeSettings(context: CodeContext, tokens: readonly Token[]): Setting[] {
  if (context.systems.length === 0) return [];
  const settings: Setting[] = [];
  const stack: Frame[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'punct' && (token.text === '(' || token.text === '{' || token.text === '[')) {
      const previous = tokens[i - 1];
      const frame: Frame = { open: token.text, start: token.span.start, index: i };
      if (previous?.kind === 'ident') frame.before = previous.text;
      stack.push(frame);
      if (token.text === '(' && previous?.kind === 'ident') {
        positional(context, tokens, i, stack, settings);
        const setter = setterAt(context, tokens, i, stack) ?? builderAt(context, tokens, i, stack);
        if (setter) settings.push(setter);
      }
      continue;
    }
    if (token.kind === 'punct' && (token.text === ')' || token.text === '}' || token.text === ']')) {
      stack.pop();
      continue;
    }
    const pair = keyValueAt(context, tokens, i, stack);
    if (pair) settings.push(pair);
  }
  if (context.systems.includes('rabbitmq')) for (const s of queueBuilderSettings(context, tokens)) settings.push(s);
  for (const setting of settings) {
    if (setting.entity || setting.system !== 'rabbitmq' || (setting.key !== 'durable' && setting.key !== 'auto-ack')) continue;
    const index = tokenAt(tokens, setting.keySpan.start);
    if (index === undefined) continue;
    setting.entity = setting.key === 'durable' ? declaredEntity(tokens, index, context.language) : consumedEntity(tokens, index, context.language);
  }
  return settings;
}

/**
 * Spring AMQP's `QueueBuilder.nonDurable("name")` and `QueueBuilder.durable("name")`: a transient or a durable queue,
 * with `.exclusive()` and `.autoDelete()` further along the same chain as its flags. The value is implied by the
 * method, so there is no value to fix in place. (`ExchangeBuilder…durable(false)` is a setter-like chain call, read by
 * the builder reader.)
 */
function queueBuilderSettings(context: CodeContext, tokens: readonly Token[]): Setting[] {
  const settings: Setting[] = [];
  for (let i = 2; i < tokens.length - 1; i++) {
    const token = tokens[i]!;
    if ((token.text !== 'nonDurable' && token.text !== 'durable') || tokens[i - 1]!.text !== '.' || tokens[i - 2]!.text !== 'QueueBuilder' || tokens[i + 1]!.text !== '(') continue;
    const info = context.keys.lookup('rabbitmq', 'durable');
    if (!info) break;
    const durable = token.text === 'durable' ? 'true' : 'false';
    const setting = makeSetting(context, 'rabbitmq', info.key, token, { text: durable, span: token.span, style: 'identifier', last: i }, undefined, `QueueBuilder.${token.text}`);
    const entity: Setting['entity'] = { kind: 'queue' };
    for (let k = i + 2; k < tokens.length && tokens[k]!.text !== ';' && !(tokens[k]!.lineStart && tokens[k]!.text !== '.'); k++) {
      if (tokens[k - 1]!.text !== '.' || tokens[k + 1]?.text !== '(') continue;
      if (tokens[k]!.text === 'exclusive') entity.exclusive = true;
      if (tokens[k]!.text === 'autoDelete') entity.autoDelete = true;
    }
    setting.entity = entity;
    settings.push(setting);
  }
  return settings;
}

/** The index of the token that contains `offset` (tokens are in source order). */
function tokenAt(tokens: readonly Token[], offset: number): number | undefined {
  let low = 0;
  let high = tokens.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const span = tokens[middle]!.span;
    if (offset < span.start) high = middle - 1;
    else if (offset >= span.end) low = middle + 1;
    else return middle;
  }
  return undefined;
}

/** A `key <separator> value` pattern starting at tokens[i], as one of the shapes above. */
function keyValueAt(context: CodeContext, tokens: readonly Token[], i: number, stack: readonly Frame[]): Setting | undefined {
  const key = tokens[i]!;
  const separator = tokens[i + 1];
  if (!separator || (separator.kind !== 'punct' && !(separator.kind === 'ident' && separator.text === 'to'))) return undefined;
  const frame = stack[stack.length - 1];
  const previous = tokens[i - 1];
  let valueIndex = i + 2;
  let keyText: string | undefined;
  // Whether keyText is a member path below a variable (`Producer.Retry.Max`), which is also how it is written.
  let pathKey = false;
  // A `put(…)` call or a `[…] =` subscript configures the object of the enclosing scope; its own brackets are no scope.
  let inOwnBrackets = false;
  // Kotlin's `"acks" to "0"` pairs (mapOf, hashMapOf, Properties().apply { … }).
  const kotlinPair = context.language === 'kotlin' && separator.kind === 'ident' && separator.text === 'to';
  if (kotlinPair) {
    keyText = key.kind === 'string' ? key.value : constantName(key.text);
    if (keyText === undefined) return undefined;
  } else if (key.kind === 'string') {
    const inMap = separator.text === ':' || separator.text === '=>';
    const inPut = separator.text === ',' && frame?.open === '(' && frame.before !== undefined
      && ((PUT_CALLEES.has(frame.before) && previous?.text === '(') || mapFactoryKey(tokens, i, frame));
    const subscript = separator.text === ']' && previous?.text === '[' && tokens[i + 2]?.text === '=' && tokens[i + 3]?.text !== '=';
    if (subscript) valueIndex = i + 3;
    if (!inMap && !inPut && !subscript) return undefined;
    // In a map literal the key must start an entry, not be a value (`{"a": "linger.ms"}`).
    if (inMap && previous && ![',', '{', '(', '['].includes(previous.text)) return undefined;
    keyText = key.value;
    inOwnBrackets = inPut || subscript;
  } else if (key.kind === 'ident') {
    const constant = kafkaConstant(context, tokens, i) ?? constantName(key.text);
    // props[ProducerConfig.ACKS_CONFIG] = "all" (Kotlin's indexed assignment; C# and Groovy read the same way).
    const constantSubscript = constant && separator.text === ']' && frame?.open === '[' && (previous?.text === '.' || previous?.text === '[')
      && tokens[i + 2]?.text === '=' && tokens[i + 3]?.text !== '=';
    if (constant && separator.text === ',' && frame?.open === '(' && frame.before !== undefined && (PUT_CALLEES.has(frame.before) || mapFactoryKey(tokens, i, frame))) {
      keyText = constant;
      inOwnBrackets = true;
    } else if (constant && constantSubscript) {
      keyText = constant;
      valueIndex = i + 3;
      inOwnBrackets = true;
    } else if (separator.text === '=' && tokens[i + 2]?.text !== '=') {
      const kwarg = frame?.open === '(' && (previous?.text === '(' || previous?.text === ',');
      const member = previous?.text === '.';
      const initializer = context.language === 'csharp' && frame?.open === '{' && frame.before !== undefined && !BLOCK_KEYWORDS.has(frame.before) && (previous?.text === '{' || previous?.text === ',');
      if (!kwarg && !member && !initializer) return undefined;
      keyText = key.text;
      // A field of a nested config struct (`config.Producer.Retry.Max = 5` in sarama): the path below the variable,
      // longest first, when the knowledge names it (`Producer.Retry.Max` is retries). Go only: elsewhere an attribute
      // chain such as `self.linger.ms` is no configuration struct.
      if (member && context.language === 'go') {
        const path = memberPath(tokens, i);
        for (let n = path.length - 1; n >= 2; n--) {
          const dotted = path.slice(-n).join('.');
          if (context.systems.some((s) => context.keys.lookup(s, dotted))) {
            keyText = dotted;
            pathKey = true;
            break;
          }
        }
      }
    } else if (separator.text === ':' && context.language !== 'python') {
      // `{ key: value }` (objects, composite and struct literals) everywhere; `f(name: value)` only in C#: elsewhere a
      // colon in parentheses is a type annotation (`function f(durable: boolean)`, `fun f(durable: Boolean)`).
      const named = (frame?.open === '{' && (previous?.text === '{' || previous?.text === ','))
        || (frame?.open === '(' && context.language === 'csharp' && (previous?.text === '(' || previous?.text === ','));
      if (!named) return undefined;
      keyText = key.text;
    } else {
      return undefined;
    }
  }
  if (keyText === undefined) return undefined;
  // Identifiers in code follow the language's casing (`acknowledgeMode`, `AckMode`); string keys are exact names.
  // Only camel-case names are matched loosely: `self._pubsub` is a private field, not the pubsub setting.
  const relaxed = key.kind === 'ident' && CAMEL_CASE.test(keyText);
  // A camel-case field matched loosely names a client's option, never a broker's: `LogDirs` in a franz-go
  // application is a field of a response, not the broker's log.dirs.
  const loosely = (system: string) => {
    const info = relaxed ? context.keys.lookupRelaxed(system, keyText!) : undefined;
    return info && info.scope !== 'broker' ? info : undefined;
  };
  // A server's configuration-file keys (nats-server's) are never an application's: `Password:` in a nats.go client's
  // Options is the client's credential, not the server's `authorization { password }`.
  const inCode = (info: KeyInfo | undefined) => (info?.configFilesOnly ? undefined : info);
  const find = (system: string) => inCode(context.keys.lookup(system, keyText!)) ?? inCode(loosely(system));
  const system = context.systems.find((s) => find(s));
  // A real Kafka name with no note (`'ssl.ca.location'`, `ProducerConfig.MAX_REQUEST_SIZE_CONFIG`) written as a key
  // in a file that imports a Kafka client is listed, undocumented; names written as identifiers must be dotted names.
  const undocumented = !system && (key.kind === 'string' || inOwnBrackets) && keyText.includes('.') && context.systems.includes('kafka')
    && context.keys.isValidName('kafka', keyText);
  if (!system && !undocumented) return undefined;
  let value = readValue(tokens, valueIndex, context.language) ?? expressionValue(context, tokens, valueIndex);
  if (!value) return undefined;
  // A Go duration (`500 * time.Millisecond`) for a key in milliseconds is a literal after all.
  const targetKey = system ? find(system)!.key : keyText;
  if (value.computed && context.language === 'go' && targetKey.endsWith('.ms')) {
    const ms = durationMs(tokens.slice(valueIndex, value.last + 1));
    if (ms !== undefined) {
      const { computed: _computed, ...literal } = value;
      value = { ...literal, style: 'identifier', effective: String(ms) };
    }
  } else if (pathKey && context.language === 'go' && targetKey.endsWith('.ms') && value.style === 'number' && value.text !== '0') {
    // A bare number in a Go time.Duration field is nanoseconds, not the key's milliseconds: unknown, never judged.
    value = { ...value, computed: true };
  }
  const scope = scopeOf(inOwnBrackets ? stack.slice(0, -1) : stack);
  if (undocumented) return { ...makeSetting(context, 'kafka', keyText.toLowerCase(), key, value, scope), documented: false };
  return makeSetting(context, system!, find(system!)!.key, key, value, scope, pathKey ? keyText : undefined);
}

/** The identifiers of a member chain ending at tokens[i]: `config.Producer.Retry.Max` → config, Producer, Retry, Max. */
function memberPath(tokens: readonly Token[], i: number): string[] {
  const path = [tokens[i]!.text];
  for (let k = i; k >= 2 && tokens[k - 1]?.text === '.' && tokens[k - 2]?.kind === 'ident' && path.length < 8; k -= 2) path.unshift(tokens[k - 2]!.text);
  return path;
}

/**
 * Kafka's configuration constants whose names do not end in `_CONFIG` (`ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION`)
 * or whose `_CONFIG` is part of the name (`SaslConfigs.SASL_JAAS_CONFIG` is `sasl.jaas.config`): qualified by one of
 * the client's config classes, as whichever reading is a real Kafka name.
 */
const KAFKA_CONFIG_CLASSES = new Set(['ProducerConfig', 'ConsumerConfig', 'CommonClientConfigs', 'AdminClientConfig', 'StreamsConfig', 'SaslConfigs', 'SslConfigs', 'TopicConfig']);
function kafkaConstant(context: CodeContext, tokens: readonly Token[], i: number): string | undefined {
  const name = tokens[i]!.text;
  if (!context.systems.includes('kafka') || tokens[i - 1]?.text !== '.' || !KAFKA_CONFIG_CLASSES.has(tokens[i - 2]?.text ?? '') || !/^[A-Z][A-Z0-9_]*$/.test(name)) return undefined;
  const whole = name.toLowerCase().replace(/_/g, '.');
  const stripped = whole.replace(/\.config$/, '');
  return [stripped, whole].find((n) => context.keys.lookup('kafka', n) || context.keys.isValidName('kafka', n));
}

/** The configuration name a `*_CONFIG` constant stands for (`LINGER_MS_CONFIG` is `linger.ms`). */
function constantName(text: string): string | undefined {
  return JAVA_CONSTANT.exec(text)?.[1]?.toLowerCase().replace(/_/g, '.');
}

/**
 * Java's `Map.of(k1, v1, k2, v2, …)` and `Map.entry(k, v)` (also Guava's ImmutableMap.of): keys are the arguments at
 * even positions.
 */
function mapFactoryKey(tokens: readonly Token[], i: number, frame: Frame): boolean {
  if ((frame.before !== 'of' && frame.before !== 'entry') || tokens[frame.index - 2]?.text !== '.') return false;
  if (!['Map', 'ImmutableMap'].includes(tokens[frame.index - 3]?.text ?? '')) return false;
  // The key may be a qualified constant (ProducerConfig.LINGER_MS_CONFIG): look before the whole name.
  let first = i;
  while (tokens[first - 1]?.text === '.' && tokens[first - 2]?.kind === 'ident') first -= 2;
  const previous = tokens[first - 1]?.text;
  if (previous !== '(' && previous !== ',') return false;
  let depth = 0;
  let argument = 0;
  for (let k = frame.index + 1; k < first; k++) {
    const text = tokens[k]!.text;
    if (text === '(' || text === '[' || text === '{') depth++;
    else if (text === ')' || text === ']' || text === '}') depth--;
    else if (text === ',' && depth === 0) argument++;
  }
  return argument % 2 === 0;
}

export interface CodeValue {
  text: string;
  /** An expression computed at run time rather than a literal (see Setting.computed). */
  computed?: true;
  span: Span;
  /** Index of the value's last token (`-5` and `AcknowledgeMode.NONE` take more than one). */
  last: number;
  style: NonNullable<Setting['valueStyle']>;
  effective?: string;
  booleanCase?: 'lower' | 'title';
}

export function readValue(tokens: readonly Token[], i: number, language: Language): CodeValue | undefined {
  const token = tokens[i];
  if (!token) return undefined;
  const next = tokens[i + 1];
  // A value that is only the start of an expression (`100 * 2`, `"a" + b`, `f(x)`) is not a literal.
  const ends = (t: Token | undefined) => !t || [',', ')', '}', ']', ';'].includes(t.text) || t.lineStart;
  if (token.kind === 'string') {
    if (!ends(next)) return undefined;
    return { text: token.value, span: token.inner!, style: 'quoted', last: i };
  }
  if (token.kind === 'number') {
    if (!ends(next)) return undefined;
    return withNumericValue({ text: token.text, span: token.span, style: 'number', last: i });
  }
  if (token.kind === 'punct' && token.text === '-' && tokens[i + 1]?.kind === 'number' && ends(tokens[i + 2])) {
    return withNumericValue({ text: `-${tokens[i + 1]!.text}`, span: { start: token.span.start, end: tokens[i + 1]!.span.end }, style: 'number', last: i + 1 });
  }
  // In TypeScript `{ acks: number }` is a type member, not a value.
  if (token.kind === 'ident' && language === 'javascript' && TS_TYPE_NAMES.has(token.text) && ends(next)) return undefined;
  if (token.kind === 'ident') {
    if (/^(true|false)$/i.test(token.text) && ends(next)) {
      const title = language === 'python' || /^[TF]/.test(token.text);
      return { text: token.text.toLowerCase(), span: token.span, style: 'boolean', booleanCase: title ? 'title' : 'lower', last: i };
    }
    // A constant such as sarama.NoResponse or Acks.All.
    let end = i;
    while (tokens[end + 1]?.text === '.' && tokens[end + 2]?.kind === 'ident') end += 2;
    if (!ends(tokens[end + 1])) return undefined;
    const chain = tokens.slice(i, end + 1).map((t) => t.text).join('');
    const lastTwo = chain.split('.').slice(-2).join('.');
    const effective = VALUE_CONSTANTS[lastTwo];
    const value: CodeValue = { text: chain, span: { start: token.span.start, end: tokens[end]!.span.end }, style: 'identifier', last: end };
    if (effective !== undefined) value.effective = effective;
    return value;
  }
  return undefined;
}

/**
 * A value computed at run time (`self.settings['KAFKA_ACKS']`, `os.getenv("ACKS", "all")`, `cfg.Acks()`): from
 * tokens[i] to the end of the argument, entry or statement. The key is set, to a value MQ Lens cannot know.
 */
export function expressionValue(context: Pick<CodeContext, 'language'>, tokens: readonly Token[], i: number): CodeValue | undefined {
  const first = tokens[i];
  if (!first || first.lineStart || [',', ')', '}', ']', ';', '='].includes(first.text)) return undefined;
  // A TypeScript type in an interface or a parameter list (`acks: number`, `acks?: Acks`) is not a value.
  if (context.language === 'javascript' && first.kind === 'ident' && TS_TYPE_NAMES.has(first.text)) return undefined;
  let depth = 0;
  let k = i;
  for (; k < tokens.length && k < i + 80; k++) {
    const t = tokens[k]!;
    if (k > i && depth === 0 && (t.lineStart || [',', ';'].includes(t.text))) break;
    if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
    else if (t.text === ')' || t.text === ']' || t.text === '}') {
      if (depth === 0) break;
      depth--;
    }
  }
  if (k === i || depth !== 0 || k >= i + 80) return undefined;
  const last = tokens[k - 1]!;
  const text = tokens.slice(i, k).map((t) => (t.kind === 'string' ? JSON.stringify(t.value) : t.text)).join(' ')
    .replace(/ ?([.([\]]) ?/g, '$1').replace(/ \)/g, ')').replace(/ ,/g, ',');
  return { text: text.length > 80 ? `${text.slice(0, 77)}…` : text, span: { start: first.span.start, end: last.span.end }, style: 'identifier', last: k - 1, computed: true };
}

/**
 * What a number literal means when it is not written as a plain decimal: `1_000` and `100L` are 1000 and 100,
 * `0x10` is 16, `1e3` is 1000. Rules compare plain decimals, so the meaning goes into `effective`.
 */
function withNumericValue(value: CodeValue): CodeValue {
  const negative = value.text.startsWith('-');
  const text = (negative ? value.text.slice(1) : value.text).replace(/_/g, '');
  let meaning: string | undefined;
  const based = /^0([xXbBoO])([0-9A-Fa-f]+?)(?:[lLuUn]+|[iu](?:8|16|32|64|128|size))?$/.exec(text);
  const decimal = /^(\d+(?:\.\d*)?|\.\d+)([eE][+-]?\d+)?(?:[lLuUnmMdDfF]+|[iu](?:8|16|32|64|128|size)|f32|f64)?$/.exec(text);
  if (based) {
    const radix = { x: 16, b: 2, o: 8 }[based[1]!.toLowerCase() as 'x' | 'b' | 'o'];
    const digits = based[2]!;
    if (new RegExp(radix === 16 ? '^[0-9A-Fa-f]+$' : radix === 8 ? '^[0-7]+$' : '^[01]+$').test(digits)) meaning = String(parseInt(digits, radix));
  } else if (decimal) {
    meaning = decimal[2] ? String(Number(decimal[1]! + decimal[2])) : decimal[1]!;
  }
  if (meaning === undefined) return value;
  meaning = negative ? `-${meaning}` : meaning;
  return meaning === value.text ? value : { ...value, effective: meaning };
}

/**
 * A bean-style setter with one literal argument, `factory.setAcknowledgeMode(AcknowledgeMode.NONE)`,
 * `template.setMandatory(false)`, `props.setAckMode(AckMode.RECORD)`: the setter's name after `set` names the key.
 * Only method calls count (`x.setY(…)`), and only names a client of the file's systems knows.
 */
function setterAt(context: CodeContext, tokens: readonly Token[], open: number, stack: readonly Frame[]): Setting | undefined {
  const callee = tokens[open - 1]!;
  const name = /^set([A-Z][A-Za-z0-9]*)$/.exec(callee.text)?.[1];
  if (!name || tokens[open - 2]?.text !== '.') return undefined;
  const system = context.systems.find((s) => context.keys.lookupRelaxed(s, name));
  if (!system) return undefined;
  const value = readValue(tokens, open + 1, context.language);
  if (!value || tokens[value.last + 1]?.text !== ')') return undefined;
  return makeSetting(context, system, context.keys.lookupRelaxed(system, name)!.key, callee, value, scopeOf(stack.slice(0, -1)), callee.text);
}

/** Microseconds in one unit of java.util.concurrent.TimeUnit, and in the units keys are documented in. */
const TIME_UNIT_MICROS: Readonly<Record<string, number>> = {
  NANOSECONDS: 0.001, MICROSECONDS: 1, MILLISECONDS: 1_000, SECONDS: 1_000_000, MINUTES: 60_000_000, HOURS: 3_600_000_000, DAYS: 86_400_000_000,
};
const KEY_UNIT_MICROS: Readonly<Record<string, number>> = { ms: 1_000, microseconds: 1, s: 1_000_000, seconds: 1_000_000 };

/**
 * A method of a fluent builder named after a key (BUILDER_ROOTS): `.enableBatching(false)`, `.receiverQueueSize(10)`,
 * `.sendTimeout(10, TimeUnit.SECONDS)`. A time unit argument converts the value into the key's unit; the written
 * number then means something else than the key's value, so it is marked as a constant and no fix rewrites it.
 */
function builderAt(context: CodeContext, tokens: readonly Token[], open: number, stack: readonly Frame[]): Setting | undefined {
  const callee = tokens[open - 1]!;
  if (tokens[open - 2]?.text !== '.' || context.language === 'go' || context.language === 'python') return undefined;
  const infoOf = (system: string) => (BUILDER_ROOTS[system] ? context.keys.lookup(system, callee.text) ?? context.keys.lookupRelaxed(system, callee.text) : undefined);
  const system = context.systems.find((s) => infoOf(s));
  const root = system ? builderRoot(tokens, open - 2, BUILDER_ROOTS[system]!) : undefined;
  if (!system || !root) return undefined;
  const setting = builderSetting(context, tokens, open, stack, infoOf(system)!, callee);
  // Spring AMQP's ExchangeBuilder chains configure an exchange, never a queue.
  if (setting && /Exchange$/.test(root)) setting.entity = { kind: 'exchange' };
  return setting;
}

function builderSetting(context: CodeContext, tokens: readonly Token[], open: number, stack: readonly Frame[], info: KeyInfo, callee: Token): Setting | undefined {
  const system = info.system;
  const value = readValue(tokens, open + 1, context.language);
  if (!value) return undefined;
  const after = tokens[value.last + 1];
  if (after?.text === ',') {
    let end = value.last + 2;
    while (tokens[end + 1]?.text === '.' && tokens[end + 2]?.kind === 'ident') end += 2;
    const unit = TIME_UNIT_MICROS[tokens[end]?.text ?? ''];
    const keyUnit = KEY_UNIT_MICROS[info.unit ?? ''];
    const number = Number(value.effective ?? value.text);
    if (unit === undefined || keyUnit === undefined || tokens[end + 1]?.text !== ')' || value.style !== 'number' || !Number.isFinite(number)) return undefined;
    const converted: CodeValue = {
      text: tokens.slice(open + 1, end + 1).map((t) => t.text).join(' ').replace(/ \. /g, '.').replace(/ ,/g, ','),
      span: { start: value.span.start, end: tokens[end]!.span.end }, style: 'identifier', last: end,
      effective: String(Math.round((number * unit) / keyUnit)),
    };
    return makeSetting(context, system, info.key, callee, converted, scopeOf(stack.slice(0, -1)), callee.text);
  }
  if (after?.text !== ')') return undefined;
  return makeSetting(context, system, info.key, callee, value, scopeOf(stack.slice(0, -1)), callee.text);
}

/** The root call of the chain of calls the `.` at tokens[dot] continues, when it is one of `roots`. */
function builderRoot(tokens: readonly Token[], dot: number, roots: ReadonlySet<string>): string | undefined {
  let k = dot - 1;
  for (let steps = 0; steps < 64 && k > 0 && tokens[k]!.text === ')'; steps++) {
    const open = matchingOpen(tokens, k);
    if (open === undefined) return undefined;
    const name = tokens[open - 1];
    if (!name || name.kind !== 'ident') return undefined;
    if (roots.has(name.text)) return name.text;
    if (tokens[open - 2]?.text !== '.') return undefined;
    k = open - 3;
  }
  return undefined;
}

/** Arguments given by position to calls whose signature is known (RabbitMQ consume and declare calls, …). */
function positional(context: CodeContext, tokens: readonly Token[], open: number, stack: readonly Frame[], settings: Setting[]): void {
  const callee = tokens[open - 1]!.text;
  for (const pattern of POSITIONAL_ARGUMENTS) {
    if (pattern.callee !== callee || !pattern.languages.includes(context.language) || !context.systems.includes(pattern.system)) continue;
    // Named arguments (`autoAck: true`, `auto_ack=True`) are not positional; the key-value pass finds them.
    const start = argumentAt(tokens, open, pattern.index);
    if (start === undefined) continue;
    const value = readValue(tokens, start, context.language);
    if (!value || (pattern.booleanOnly && value.style !== 'boolean' && value.style !== 'number')) continue;
    if (pattern.constants && (value.style !== 'identifier' || !pattern.constants.test(value.text))) continue;
    const info = context.keys.lookup(pattern.system, pattern.key);
    if (!info) continue;
    settings.push(makeSetting(context, pattern.system, info.key, tokens[open - 1]!, value, scopeOf(stack), pattern.label));
  }
}

function scopeOf(stack: readonly Frame[]): string | undefined {
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k]!.open === '{') return `block@${stack[k]!.start}`;
  const call = stack[stack.length - 1];
  return call ? `call@${call.start}` : undefined;
}

export function makeSetting(context: CodeContext, system: string, key: string, keyToken: Token, value: CodeValue, scope: string | undefined, rawKey?: string): Setting {
  const position = context.lines.positionAt(keyToken.span.start);
  const setting: Setting = {
    file: context.file, line: position.line, column: position.column, system, key,
    rawKey: rawKey ?? (keyToken.kind === 'string' ? keyToken.value : keyToken.text),
    value: value.text, keySpan: keyToken.kind === 'string' ? keyToken.inner! : keyToken.span, valueSpan: value.span, valueStyle: value.style,
  };
  if (value.effective !== undefined) setting.effectiveValue = value.effective;
  if (value.computed) setting.computed = true;
  if (value.booleanCase) setting.booleanCase = value.booleanCase;
  if (scope !== undefined) setting.scope = scope;
  // AMQP delivery mode 2 is persistent, 1 is transient; aio-pika names them DeliveryMode.PERSISTENT and NOT_PERSISTENT.
  if (key === 'persistent' && /delivery.?mode/i.test(setting.rawKey)) {
    const text = value.text;
    setting.effectiveValue = text === '2' || /\.PERSISTENT$/.test(text) ? 'true' : text === '1' || /\.(NOT|NON)_PERSISTENT$/.test(text) ? 'false' : value.effective ?? text;
  }
  return setting;
}
