// Celery's settings in Python: module-level assignments in a settings module (`task_acks_late = True` in
// celeryconfig.py, `CELERY_TASK_ACKS_LATE = True` under Django's CELERY_ namespace, the pre-4.0 `CELERYD_…` names),
// `app.conf.task_acks_late = True`, `app.conf.update(task_acks_late=True)` and `broker_transport_options =
// {"visibility_timeout": 3600}`. Celery is not a broker: its keys are known under each broker it runs on
// (knowledge/keys/celery.yaml), and a setting is filed under the broker the same module's broker URL names, or under
// RabbitMQ, Celery's default broker.
import type { KeyIndex } from '../keyIndex';
import type { LineIndex } from '../text';
import type { Setting } from '../types';
import { BROKER_VALUE_WORDS } from '../detect/patterns';
import type { Token } from './lexer';
import { expressionValue, makeSetting, readValue, type CodeContext, type CodeValue } from './literals';

/** Whether a Python file may hold Celery settings: it imports Celery, or assigns CELERY_ names, or is named for it. */
export function mayHoldCelerySettings(file: string, text: string): boolean {
  return /^[ \t]*(?:from|import)[ \t]+celery\b/m.test(text) || /^CELERYD?_[A-Z_]+[ \t]*[:=]/m.test(text) || /celery[\w-]*\.py$/i.test(file);
}

/** Celery's keys in knowledge/keys/celery.yaml (task_…, worker_…, accept_content); broker keys never match. */
const CELERY_KEY = /^(task_|worker_)|^accept_content$/;
const BROKER_NAMES = new Set(['broker_url', 'BROKER_URL', 'CELERY_BROKER_URL']);
const TRANSPORT_OPTIONS = new Set(['broker_transport_options', 'BROKER_TRANSPORT_OPTIONS', 'CELERY_BROKER_TRANSPORT_OPTIONS']);

export function celerySettings(file: string, tokens: readonly Token[], lines: LineIndex, keys: KeyIndex): Setting[] {
  const named = brokerOf(tokens);
  const broker = named ?? 'rabbitmq';
  const context = { file, lines, keys, language: 'python' as const, systems: [broker] };
  const settings: Setting[] = [];
  // Only Celery's own keys (knowledge/keys/celery.yaml): the broker's keys under the same system (`no_ack`) are
  // not Celery settings, and Celery's own modules pass them to kombu.
  const celeryKey = (info: ReturnType<KeyIndex['lookup']>) => (info && CELERY_KEY.test(info.key) ? info : undefined);
  const keyOf = (name: string) => celeryKey(keys.lookup(broker, name))
    ?? (/^CELERYD?_/.test(name) ? celeryKey(keys.lookup(broker, name.replace(/^CELERYD?_/, '').toLowerCase())) : undefined);
  let depth = 0;
  for (let i = 0; i < tokens.length - 2; i++) {
    const token = tokens[i]!;
    if (token.text === '(' || token.text === '[' || token.text === '{') depth++;
    else if ((token.text === ')' || token.text === ']' || token.text === '}') && depth > 0) depth--;
    if (token.kind !== 'ident') continue;
    // `NAME: Final[int] = value`: an annotated assignment, read past its annotation.
    const equals = tokens[i + 1]!.text === ':' && token.lineStart && depth === 0 ? annotationEnd(tokens, i + 1) : i + 1;
    const assigned = tokens[equals]?.text === '=' && tokens[equals + 1]?.text !== '=';
    // `NAME = value` at module level (first on its line, outside any bracket), or `app.conf.NAME = value`.
    const moduleLevel = assigned && token.lineStart && depth === 0 && token.span.start === lines.offsetAt({ line: token.line, column: 1 });
    const onConf = assigned && tokens[i - 1]?.text === '.' && tokens[i - 2]?.text === 'conf';
    // `app.conf.update(NAME=value, …)`: keyword arguments of conf.update.
    const inUpdate = assigned && (tokens[i - 1]?.text === '(' || tokens[i - 1]?.text === ',') && confUpdateCall(tokens, i);
    if (!moduleLevel && !onConf && !inUpdate) continue;
    const at = equals + 1;
    if (TRANSPORT_OPTIONS.has(token.text)) {
      // Kombu's Redis transport options: read when the module's broker is Redis or not named here (RabbitMQ has no
      // visibility timeout, and with SQS the same names configure SQS itself).
      if (named === undefined || named === 'redis') for (const s of transportOptions(context, tokens, at)) settings.push(s);
      continue;
    }
    // Celery's own keys with notes; else any other name Celery defines (knowledge/keys/celery-names.json), listed as
    // an undocumented setting so a reviewer sees it (`CELERY_TASK_DEFAULT_QUEUE`, `broker_heartbeat`).
    // Undocumented names only where the module is plainly Celery's: on `app.conf`, under Django's `CELERY_` namespace,
    // or in a module named for Celery. An app's own `redis_host` or `database_url` next to a Celery import is not one.
    const plainlyCelery = onConf || inUpdate || /^CELERY_/.test(token.text) || CELERY_MODULE.test(file);
    const key = keyOf(token.text)?.key ?? (plainlyCelery ? celeryName(keys, token.text) : undefined);
    if (key === undefined) continue;
    const value = listValue(tokens, at) ?? productValue(tokens, at) ?? readValue(tokens, at, 'python') ?? expressionValue({ language: 'python' }, tokens, at);
    if (value) settings.push(makeSetting(context, broker, key, token, value, undefined, token.text));
  }
  return settings;
}

/** Modules that hold Celery's configuration by name: `celery.py`, `celeryconfig.py`, `celery_settings.py`. */
const CELERY_MODULE = /(?:^|[\\/])celery[\w-]*\.py$/i;

/** Names Celery defines that are too generic to claim in a module on their own (`timezone = "UTC"`). */
const GENERIC_NAMES = new Set(['imports', 'include', 'timezone']);

/**
 * A Celery setting name as written, in its canonical lower-case form: `task_default_queue`, or under Django's
 * namespace `CELERY_TASK_DEFAULT_QUEUE`; undefined for anything Celery does not define.
 */
function celeryName(keys: KeyIndex, written: string): string | undefined {
  const name = /^CELERY_[A-Z0-9_]+$/.test(written) ? written.slice('CELERY_'.length).toLowerCase() : written;
  if (name !== name.toLowerCase() || GENERIC_NAMES.has(name) || TRANSPORT_OPTIONS.has(name)) return undefined;
  return keys.isValidName('celery', name) ? name : undefined;
}

/**
 * The broker the module configures, from the strings and variable names of its broker URL (`redis://…`, `REDIS_URL`,
 * `sqs://`); undefined when the module does not set one (task settings then go under RabbitMQ, Celery's default
 * broker, amqp://guest@localhost//).
 */
function brokerOf(tokens: readonly Token[]): string | undefined {
  for (let i = 0; i < tokens.length - 1; i++) {
    const token = tokens[i]!;
    // `broker_url = …` in a module, or `Celery("app", broker="…")`.
    const keyword = token.text === 'broker' && (tokens[i - 1]?.text === '(' || tokens[i - 1]?.text === ',');
    if (token.kind !== 'ident' || !(BROKER_NAMES.has(token.text) || keyword) || tokens[i + 1]!.text !== '=') continue;
    const [first] = valueBrokers(tokens, i + 2, statementEnd(tokens, i + 2));
    if (first) return first;
  }
  return undefined;
}

/**
 * Where the Python statement whose value starts at tokens[start] ends: at the next token that begins a line, unless
 * the line before ended inside a call or a list (a `,` or a `(`).
 */
export function statementEnd(tokens: readonly Token[], start: number): number {
  let end = start + 1;
  while (end < tokens.length && !(tokens[end]!.lineStart && tokens[end - 1]!.text !== ',' && tokens[end - 1]!.text !== '(')) end++;
  return Math.min(end, tokens.length);
}

/** The brokers a broker setting's value names in tokens[start, end): its strings (`redis://…`) and names (`CLOUDAMQP_URL`). */
export function valueBrokers(tokens: readonly Token[], start: number, end: number): string[] {
  const brokers: string[] = [];
  for (let k = start; k < end; k++) {
    const t = tokens[k]!;
    const text = t.kind === 'string' ? t.value : t.kind === 'ident' ? t.text : '';
    for (const { pattern, broker } of BROKER_VALUE_WORDS) if (text && pattern.test(text) && !brokers.includes(broker)) brokers.push(broker);
  }
  return brokers;
}

/** The index of the `=` that ends the annotation starting at the `:` at tokens[colon], or -1 when there is none. */
function annotationEnd(tokens: readonly Token[], colon: number): number {
  let depth = 0;
  for (let k = colon + 1; k < tokens.length && k < colon + 24; k++) {
    const t = tokens[k]!;
    if (t.lineStart && depth === 0) return -1;
    if (t.text === '[' || t.text === '(') depth++;
    else if (t.text === ']' || t.text === ')') depth--;
    else if (t.text === '=' && depth === 0) return k;
  }
  return -1;
}

/** Whether the keyword argument at tokens[i] is inside a `….conf.update(` call. */
function confUpdateCall(tokens: readonly Token[], i: number): boolean {
  let depth = 0;
  for (let k = i - 1; k >= 0 && k > i - 400; k--) {
    const text = tokens[k]!.text;
    if (text === ')' || text === ']' || text === '}') depth++;
    else if (text === '(' || text === '[' || text === '{') {
      if (depth === 0) return text === '(' && tokens[k - 1]?.text === 'update' && tokens[k - 2]?.text === '.' && tokens[k - 3]?.text === 'conf';
      depth--;
    }
  }
  return false;
}

/** `["json", "pickle"]`, `("json",)`, `{"json"}`: a list of strings, as a comma-separated value. No fix rewrites it. */
function listValue(tokens: readonly Token[], start: number): CodeValue | undefined {
  const open = tokens[start];
  if (!open || !['[', '('].includes(open.text) && !(open.text === '{' && tokens[start + 2]?.text !== ':')) return undefined;
  const close = open.text === '[' ? ']' : open.text === '(' ? ')' : '}';
  const items: string[] = [];
  let k = start + 1;
  for (; k < tokens.length && tokens[k]!.text !== close; k++) {
    const t = tokens[k]!;
    if (t.kind === 'string') items.push(t.value);
    else if (t.text !== ',') return undefined;
  }
  if (k >= tokens.length || items.length === 0) return undefined;
  return { text: items.join(','), span: { start: open.span.start, end: tokens[k]!.span.end }, style: 'identifier', last: k };
}

/** `30 * 60`, `2 * 60 * 60`: a product of integers (time limits are written so), with its value. */
function productValue(tokens: readonly Token[], start: number): CodeValue | undefined {
  let k = start;
  let product = 1;
  let factors = 0;
  while (tokens[k]?.kind === 'number' && /^\d+$/.test(tokens[k]!.text.replace(/_/g, ''))) {
    product *= Number(tokens[k]!.text.replace(/_/g, ''));
    factors++;
    if (tokens[k + 1]?.text !== '*' || tokens[k + 2]?.kind !== 'number') break;
    k += 2;
  }
  const next = tokens[k + 1];
  if (factors < 2 || (next && ![',', ')', '}', ']'].includes(next.text) && !next.lineStart)) return undefined;
  const text = tokens.slice(start, k + 1).map((t) => t.text).join(' ');
  return { text, span: { start: tokens[start]!.span.start, end: tokens[k]!.span.end }, style: 'identifier', last: k, effective: String(product) };
}

/** `{"visibility_timeout": 3600, …}`: the Redis transport's options that MQ Lens knows. */
function transportOptions(context: CodeContext, tokens: readonly Token[], start: number): Setting[] {
  if (tokens[start]?.text !== '{' && !(tokens[start]?.text === 'dict' && tokens[start + 1]?.text === '(')) return [];
  const settings: Setting[] = [];
  let depth = 0;
  for (let k = start; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.text === '{' || t.text === '(' || t.text === '[') depth++;
    else if (t.text === '}' || t.text === ')' || t.text === ']') {
      if (--depth === 0) break;
    } else if (depth === 1 && (t.kind === 'string' || t.kind === 'ident') && (tokens[k + 1]?.text === ':' || tokens[k + 1]?.text === '=')) {
      const name = t.kind === 'string' ? t.value : t.text;
      const info = context.keys.lookup('redis', name);
      const value = info && (productValue(tokens, k + 2) ?? readValue(tokens, k + 2, 'python'));
      if (info && value) settings.push(makeSetting({ ...context, systems: ['redis'] }, 'redis', info.key, t, value, undefined, name));
    }
  }
  return settings;
}
