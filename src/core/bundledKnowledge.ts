// The knowledge base compiled by the build (src/generated/knowledge.json), bundled into dist/ so that nothing
// parses YAML at run time. The index is built on first use, not at module load, to keep activation cheap.
import data from '../generated/knowledge.json';
import { ClientIndex } from './detect/clientIndex';
import { KeyIndex } from './keyIndex';
import type { Knowledge } from './knowledgeTypes';

export const knowledge = data as unknown as Knowledge;

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
