// Reads knowledge/*.yaml, validates every file against its JSON Schema, checks what a schema cannot (unique ids,
// rules that read known keys) and returns the compiled knowledge base. Every problem names its file, line and column.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { BrokerInfo, ClientInfo, KeyInfo, Knowledge, RuleInfo } from '../../src/core/knowledgeTypes';

export interface KnowledgeProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface LoadResult {
  knowledge: Knowledge;
  problems: KnowledgeProblem[];
  /** Files read, relative to the repository root. */
  files: string[];
}

type Kind = 'brokers' | 'clients' | 'keys' | 'rules';
const KINDS: Record<Kind, string> = {
  brokers: 'broker.schema.json',
  clients: 'client.schema.json',
  keys: 'key.schema.json',
  rules: 'rule.schema.json',
};

interface ParsedFile {
  file: string;
  text: string;
  document: Document;
  lines: LineCounter;
  data: unknown;
}

export function loadKnowledge(root: string): LoadResult {
  const knowledgeDir = path.join(root, 'knowledge');
  const validators = compileSchemas(path.join(knowledgeDir, 'schema'));
  const problems: KnowledgeProblem[] = [];
  const files: string[] = [];
  const knowledge: Knowledge = { brokers: [], clients: [], keys: [], rules: [], wizard: { steps: [], useCases: [], faq: [], starters: [] }, names: {} };
  const origins = new Map<object, ParsedFile>();

  for (const kind of Object.keys(KINDS) as Kind[]) {
    const dir = path.join(knowledgeDir, kind);
    const names = fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort() : [];
    for (const name of names) {
      const file = path.relative(root, path.join(dir, name)).split(path.sep).join('/');
      files.push(file);
      const parsed = parseFile(file, fs.readFileSync(path.join(dir, name), 'utf8'), problems);
      if (!parsed) continue;
      const validate = validators[kind];
      if (!validate(parsed.data)) {
        for (const error of validate.errors ?? []) problems.push(schemaProblem(parsed, error));
        continue;
      }
      addToKnowledge(kind, parsed, knowledge, origins);
    }
  }
  loadWizard(knowledgeDir, root, knowledge, problems, files);
  loadNames(knowledgeDir, root, knowledge, problems, files);
  deriveLanguages(knowledge);
  crossCheck(knowledge, origins, problems);
  return { knowledge, problems, files };
}

/**
 * knowledge/keys/<system>-names.json: every valid configuration name of a system, by category, with its source.
 * Documented keys and their aliases join the list, so a key MQ Lens explains is never taken for a misspelling.
 */
function loadNames(knowledgeDir: string, root: string, knowledge: Knowledge, problems: KnowledgeProblem[], files: string[]): void {
  const dir = path.join(knowledgeDir, 'keys');
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('-names.json')).sort()) {
    const file = path.relative(root, path.join(dir, name)).split(path.sep).join('/');
    files.push(file);
    const system = name.replace(/-names\.json$/, '');
    let data: { source?: unknown; names?: Record<string, unknown> };
    try {
      data = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as typeof data;
    } catch (error) {
      problems.push({ file, line: 1, column: 1, message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    if (typeof data.source !== 'string' || !data.names || typeof data.names !== 'object') {
      problems.push({ file, line: 1, column: 1, message: 'needs "source" (a string) and "names" (lists by category)' });
      continue;
    }
    const all = new Set<string>();
    for (const [category, list] of Object.entries(data.names)) {
      if (!Array.isArray(list) || !list.every((n) => typeof n === 'string' && /^[a-z0-9][a-z0-9._-]*$/.test(n))) {
        problems.push({ file, line: 1, column: 1, message: `names.${category} must be a list of lower-case configuration names` });
        continue;
      }
      for (const n of list) all.add(n);
    }
    for (const key of knowledge.keys.filter((k) => k.system === system)) {
      for (const spelling of [key.key, ...key.aliases]) if (/^[a-z0-9][a-z0-9._-]*$/.test(spelling)) all.add(spelling);
    }
    knowledge.names[system] = [...all].sort();
  }
}

/** A client counts as maintained for the wizard's language answers while it is active or merely quiet. */
const MAINTAINED = new Set(['active', 'low-activity']);

/** Each broker's languages come from its maintained catalogue clients: one list, so the wizard cannot disagree with it. */
function deriveLanguages(knowledge: Knowledge): void {
  for (const broker of knowledge.brokers) {
    const byLanguage: Record<string, string[]> = {};
    for (const client of knowledge.clients) {
      if (client.broker !== broker.id || !MAINTAINED.has(client.status)) continue;
      (byLanguage[client.language] ??= []).push(client.name);
    }
    broker.clientsByLanguage = byLanguage;
    broker.languages = Object.keys(byLanguage).sort();
  }
}

/** The wizard's files, each with its own schema: knowledge/wizard/<name>.yaml. */
const WIZARD_FILES = {
  'questions.yaml': ['questions.schema.json', 'steps', 'steps'],
  'fit.yaml': ['fit.schema.json', 'useCases', 'useCases'],
  'faq.yaml': ['faq.schema.json', 'entries', 'faq'],
  'starters.yaml': ['starter.schema.json', 'starters', 'starters'],
} as const;

function loadWizard(knowledgeDir: string, root: string, knowledge: Knowledge, problems: KnowledgeProblem[], files: string[]): void {
  const schemaDir = path.join(knowledgeDir, 'schema');
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  for (const name of fs.readdirSync(schemaDir).filter((n) => n.endsWith('.schema.json'))) {
    ajv.addSchema(JSON.parse(fs.readFileSync(path.join(schemaDir, name), 'utf8')), name);
  }
  for (const [name, [schema, property, target]] of Object.entries(WIZARD_FILES)) {
    const absolute = path.join(knowledgeDir, 'wizard', name);
    if (!fs.existsSync(absolute)) continue;
    const file = path.relative(root, absolute).split(path.sep).join('/');
    files.push(file);
    const parsed = parseFile(file, fs.readFileSync(absolute, 'utf8'), problems);
    if (!parsed) continue;
    const validate = ajv.getSchema(schema)!;
    if (!validate(parsed.data)) {
      for (const error of validate.errors ?? []) problems.push(schemaProblem(parsed, error));
      continue;
    }
    (knowledge.wizard as unknown as Record<string, unknown>)[target] = (parsed.data as Record<string, unknown>)[property];
  }
}

function compileSchemas(schemaDir: string): Record<Kind, ValidateFunction> {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  for (const name of fs.readdirSync(schemaDir).filter((n) => n.endsWith('.schema.json'))) {
    ajv.addSchema(JSON.parse(fs.readFileSync(path.join(schemaDir, name), 'utf8')), name);
  }
  const result = {} as Record<Kind, ValidateFunction>;
  for (const [kind, schema] of Object.entries(KINDS) as Array<[Kind, string]>) {
    const validate = ajv.getSchema(schema);
    if (!validate) throw new Error(`knowledge/schema/${schema} is missing`);
    result[kind] = validate;
  }
  return result;
}

function parseFile(file: string, text: string, problems: KnowledgeProblem[]): ParsedFile | undefined {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const position = lines.linePos(error.pos[0]);
      problems.push({ file, line: position.line, column: position.col, message: error.message.split('\n')[0]! });
    }
    return undefined;
  }
  return { file, text, document, lines, data: document.toJS() };
}

/** Places a schema error on the YAML node it is about, or on its nearest existing parent. */
function schemaProblem(parsed: ParsedFile, error: ErrorObject): KnowledgeProblem {
  const pathParts = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let offset = 0;
  for (let length = pathParts.length; length >= 0; length--) {
    const node = parsed.document.getIn(pathParts.slice(0, length).map((p) => (/^\d+$/.test(p) ? Number(p) : p)), true);
    if (isNode(node) && node.range) {
      offset = node.range[0];
      break;
    }
  }
  const position = parsed.lines.linePos(offset);
  const where = error.instancePath || '(top level)';
  const detail = error.params && 'additionalProperty' in error.params ? ` '${String(error.params.additionalProperty)}'` : '';
  const allowed = error.params && 'allowedValues' in error.params ? ` (${(error.params.allowedValues as unknown[]).join(', ')})` : '';
  return { file: parsed.file, line: position.line, column: position.col, message: `${where} ${error.message ?? 'is invalid'}${detail}${allowed}` };
}

function addToKnowledge(kind: Kind, parsed: ParsedFile, knowledge: Knowledge, origins: Map<object, ParsedFile>): void {
  const data = parsed.data as Record<string, unknown>;
  if (kind === 'brokers') {
    const broker = data as unknown as BrokerInfo;
    knowledge.brokers.push(broker);
    origins.set(broker, parsed);
  } else if (kind === 'rules') {
    const rule = { versionNotes: [], ...data } as unknown as RuleInfo;
    knowledge.rules.push(rule);
    origins.set(rule, parsed);
  } else if (kind === 'clients') {
    for (const raw of data.clients as Array<Record<string, unknown>>) {
      const client = { notes: [], ...raw, broker: data.broker } as unknown as ClientInfo;
      knowledge.clients.push(client);
      origins.set(client, parsed);
    }
  } else {
    // `alsoFor`: a framework's keys (Celery's) are known under each broker it runs on.
    for (const system of [data.system, ...((data.alsoFor as string[] | undefined) ?? [])]) {
      for (const raw of data.keys as Array<Record<string, unknown>>) {
        const key = { aliases: [], ...raw, system, ...(data.configFilesOnly === true ? { configFilesOnly: true } : {}), ...(data.behaviours === true ? { behaviour: true } : {}) } as unknown as KeyInfo;
        knowledge.keys.push(key);
        origins.set(key, parsed);
      }
    }
  }
}

function crossCheck(knowledge: Knowledge, origins: Map<object, ParsedFile>, problems: KnowledgeProblem[]): void {
  const report = (item: object, needle: string, message: string): void => {
    const parsed = origins.get(item);
    if (!parsed) return;
    // Point at the first line that mentions the offending value, which is where a reader will look.
    const index = parsed.text.indexOf(needle);
    const line = index < 0 ? 1 : parsed.text.slice(0, index).split('\n').length;
    problems.push({ file: parsed.file, line, column: 1, message });
  };
  const seen = new Map<string, string>();
  const unique = (item: object, kind: string, id: string): void => {
    const previous = seen.get(`${kind}:${id}`);
    const file = origins.get(item)?.file ?? '?';
    if (previous) report(item, id, `duplicate ${kind} id '${id}' (first defined in ${previous})`);
    else seen.set(`${kind}:${id}`, file);
  };
  for (const broker of knowledge.brokers) unique(broker, 'broker', broker.id);
  for (const client of knowledge.clients) unique(client, 'client', client.id);
  for (const rule of knowledge.rules) unique(rule, 'rule', rule.id);
  for (const key of knowledge.keys) {
    for (const spelling of [key.key, ...key.aliases]) unique(key, `${key.system} key`, spelling.toLowerCase());
  }
  const brokerIds = new Set(knowledge.brokers.map((b) => b.id));
  for (const useCase of knowledge.wizard.useCases) {
    for (const fit of useCase.fits) {
      if (!brokerIds.has(fit.broker)) problems.push({ file: 'knowledge/wizard/fit.yaml', line: 1, column: 1, message: `${useCase.useCase}: unknown broker '${fit.broker}'` });
    }
  }
  for (const client of knowledge.clients) {
    if (client.replacement && !knowledge.clients.some((c) => c.id === client.replacement)) {
      report(client, client.id, `client '${client.id}' names replacement '${client.replacement}', which is not a client id`);
    }
  }
  for (const rule of knowledge.rules) {
    const file = origins.get(rule)?.file ?? '';
    if (path.basename(file).replace(/\.ya?ml$/, '') !== rule.id) {
      report(rule, `id: ${rule.id}`, `rule id '${rule.id}' must match its file name`);
    }
    for (const condition of [rule.when, ...(rule.and ?? []), ...(rule.unless ?? [])]) {
      if (!condition) continue;
      const known = knowledge.keys.some((k) => k.system === rule.system && (k.key === condition.key || k.aliases.includes(condition.key)));
      if (!known) report(rule, condition.key, `rule reads key '${condition.key}', which knowledge/keys/ does not describe for ${rule.system}`);
    }
  }
}
