// Matches imported modules against the client catalogue (knowledge/clients/). The longest matching import prefix
// wins, so `org.apache.activemq.artemis…` is Artemis rather than ActiveMQ Classic.
import type { ClientInfo, Knowledge } from '../knowledgeTypes';
import type { Language } from '../code/lexer';

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

  constructor(knowledge: Knowledge) {
    for (const client of knowledge.clients) {
      for (const prefix of client.imports) {
        const list = this.byLanguage.get(client.language) ?? [];
        list.push({ prefix, client });
        this.byLanguage.set(client.language, list);
      }
    }
    for (const list of this.byLanguage.values()) list.sort((a, b) => b.prefix.length - a.prefix.length);
  }

  /** The client an import refers to, or undefined. */
  matchImport(language: Language, module: string): ClientInfo | undefined {
    const boundary = BOUNDARY[language];
    for (const family of FAMILIES[language]) {
      for (const entry of this.byLanguage.get(family) ?? []) {
        if (module === entry.prefix || module.startsWith(entry.prefix + boundary)) return entry.client;
      }
    }
    return undefined;
  }
}
