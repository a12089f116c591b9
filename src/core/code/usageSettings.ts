// Settings implied by what code does rather than by a value it writes: a file that imports a Redis client and calls
// `.publish(…)` or `.subscribe(…)` uses Redis pub/sub, which keeps nothing for a subscriber that is away.
import type { KeyIndex } from '../keyIndex';
import type { LineIndex } from '../text';
import type { Setting } from '../types';
import type { ImportRef } from './imports';
import type { Language, Token } from './lexer';

interface UsagePattern {
  system: string;
  key: string;
  value: string;
  /** Imported modules (exact, or followed by `.`, `/` or `::`) that make the calls count. */
  modules: Partial<Record<Language, readonly string[]>>;
  /** Method names, compared case-insensitively; they count only as `.name(` (a method call). */
  methods: readonly string[];
  /**
   * Method calls (case-insensitive, as `.name(`) and import fragments that change what the calls mean: pub/sub beside
   * data kept in keys, lists or streams is a wake-up signal, not the only copy of the message.
   */
  unless: { methods: readonly string[]; imports: readonly string[] };
}

const USAGE_PATTERNS: readonly UsagePattern[] = [
  {
    system: 'redis', key: 'pubsub', value: 'used',
    modules: {
      python: ['redis'], javascript: ['ioredis', 'redis', '@redis/client'], go: ['github.com/redis/go-redis', 'github.com/go-redis/redis'],
      java: ['redis.clients.jedis', 'io.lettuce.core'], kotlin: ['redis.clients.jedis', 'io.lettuce.core'], csharp: ['StackExchange.Redis'],
    },
    methods: ['publish', 'subscribe', 'psubscribe', 'publishasync', 'subscribeasync'],
    unless: {
      methods: [
        'set', 'setex', 'psetex', 'setnx', 'mset', 'hset', 'hmset', 'lpush', 'rpush', 'lpushx', 'rpushx', 'xadd', 'zadd', 'sadd',
        'stringsetasync', 'hashsetasync', 'listleftpushasync', 'listrightpushasync', 'streamaddasync', 'sortedsetaddasync',
      ],
      // Libraries that put their own publish/subscribe over Redis Streams (Watermill's redisstream, say).
      imports: ['redisstream', 'redis-streams', 'redis_streams'],
    },
  },
];

export function usageSettings(file: string, language: Language, tokens: readonly Token[], imports: readonly ImportRef[], lines: LineIndex, keys: KeyIndex): Setting[] {
  const settings: Setting[] = [];
  for (const pattern of USAGE_PATTERNS) {
    const modules = pattern.modules[language];
    if (!modules || !imports.some((i) => modules.some((m) => i.module === m || i.module.startsWith(`${m}.`) || i.module.startsWith(`${m}/`)))) continue;
    const info = keys.lookup(pattern.system, pattern.key);
    if (!info) continue;
    if (imports.some((i) => pattern.unless.imports.some((fragment) => i.module.toLowerCase().includes(fragment)))) continue;
    if (callsMethod(tokens, pattern.unless.methods)) continue;
    for (let i = 1; i < tokens.length - 1; i++) {
      const token = tokens[i]!;
      if (token.kind !== 'ident' || tokens[i - 1]!.text !== '.' || tokens[i + 1]!.text !== '(' || !pattern.methods.includes(token.text.toLowerCase())) continue;
      const position = lines.positionAt(token.span.start);
      settings.push({
        file, line: position.line, column: position.column, system: pattern.system, key: info.key, rawKey: token.text,
        value: pattern.value, keySpan: token.span, valueSpan: token.span, valueStyle: 'identifier',
      });
    }
  }
  return settings;
}

/** Whether the tokens hold `.name(` for one of the (lower-case) method names. */
function callsMethod(tokens: readonly Token[], methods: readonly string[]): boolean {
  for (let i = 1; i < tokens.length - 1; i++) {
    const token = tokens[i]!;
    if (token.kind === 'ident' && tokens[i - 1]!.text === '.' && tokens[i + 1]!.text === '(' && methods.includes(token.text.toLowerCase())) return true;
  }
  return false;
}
