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
}

const USAGE_PATTERNS: readonly UsagePattern[] = [
  {
    system: 'redis', key: 'pubsub', value: 'used',
    modules: {
      python: ['redis'], javascript: ['ioredis', 'redis', '@redis/client'], go: ['github.com/redis/go-redis', 'github.com/go-redis/redis'],
      java: ['redis.clients.jedis', 'io.lettuce.core'], kotlin: ['redis.clients.jedis', 'io.lettuce.core'], csharp: ['StackExchange.Redis'],
    },
    methods: ['publish', 'subscribe', 'psubscribe', 'publishasync', 'subscribeasync'],
  },
];

export function usageSettings(file: string, language: Language, tokens: readonly Token[], imports: readonly ImportRef[], lines: LineIndex, keys: KeyIndex): Setting[] {
  const settings: Setting[] = [];
  for (const pattern of USAGE_PATTERNS) {
    const modules = pattern.modules[language];
    if (!modules || !imports.some((i) => modules.some((m) => i.module === m || i.module.startsWith(`${m}.`) || i.module.startsWith(`${m}/`)))) continue;
    const info = keys.lookup(pattern.system, pattern.key);
    if (!info) continue;
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
