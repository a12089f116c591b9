// Facts about a whole workspace that decide whether a finding in one file holds: a dead-letter exchange declared
// anywhere, a handler for returned messages registered anywhere, a RabbitTemplate built by hand. A reviewer looks
// across the repository before saying "this rejected message is dropped"; these facts are what they would find.
//
// Each file contributes the facts its text shows (`workspaceFactsOf`, a cheap test, with comments left out of source
// code); the CLI and the extension collect them over every file they read, and a finding that depends on them
// (`Finding.workspace`) is kept only when its condition holds for the collected facts. Until the facts are known (the
// extension's first scan), such findings are held back: silence rather than a guess.
import { lex, type Language } from './code/lexer';
import { baseName, formatOf, languageOf } from './formats';
import { maskSpans } from './text';
import type { Finding } from './types';

export const WORKSPACE_FACTS = [
  /** A dead-letter exchange (queue arguments, a policy, a definitions file, Spring's QueueBuilder, an operator resource). */
  'rabbitmq-dead-letter',
  /** A handler for messages the broker returns as unroutable (any client's). */
  'rabbitmq-returns-callback',
  /** A RabbitTemplate constructed by the application without Spring Boot's configurer, so `spring.rabbitmq.template.*` does not reach it. */
  'spring-rabbit-own-template',
  /** A publish through Spring's RabbitTemplate. */
  'spring-rabbit-publishes',
  /** Publisher confirms or transactions, asked for in code or configuration (any client's). */
  'rabbitmq-confirms',
] as const;

export type WorkspaceFact = (typeof WORKSPACE_FACTS)[number];

/** When a finding holds: every fact in `all` is in the workspace, and none of `none`. */
export interface WorkspaceCondition {
  all?: WorkspaceFact[];
  none?: WorkspaceFact[];
}

/** How each fact shows in a file's text (outside comments, in source code). */
const SIGNS: ReadonlyArray<{ fact: WorkspaceFact; sign: RegExp; unless?: RegExp }> = [
  // x-dead-letter-exchange, dead-letter-exchange (policies), deadLetterExchange (Spring, amqplib), dead_letter_exchange
  // (kombu), DeadLetterExchange (.NET wrappers): any mention counts, so a workspace that deals with dead-lettering
  // anywhere is never told it has none.
  // Spring Cloud Stream's RabbitMQ binder: `auto-bind-dlq` / `autoBindDlq`, `republish-to-dlq`.
  { fact: 'rabbitmq-dead-letter', sign: /dead[-_ .]?letter|auto-?bind-?dlq|republish-?to-?dlq/i },
  {
    fact: 'rabbitmq-returns-callback',
    sign: /\b(?:addReturnListener|ReturnListener|setReturnsCallback|setReturnCallback|returnsCallback|ReturnsCallback|ReturnCallback|add_on_return_callback|NotifyReturn|BasicReturn|BasicReturnAsync|returnedMessage|handleReturn|UnroutableError|on_return)\b|\.on\(\s*['"]return['"]/,
  },
  // `new RabbitTemplate(cf)` (Java), `RabbitTemplate(cf)` (Kotlin); Boot's RabbitTemplateConfigurer applies the
  // properties to a template built by hand, so a file that uses it builds one Boot configures.
  { fact: 'spring-rabbit-own-template', sign: /(?:\bnew\s+|[=(,]\s*|\breturn\s+)RabbitTemplate\s*\(/, unless: /\bRabbitTemplateConfigurer\b/ },
  {
    fact: 'rabbitmq-confirms',
    sign: /\b(?:confirmSelect|confirm_delivery|createConfirmChannel|ConfirmSelect(?:Async)?|publisherConfirmationsEnabled|publisherConfirmationTrackingEnabled|txSelect|tx_select|TxSelect(?:Async)?|NotifyPublish|ConfirmChannel|publisher_confirms|confirm_publish|addConfirmListener|BasicAcks|NotifyConfirm|waitForConfirms\w*|WaitForConfirms\w*|PublishWithDeferredConfirm\w*|ConfirmCallback|setConfirmCallback|CorrelationData|PublisherConfirmType|publisherConfirmType|publisherConfirms|publisher[-_.]confirm[-_.]type|publisher[-_.]confirms|(?:is|set)?[Cc]hannelTransacted|RabbitTransactionManager)\b|\.Confirm\(/,
  },
  { fact: 'spring-rabbit-publishes', sign: /\.(?:convertAndSend|convertSendAndReceive|sendAndReceive)\s*\(|[Tt]emplate\s*\.\s*send\s*\(/ },
];

/** A quick look for any sign at all, so most files cost one scan of their text. */
const ANY_SIGN = new RegExp(SIGNS.map((s) => s.sign.source).join('|'), 'i');

/**
 * Files read for workspace facts only, beyond those MQ Lens analyses: RabbitMQ definitions exports (JSON under a path
 * that names them), shell scripts and Makefiles that set policies with rabbitmqctl, Terraform and HCL (the RabbitMQ
 * provider's policies), Dockerfiles (`RUN rabbitmqctl set_policy …`), Erlang-term configuration. `fileName` may be a
 * path.
 */
export function readsFactsFrom(fileName: string): boolean {
  const base = baseName(fileName).toLowerCase();
  if (base.endsWith('.json')) return JSON_SIGNS.test(fileName.toLowerCase());
  return /\.(?:sh|bash|tf|hcl|config|ps1|cmd|bat|dockerfile)$/.test(base) || /^(?:dockerfile|containerfile)(?:\.[\w.-]+)?$/.test(base)
    || base === 'makefile' || base === 'justfile';
}

/** JSON files whose path names a broker's definitions (`definitions.json`, `rabbitmqConfigs/load.json`): most JSON is not. */
const JSON_SIGNS = /definition|rabbit|amqp|polic|broker|queue/;

/** The facts a file's text shows. Source code is read without its comments, other files without `#` comment lines. */
export function workspaceFactsOf(file: string, text: string): WorkspaceFact[] {
  if (!ANY_SIGN.test(text)) return [];
  const format = formatOf(file);
  const language = format ? languageOf(format) : undefined;
  const visible = language ? withoutComments(text, language) : text.replace(/^[ \t]*(?:#|\/\/|;).*$/gm, '');
  const facts: WorkspaceFact[] = [];
  for (const { fact, sign, unless } of SIGNS) {
    if (sign.test(visible) && !(unless && unless.test(visible))) facts.push(fact);
  }
  return facts;
}

/** The text with comments blanked, and Python's docstrings (a triple-quoted string standing as a statement), which are prose. */
function withoutComments(text: string, language: Language): string {
  try {
    const { tokens, comments } = lex(text, language);
    const spans = comments.map((c) => c.span);
    if (language === 'python') {
      tokens.forEach((t, k) => {
        const before = tokens[k - 1]?.text;
        // A docstring starts its line and is no operand: not `x = """…"""`, not an argument.
        if (t.kind === 'string' && t.lineStart && /^[rRuUbBfF]*("""|''')/.test(t.text) && !(before !== undefined && /^[=(,[{+%]$/.test(before))) spans.push(t.span);
      });
    }
    return maskSpans(text, spans);
  } catch {
    return text;
  }
}

/** Whether a condition holds for the workspace's facts; with the facts unknown, no condition does. */
export function holds(condition: WorkspaceCondition | undefined, facts: ReadonlySet<WorkspaceFact> | undefined): boolean {
  if (!condition) return true;
  if (!facts) return false;
  return (condition.all ?? []).every((f) => facts.has(f)) && !(condition.none ?? []).some((f) => facts.has(f));
}

/** The findings that hold for these facts (undefined: not known yet, so findings that depend on them are held back). */
export function settleWorkspace(findings: readonly Finding[], facts: ReadonlySet<WorkspaceFact> | undefined): Finding[] {
  return findings.filter((f) => holds(f.workspace, facts));
}
