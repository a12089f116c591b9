// Matches imported modules against the client catalogue (knowledge/clients/). The longest matching import prefix
// wins, so `org.apache.activemq.artemis…` is Artemis rather than ActiveMQ Classic.
import type { ClientInfo, Knowledge } from '../knowledgeTypes';
import type { Language } from '../code/lexer';
import { moduleName, type ScriptLanguage } from './scripts';

/** Catalogue languages whose imports a source language can use. */
const FAMILIES: Record<Language, readonly string[]> = {
  java: ['java', 'kotlin', 'scala'], kotlin: ['java', 'kotlin', 'scala'], scala: ['java', 'kotlin', 'scala'],
  javascript: ['javascript'], python: ['python'], go: ['go'], csharp: ['csharp'], rust: ['rust'],
};

/** What may follow an import prefix for a longer module to still match it. */
const BOUNDARY: Record<Language, string> = {
  java: '.', kotlin: '.', scala: '.', javascript: '/', python: '.', go: '/', csharp: '.', rust: '::',
};

interface Entry {
  prefix: string;
  client: ClientInfo;
}

export class ClientIndex {
  private readonly byLanguage = new Map<string, Entry[]>();
  private readonly byManifest = new Map<string, ClientInfo[]>();
  private readonly scriptEntries = new Map<ScriptLanguage, Entry[]>();
  /** Per language, lower-cased: the import prefixes, and every ancestor of one, for couldMatch. */
  private readonly prefixSets = new Map<Language, { prefixes: Set<string>; ancestors: Set<string> }>();

  constructor(knowledge: Knowledge) {
    for (const client of knowledge.clients) {
      for (const prefix of client.imports) {
        const list = this.byLanguage.get(client.language) ?? [];
        list.push({ prefix, client });
        this.byLanguage.set(client.language, list);
      }
    }
    for (const list of this.byLanguage.values()) list.sort((a, b) => b.prefix.length - a.prefix.length);
    for (const client of knowledge.clients) {
      for (const coordinate of client.manifests) {
        const id = coordinate.toLowerCase();
        this.byManifest.set(id, [...(this.byManifest.get(id) ?? []), client]);
      }
    }
  }

  /**
   * Whether a module could be, or could lead to, a catalogue client's import: a match, or a parent of one
   * (`google.cloud` before `import pubsub_v1`). Generous on purpose: it only decides what is worth tokenizing.
   */
  couldMatch(language: Language, module: string): boolean {
    const boundary = BOUNDARY[language];
    let sets = this.prefixSets.get(language);
    if (!sets) {
      sets = { prefixes: new Set(), ancestors: new Set() };
      for (const family of FAMILIES[language]) {
        for (const entry of this.byLanguage.get(family) ?? []) {
          const parts = entry.prefix.toLowerCase().split(boundary);
          sets.prefixes.add(parts.join(boundary));
          for (let i = 1; i < parts.length; i++) sets.ancestors.add(parts.slice(0, i).join(boundary));
        }
      }
      this.prefixSets.set(language, sets);
    }
    const lower = module.toLowerCase();
    // The module is a prefix, or the parent of one (`from google.cloud import pubsub_v1`)…
    if (sets.prefixes.has(lower) || sets.ancestors.has(lower)) return true;
    // …or lies below a prefix (`org.apache.kafka.clients.producer.KafkaProducer`).
    const parts = lower.split(boundary);
    for (let i = parts.length - 1; i >= 1; i--) if (sets.prefixes.has(parts.slice(0, i).join(boundary))) return true;
    return false;
  }

  /**
   * The clients a manifest coordinate names (`npm:kafkajs`, `maven:org.apache.kafka:kafka-clients`, …). Go modules
   * also match by prefix, so a listed `go:github.com/x/y` covers `github.com/x/y/v2` too.
   */
  matchManifest(coordinate: string): ClientInfo[] {
    const id = coordinate.toLowerCase();
    const exact = this.byManifest.get(id);
    if (exact) return exact;
    if (id.startsWith('go:')) {
      const withoutMajor = id.replace(/\/v\d+$/, '');
      return this.byManifest.get(withoutMajor) ?? [];
    }
    return [];
  }

  /**
   * The clients an import may refer to: every client whose matching import prefix is the longest. Usually one;
   * several when packages share an import name (boto3 for SQS and SNS, kafka-python and its fork).
   */
  /**
   * The client a Ruby, PHP or Elixir reference names (scripts.ts), with `::`, `/` and `\\` in catalogue prefixes read
   * as `.`: the longest prefix wins, case-sensitively, so `require "kafka"` and `Kafka.new` both name ruby-kafka.
   */
  matchScript(language: ScriptLanguage, module: string): ClientInfo | undefined {
    let entries = this.scriptEntries.get(language);
    if (!entries) {
      entries = (this.byLanguage.get(language) ?? []).map((e) => ({ prefix: moduleName(e.prefix), client: e.client }));
      this.scriptEntries.set(language, entries);
    }
    return entries.find((e) => module === e.prefix || module.startsWith(`${e.prefix}.`))?.client;
  }

  matchImport(language: Language, module: string): ClientInfo[] {
    const boundary = BOUNDARY[language];
    let best = -1;
    const matches: ClientInfo[] = [];
    for (const family of FAMILIES[language]) {
      for (const entry of this.byLanguage.get(family) ?? []) {
        if (entry.prefix.length < best) break;
        if (module !== entry.prefix && !module.startsWith(entry.prefix + boundary)) continue;
        if (entry.prefix.length > best) {
          best = entry.prefix.length;
          matches.length = 0;
        }
        if (!matches.includes(entry.client)) matches.push(entry.client);
      }
    }
    return matches;
  }
}
