// Looks up knowledge-base keys by any spelling: canonical key or alias, case-insensitively.
import type { KeyInfo, Knowledge, RuleInfo } from './knowledgeTypes';

export class KeyIndex {
  private readonly bySpelling = new Map<string, KeyInfo>();
  private readonly rulesByKey = new Map<string, RuleInfo[]>();
  private readonly bySpringName = new Map<string, KeyInfo>();
  private readonly systemsBySpelling = new Map<string, string[]>();
  private readonly validNames = new Map<string, Set<string>>();
  private byRelaxed: Map<string, KeyInfo> | undefined;

  constructor(readonly knowledge: Knowledge) {
    for (const info of knowledge.keys) {
      for (const spelling of [info.key, ...info.aliases]) {
        const id = spellingId(info.system, spelling);
        if (!this.bySpelling.has(id)) this.bySpelling.set(id, info);
        const systems = this.systemsBySpelling.get(spelling.toLowerCase()) ?? [];
        if (!systems.includes(info.system)) this.systemsBySpelling.set(spelling.toLowerCase(), [...systems, info.system]);
      }
      for (const name of info.spring ?? []) this.bySpringName.set(relaxedName(name), info);
    }
    for (const rule of knowledge.rules) {
      const readKeys = [rule.when?.key, ...(rule.and ?? []).map((c) => c.key)].filter((k): k is string => k !== undefined);
      for (const system of [rule.system, ...(rule.alsoFor ?? [])]) {
        for (const key of new Set(readKeys.map((k) => this.lookup(system, k)?.key ?? k))) {
          const id = spellingId(system, key);
          this.rulesByKey.set(id, [...(this.rulesByKey.get(id) ?? []), rule]);
        }
      }
    }
  }

  /** The key a spelling stands for within one system, or undefined when the knowledge base does not know it. */
  lookup(system: string, spelling: string): KeyInfo | undefined {
    return this.bySpelling.get(spellingId(system, spelling));
  }

  /**
   * The key a name in code stands for when case, dashes, dots and underscores are ignored: `acknowledgeMode`,
   * `AcknowledgeMode` and `acknowledge_mode` all name `acknowledge-mode`. Code only; configuration files spell keys exactly.
   */
  lookupRelaxed(system: string, name: string): KeyInfo | undefined {
    if (!this.byRelaxed) {
      this.byRelaxed = new Map();
      for (const info of this.knowledge.keys) {
        for (const spelling of [info.key, ...info.aliases]) {
          const id = `${info.system}\u0000${relaxedName(spelling).replace(/\./g, '')}`;
          if (!this.byRelaxed.has(id)) this.byRelaxed.set(id, info);
        }
      }
    }
    return this.byRelaxed.get(`${system}\u0000${relaxedName(name).replace(/\./g, '')}`);
  }

  /** The key a Spring Boot property sets (relaxed binding: case, dashes and underscores do not matter). */
  lookupSpring(name: string): KeyInfo | undefined {
    return this.bySpringName.get(relaxedName(name));
  }

  /** The systems that know a spelling, in knowledge order. */
  systemsFor(spelling: string): readonly string[] {
    return this.systemsBySpelling.get(spelling.toLowerCase()) ?? [];
  }

  /**
   * Whether a name is one of the system's real configuration names (knowledge/keys/*-names.json), documented by a
   * note or not. Systems without such a list know no undocumented names.
   */
  isValidName(system: string, name: string): boolean {
    let names = this.validNames.get(system);
    if (!names) {
      names = new Set((this.knowledge.names[system] ?? []).map((n) => n.toLowerCase()));
      this.validNames.set(system, names);
    }
    return names.has(name.toLowerCase());
  }

  /** Rules whose conditions read this canonical key. */
  rulesFor(system: string, key: string): RuleInfo[] {
    return this.rulesByKey.get(spellingId(system, key)) ?? [];
  }
}

function spellingId(system: string, spelling: string): string {
  return `${system}\u0000${spelling.toLowerCase()}`;
}

/** Spring Boot's relaxed binding: `batch-size`, `batchSize` and `batch_size` name the same property. */
export function relaxedName(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}
