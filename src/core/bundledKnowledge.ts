// The knowledge base compiled by the build (src/generated/knowledge.json), bundled into dist/ so that nothing
// parses YAML at run time. It is parsed on first use, not at load: activation only registers providers, and the
// bundle carries the data as a JSON string (scripts/build.mjs), which JSON.parse reads quickly when it is needed.
import { ClientIndex } from './detect/clientIndex';
import { KeyIndex } from './keyIndex';
import type { Knowledge } from './knowledgeTypes';

let parsed: Knowledge | undefined;
function data(): Knowledge {
  parsed ??= require('../generated/knowledge.json') as Knowledge;
  return parsed;
}

/** The knowledge base; each part is read on first access. */
export const knowledge: Knowledge = {
  get brokers() { return data().brokers; },
  get clients() { return data().clients; },
  get keys() { return data().keys; },
  get rules() { return data().rules; },
  get wizard() { return data().wizard; },
  get names() { return data().names; },
};

let index: KeyIndex | undefined;
export function bundledKeyIndex(): KeyIndex {
  index ??= new KeyIndex(knowledge);
  return index;
}

let clients: ClientIndex | undefined;
export function bundledClientIndex(): ClientIndex {
  clients ??= new ClientIndex(knowledge);
  return clients;
}
