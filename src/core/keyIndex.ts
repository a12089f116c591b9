// Looks up knowledge-base keys by any spelling: canonical key or alias, case-insensitively.
import type { KeyInfo, Knowledge, RuleInfo } from './knowledgeTypes';

export class KeyIndex {
  private readonly bySpelling = new Map<string, KeyInfo>();
  private readonly rulesByKey = new Map<string, RuleInfo[]>();

  constructor(readonly knowledge: Knowledge) {
    for (const info of knowledge.keys) {
      for (const spelling of [info.key, ...info.aliases]) {
        const id = spellingId(info.system, spelling);
        if (!this.bySpelling.has(id)) this.bySpelling.set(id, info);
      }
    }
    for (const rule of knowledge.rules) {
      const id = spellingId(rule.system, rule.when.key);
      this.rulesByKey.set(id, [...(this.rulesByKey.get(id) ?? []), rule]);
    }
  }

  /** The key a spelling stands for within one system, or undefined when the knowledge base does not know it. */
  lookup(system: string, spelling: string): KeyInfo | undefined {
    return this.bySpelling.get(spellingId(system, spelling));
  }

  /** Rules whose condition reads this canonical key. */
  rulesFor(system: string, key: string): RuleInfo[] {
    return this.rulesByKey.get(spellingId(system, key)) ?? [];
  }
}

function spellingId(system: string, spelling: string): string {
  return `${system}\u0000${spelling.toLowerCase()}`;
}
