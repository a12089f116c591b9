// Facts about a whole workspace that decide whether a finding in one file holds: a dead-letter exchange declared
// anywhere, a handler for returned messages registered anywhere, a RabbitTemplate built by hand. A reviewer looks
// across the repository before saying "this rejected message is dropped"; these facts are what they would find.
//
// Each file contributes the facts its text shows (`workspaceFactsOf`, a cheap test, with comments left out of source
// code); the CLI and the extension collect them over every file they read, and a finding that depends on them
// (`Finding.workspace`) is kept only when its condition holds for the collected facts. Until the facts are known (the
// extension's first scan), such findings are held back: silence rather than a guess.
import type { Language, Token } from './code/lexer';
import { baseName, formatOf, languageOf } from './formats';
import { maskSpans } from './text';
import type { Span } from './types';

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
  /** Code that reads publisher confirms or publishes in transactions (a ConfirmCallback, CorrelationData, a wait). */
  'rabbitmq-confirm-handling',
  /** Spring Boot configuration (`application.yml`, `bootstrap.properties`, …) with `spring.rabbitmq` settings. */
  'spring-rabbit-config',
] as const;

export type WorkspaceFact = (typeof WORKSPACE_FACTS)[number];

/** When a finding holds: every fact in `all` is in the workspace, and none of `none`. */
export interface WorkspaceCondition {
  all?: WorkspaceFact[];
  none?: WorkspaceFact[];
}

/** How each fact shows in a file's text (outside comments, in source code). */
const SIGNS: ReadonlyArray<{ fact: WorkspaceFact; sign: RegExp; unless?: RegExp; file?: RegExp }> = [
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
    sign: /\b(?:confirmSelect|confirm_delivery|createConfirmChannel|ConfirmSelect(?:Async)?|publisherConfirmationsEnabled|publisherConfirmationTrackingEnabled|txSelect|tx_select|TxSelect(?:Async)?|NotifyPublish|ConfirmChannel|publisher_confirms|confirm_publish|addConfirmListener|BasicAcks|NotifyConfirm|waitForConfirms\w*|WaitForConfirms\w*|PublishWithDeferredConfirm\w*|ConfirmCallback|setConfirmCallback|CorrelationData|publisherConfirm\w*|publisher[-_.]confirm[-_.]type|publisher[-_.]confirms|(?:is|set)?[Cc]hannelTransacted|RabbitTransactionManager)\b|PublisherConfirm|PUBLISHER_CONFIRM|\.Confirm\(\s*(?:false|true|noWait)\s*\)/,
  },
  // Code that reads confirms (a callback, a correlation's future, a wait) or publishes in transactions; a confirm
  // type set in configuration alone is not read by anyone.
  {
    fact: 'rabbitmq-confirm-handling',
    sign: /\b(?:confirmSelect|confirm_delivery|createConfirmChannel|ConfirmSelect(?:Async)?|publisherConfirmationTrackingEnabled|txSelect|tx_select|TxSelect(?:Async)?|NotifyPublish|ConfirmChannel|confirm_publish|addConfirmListener|ConfirmListener|BasicAcks|NotifyConfirm|waitForConfirms\w*|WaitForConfirms\w*|PublishWithDeferredConfirm\w*|ConfirmCallback|setConfirmCallback|confirmCallback|CorrelationData|(?:is|set)?[Cc]hannelTransacted|RabbitTransactionManager)\b|\.Confirm\(\s*(?:false|true|noWait)\s*\)/,
  },
  { fact: 'spring-rabbit-config', sign: /spring\.rabbitmq\.|^[ \t]*rabbitmq[ \t]*:/m, file: /^(?:application|bootstrap)(?:[-.][\w.-]*)?\.(?:ya?ml|properties)$/ },
  { fact: 'spring-rabbit-publishes', sign: /\.(?:convertAndSend|convertSendAndReceive|sendAndReceive)\s*\(|[Tt]emplate\s*\.\s*send\s*\(/ },
];

/**
 * A quick look for any sign at all, so most files cost one scan of their text: literal words only (a union of the
 * signs themselves backtracks far too much on large files), which every sign above contains.
 */
const ANY_SIGN = /dead.?letter|dlq|returnlistener|returns?callback|notifyreturn|basicreturn|returnedmessage|handlereturn|on_return|\.on\(\s*['"]return|unroutable|rabbittemplate|confirm|notifypublish|correlationdata|channeltransacted|transactionmanager|txselect|tx_select|basicacks|convertandsend|sendandreceive|template\s*\.\s*send|rabbitmq/i;

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

/**
 * The facts a file's text shows. Source code counts only where it was read for a client (`lexed`: its tokens and
 * comments, which are left out, with Python's docstrings); code that imports no client library shows none, as it
 * holds no settings either (invariant 9). Other files are read without their `#` comment lines.
 */
export function workspaceFactsOf(file: string, text: string, lexed?: { tokens: readonly Token[]; comments: readonly { span: Span }[] }): WorkspaceFact[] {
  const format = formatOf(file);
  const language = format ? languageOf(format) : undefined;
  if (language && !lexed) return [];
  if (!ANY_SIGN.test(text)) return [];
  const visible = language && lexed ? withoutComments(text, language, lexed) : text.replace(/^[ \t]*(?:#|\/\/|;).*$/gm, '');
  const facts: WorkspaceFact[] = [];
  const base = baseName(file);
  for (const { fact, sign, unless, file: named } of SIGNS) {
    if (named && !named.test(base)) continue;
    if (sign.test(visible) && !(unless && unless.test(visible))) facts.push(fact);
  }
  return facts;
}

/** The text with comments blanked, and Python's docstrings (a triple-quoted string standing as a statement), which are prose. */
function withoutComments(text: string, language: Language, { tokens, comments }: { tokens: readonly Token[]; comments: readonly { span: Span }[] }): string {
  const spans = comments.map((c) => c.span);
  if (language === 'python') {
    tokens.forEach((t, k) => {
      const before = tokens[k - 1]?.text;
      // A docstring starts its line and is no operand: not `x = """…"""`, not an argument.
      if (t.kind === 'string' && t.lineStart && /^[rRuUbBfF]*("""|''')/.test(t.text) && !(before !== undefined && /^[=(,[{+%]$/.test(before))) spans.push(t.span);
    });
  }
  return maskSpans(text, spans);
}

/**
 * Whether a condition holds for the workspace's facts (`project`: those of the finding's own project, for `all`);
 * with the facts unknown, no condition does.
 */
export function holds(condition: WorkspaceCondition | undefined, facts: ReadonlySet<WorkspaceFact> | undefined, project: ReadonlySet<WorkspaceFact> | undefined = facts): boolean {
  if (!condition) return true;
  if (!facts || !project) return false;
  return (condition.all ?? []).every((f) => project.has(f)) && !(condition.none ?? []).some((f) => facts.has(f));
}

/**
 * The findings (or behaviour settings) that hold for these facts (undefined: not known yet, so those that depend on
 * them are held back).
 */
export function settleWorkspace<T extends { workspace?: WorkspaceCondition }>(items: readonly T[], facts: ReadonlySet<WorkspaceFact> | undefined): T[] {
  return items.filter((item) => holds(item.workspace, facts));
}

/** Build manifests that make their folder a project of its own (a service of a monorepo, a Maven module). */
const PROJECT_MANIFEST = /^(?:pom\.xml|package\.json|go\.mod|pyproject\.toml|setup\.py|pipfile|cargo\.toml|composer\.json|gemfile|mix\.exs|build\.gradle(?:\.kts)?|[^/]+\.(?:csproj|fsproj))$/;

/** The folder (with a trailing `/`) a build manifest makes a project, or undefined for other files. `file` is a path with `/`. */
export function projectRootOf(file: string): string | undefined {
  const slash = file.lastIndexOf('/');
  return PROJECT_MANIFEST.test(file.slice(slash + 1).toLowerCase()) ? file.slice(0, slash + 1) : undefined;
}

/**
 * Facts per project as well as for the whole workspace. A condition's `all` facts (what must be there: a template
 * that publishes) are looked for in the finding's own project, the nearest folder with a build manifest, so one
 * service of a monorepo does not answer for another; its `none` facts (what silences it) in the whole workspace.
 */
export class WorkspaceFactIndex {
  private readonly byFile = new Map<string, readonly WorkspaceFact[]>();
  /** Files outside production code (tests, samples, documentation). */
  private readonly secondary = new Set<string>();
  private readonly roots = new Set<string>();
  private sortedRoots: string[] | undefined;
  private readonly projects = new Map<string, Set<WorkspaceFact>>();
  private everything: Set<WorkspaceFact> | undefined;

  /** Records a file (a path with `/`): its facts, and whether it is a project's manifest. */
  /**
   * `production` false (a test, a sample): its facts still silence findings, but never satisfy what one requires (a
   * test that publishes through a template does not make the application publish).
   */
  add(file: string, facts: readonly WorkspaceFact[], production = true): void {
    if (facts.length > 0) this.byFile.set(file, facts);
    else this.byFile.delete(file);
    if (production) this.secondary.delete(file);
    else this.secondary.add(file);
    const root = projectRootOf(file);
    if (root !== undefined && !this.roots.has(root)) {
      this.roots.add(root);
      this.sortedRoots = undefined;
    }
    this.projects.clear();
    this.everything = undefined;
  }

  /** Forgets a file, or every file below a folder (a prefix without the trailing `/`). */
  deleteUnder(prefix: string): void {
    for (const file of [...this.byFile.keys()]) if (file === prefix || file.startsWith(`${prefix}/`)) this.byFile.delete(file);
    for (const file of [...this.secondary]) if (file === prefix || file.startsWith(`${prefix}/`)) this.secondary.delete(file);
    for (const root of [...this.roots]) if (root.startsWith(`${prefix}/`) || `${prefix}/` === root) this.roots.delete(root);
    this.sortedRoots = undefined;
    this.projects.clear();
    this.everything = undefined;
  }

  all(): ReadonlySet<WorkspaceFact> {
    if (!this.everything) {
      this.everything = new Set();
      for (const facts of this.byFile.values()) for (const fact of facts) this.everything.add(fact);
    }
    return this.everything;
  }

  /**
   * The facts the production code of the project `file` belongs to shows (of the whole workspace when no manifest
   * encloses it): what a condition requires.
   */
  projectOf(file: string): ReadonlySet<WorkspaceFact> {
    this.sortedRoots ??= [...this.roots].sort((a, b) => b.length - a.length);
    const root = this.sortedRoots.find((r) => file.startsWith(r)) ?? '';
    let facts = this.projects.get(root);
    if (!facts) {
      facts = new Set();
      for (const [path, list] of this.byFile) if (path.startsWith(root) && !this.secondary.has(path)) for (const fact of list) facts.add(fact);
      this.projects.set(root, facts);
    }
    return facts;
  }

  /**
   * The findings (or behaviour settings) that hold: `all` in their project, `none` in the whole workspace (`file`: the
   * item's path with `/`).
   */
  settle<T extends { workspace?: WorkspaceCondition; file: string }>(items: readonly T[], file: (item: T) => string = (item) => item.file): T[] {
    return items.filter((item) => !item.workspace || holds(item.workspace, this.all(), this.projectOf(file(item))));
  }

  /** A key that changes when the facts do. */
  key(): string {
    return [...this.byFile].map(([file, facts]) => `${file}:${facts.join(',')}${this.secondary.has(file) ? ':secondary' : ''}`).sort().join('\n') + [...this.roots].sort().join('\n');
  }
}
