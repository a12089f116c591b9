// Settings in source code: find the clients the file imports, then the literals that configure them.
import { celerySettings, mayHoldCelerySettings } from '../code/celery';
import { codeSettings } from '../code/literals';
import { findImports, type ImportRef } from '../code/imports';
import { implicitSettings } from '../code/implicit';
import { optionSettings } from '../code/options';
import { usageSettings } from '../code/usageSettings';
import { flowSettings, identifiersOf } from '../code/flow';
import { publishSettings } from '../code/publish';
import { rejectSettings } from '../code/rejects';
import { lex, type Language, type Token } from '../code/lexer';
import { quickImports } from '../code/quickImports';
import type { ClientIndex } from '../detect/clientIndex';
import { CSHARP_FRAMEWORK_HINT, CSHARP_GLOBAL_USING_HINT, CSHARP_GLOBAL_USING_TYPES, hasKafkaMapKey, hasUrlHint, PYTHON_BROKER_SETTING_HINT } from '../detect/patterns';
import { callsIn, namesIn, usageSatisfied } from '../detect/usage';
import type { ClientInfo } from '../knowledgeTypes';
import type { ExtractContext, Extraction } from './types';

const SQS_LAMBDA_HINT = /\bSQS(?:Event|Handler)\b/;

export interface CodeExtraction extends Extraction {
  imports: Array<ImportRef & { client: ClientInfo }>;
  tokens: Token[];
}


/**
 * `forDetection` also keeps files with messaging URLs or framework calls, which detection reads from the tokens, and
 * skips the settings, which detection does not use; for settings a file matters only when it imports a client.
 */
export function extractCodeFile(context: ExtractContext, language: Language, clients: ClientIndex, forDetection = false): CodeExtraction {
  const celery = language === 'python' && !forDetection && mayHoldCelerySettings(context.file, context.text);
  const worthLexing = celery || quickImports(context.text, language).some((module) => clients.couldMatch(language, module))
    || (language === 'csharp' && CSHARP_GLOBAL_USING_HINT.test(context.text))
    // An SQS-triggered Lambda handler imports no SQS client, only the event types (read by the flow rules).
    || (!forDetection && language === 'javascript' && SQS_LAMBDA_HINT.test(context.text) && context.text.includes('aws-lambda'))
    || (forDetection && (hasUrlHint(context.text) || hasKafkaMapKey(context.text) || (language === 'csharp' && CSHARP_FRAMEWORK_HINT.test(context.text))
      || (language === 'python' && PYTHON_BROKER_SETTING_HINT.test(context.text))));
  if (!worthLexing) {
    return { settings: [], comments: [], lineComment: language === 'python' ? '#' : '//', imports: [], tokens: [], clientUses: [] };
  }
  const { tokens, comments } = lex(context.text, language);
  const calls = callsIn(tokens);
  let names: Set<string> | undefined;
  const lazyNames = () => (names ??= namesIn(tokens));
  const allImports = findImports(tokens, language, context.text);
  if (language === 'csharp') allImports.push(...globalUsings(tokens, allImports));
  // Among clients sharing an import: each whose usage condition holds (boto3 and the v2 AWS SDK for JavaScript: the
  // services the code asks for; Dramatiq: the broker classes it uses), or else the first (a fork that kept the
  // original's import name cannot be told from it in code).
  const imports = allImports.flatMap((ref) => {
    const satisfied = clients.matchImport(language, ref.module).filter((c) => usageSatisfied(c, calls, lazyNames));
    const byUsage = satisfied.filter((c) => c.usage);
    return (byUsage.length > 0 ? byUsage : satisfied.slice(0, 1)).map((client) => ({ ...ref, client }));
  });
  const systems = [...new Set(imports.map((i) => i.client.broker))];
  // Detection reads imports, strings and calls only; settings are for analysis.
  const fromCelery = celery ? celerySettings(context.file, tokens, context.lines, context.keys) : [];
  const celerySpans = new Set(fromCelery.map((s) => s.keySpan.start));
  const idents = forDetection ? new Set<string>() : identifiersOf(tokens);
  const settings = forDetection ? [] : [
    ...fromCelery,
    // A name the Celery reader took (`app.conf.task_acks_late = True` in a file that imports kombu) counts once.
    ...codeSettings({ file: context.file, lines: context.lines, keys: context.keys, language, systems }, tokens).filter((s) => !celerySpans.has(s.keySpan.start)),
    ...implicitSettings(context.file, language, tokens, imports, context.lines, context.keys),
    ...optionSettings(context.file, language, tokens, imports, context.lines, context.keys),
    ...usageSettings(context.file, language, tokens, allImports, context.lines, context.keys),
    ...flowSettings({ file: context.file, language, tokens, lines: context.lines, keys: context.keys, systems: new Set(systems), modules: allImports.map((i) => i.module), idents }),
    ...publishSettings({ file: context.file, language, tokens, lines: context.lines, keys: context.keys, clients: imports.map((i) => i.client), idents }),
    ...rejectSettings({ file: context.file, language, tokens, lines: context.lines, keys: context.keys, clients: imports.map((i) => i.client), idents }),
  ].sort((a, b) => a.keySpan.start - b.keySpan.start);
  // A setting belongs to the client the file imports for its system (the first, when it imports several).
  for (const setting of settings) {
    const client = celerySpans.has(setting.keySpan.start) ? undefined : imports.find((i) => i.client.broker === setting.system)?.client.id;
    if (client !== undefined) setting.client = client;
  }
  const clientUses = imports.map((i) => ({ client: i.client, span: i.span, evidence: 'import' as const }));
  return { settings, comments, lineComment: language === 'python' ? '#' : '//', imports, tokens, clientUses, calls };
}

const DECLARES = new Set(['class', 'interface', 'struct', 'record', 'enum', 'delegate']);

/** C#: the namespaces a file uses through a project-wide `global using`, known by a type name only that client has. */
function globalUsings(tokens: readonly Token[], imports: readonly ImportRef[]): ImportRef[] {
  const found: ImportRef[] = [];
  // A name the file declares itself (`class ProduceException`) is its own type, not the client's.
  const declared = new Set(tokens.flatMap((t, i) => (DECLARES.has(t.text) && tokens[i + 1]?.kind === 'ident' ? [tokens[i + 1]!.text] : [])));
  for (const [namespace, types] of Object.entries(CSHARP_GLOBAL_USING_TYPES)) {
    if (imports.some((i) => i.module === namespace || i.module.startsWith(`${namespace}.`))) continue;
    const use = tokens.find((t) => t.kind === 'ident' && types.includes(t.text) && !declared.has(t.text));
    if (use) found.push({ module: namespace, line: use.line, statementLine: use.line, span: use.span });
  }
  return found;
}
