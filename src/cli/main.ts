// `mq-lens`: the command-line twin of the extension (DESIGN.md, "Command-line contract").
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { validateAnswers } from '../core/recommend/answers';
import { recommend } from '../core/recommend/recommend';
import { recommendationMarkdown } from '../core/recommend/report';
import { bundledKeyIndex, knowledge } from '../core/bundledKnowledge';
import { PROFILES, type Profile, type Severity } from '../core/knowledgeTypes';
import type { Finding, Setting } from '../core/types';
import { detectsFile } from '../core/detect/detect';
import type { Detection } from '../core/detect/types';
import { formatOf } from '../core/formats';
import { readsFactsFrom, WorkspaceFactIndex } from '../core/workspace';
import { FILE_ROLES, type FileRole, type RoleGlobs } from '../core/context/role';
import type { NonProductionLevel } from '../core/rules/context';
import { collectFiles, DEFAULT_MAX_BYTES, type FoundFile, type Skipped } from './files';
import { processFile, type FileOutcome, type WorkOptions } from './work';
import { toSarif } from './sarif';

declare const MQ_LENS_VERSION: string | undefined;
const VERSION = typeof MQ_LENS_VERSION === 'string' ? MQ_LENS_VERSION : '0.0.0-dev';

const USAGE = `Usage: mq-lens <command> [options] <paths…>

Commands:
  detect <paths…>     List the message queues the files talk to, and the evidence.
  check <paths…>      Judge message-queue settings for a workload and report findings.
  settings <paths…>   List the message-queue settings found.
  recommend --answers <file.json>
                      Rank message queues for a workload described by wizard answers.

Options:
  --format text|json|sarif      Output format (sarif: check only; recommend: json|markdown). Default: text.
  --answers FILE                The answers file for recommend (the wizard's answers schema).
  --workload general|online|streaming
                                Workload profile (a file's "mq-lens: workload=…" comment wins). Default: general.
  --fail-on error|warning|info  Exit 1 when a finding reaches this severity. Default: error.
  --max-bytes N                 Skip files larger than N bytes. Default: ${DEFAULT_MAX_BYTES}.
  --non-production off|hint|info|unchanged
                                How findings in tests, samples and documentation are reported: at
                                most this severity, or as in production code. Default: hint.
  --role GLOB=ROLE              Give files matching GLOB (relative to the path walked) a role:
                                production, test, sample or docs. Repeatable; wins over the guesses.
  --exclude GLOB                Leave out files and folders matching GLOB (relative to the path
                                walked; without a slash, a name anywhere). Repeatable.
  --no-ignore                   Also read files that .gitignore files (and .git/info/exclude) ignore.
                                Paths named on the command line are always read.
  -v, --verbose                 detect: list every piece of evidence (file, line, client, kind)
                                before the summary of each message queue.
  -h, --help                    Show this help.
  --version                     Print the version.

Exit codes: 0 = nothing reached --fail-on; 1 = something did; 2 = bad usage.
`;

const SEVERITY_RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

class UsageError extends Error {}

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export function run(argv: readonly string[], io: CliIo): number {
  try {
    const plan = prepare(argv, io);
    return typeof plan === 'number' ? plan : finish(plan, plan.found.map((found) => processFile(found, plan.work)), io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`mq-lens: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

/** A command ready to run: the files it reads and how, and what it prints. */
interface Plan {
  command: 'check' | 'settings' | 'detect';
  format: string;
  failOn: Severity;
  found: FoundFile[];
  skipped: Skipped[];
  work: WorkOptions;
  verbose: boolean;
}

/** Reads the arguments and lists the files; a number when the command is already done (help, version, recommend). */
function prepare(argv: readonly string[], io: CliIo): Plan | number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', default: 'text' },
      workload: { type: 'string', default: 'general' },
      'fail-on': { type: 'string', default: 'error' },
      'max-bytes': { type: 'string' },
      answers: { type: 'string' },
      'non-production': { type: 'string', default: 'hint' },
      role: { type: 'string', multiple: true, default: [] },
      exclude: { type: 'string', multiple: true, default: [] },
      'no-ignore': { type: 'boolean', default: false },
      verbose: { type: 'boolean', short: 'v', default: false },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean' },
    },
  });
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (!command) throw new UsageError('a command is required');
  if (command === 'recommend') {
    // The profile the starting configuration is written for when the answers imply none.
    const workload = oneOf('--workload', values.workload!, PROFILES) as Profile;
    return recommendCommand(values.answers, values.format === 'text' ? 'json' : values.format!, workload, io);
  }
  if (command !== 'check' && command !== 'settings' && command !== 'detect') {
    throw new UsageError(`unknown command '${command}'`);
  }
  if (paths.length === 0) throw new UsageError(`'${command}' needs at least one file or folder`);
  // A mistyped path must not pass a CI run silently; files met during the walk that cannot be read are only skipped.
  const missing = paths.filter((p) => !fs.existsSync(path.resolve(io.cwd, p)) && !fs.lstatSync(path.resolve(io.cwd, p), { throwIfNoEntry: false }));
  if (missing.length > 0) throw new UsageError(`no such file or folder: ${missing.join(', ')}`);
  const format = oneOf('--format', values.format!, command === 'check' ? ['text', 'json', 'sarif'] : ['text', 'json']);

  const profile = oneOf('--workload', values.workload!, PROFILES) as Profile;
  const failOn = oneOf('--fail-on', values['fail-on']!, ['error', 'warning', 'info']) as Severity;
  const maxBytes = values['max-bytes'] === undefined ? DEFAULT_MAX_BYTES : Number(values['max-bytes']);
  if (!Number.isInteger(maxBytes) || maxBytes <= 0) throw new UsageError('--max-bytes takes a positive whole number');
  const nonProduction = oneOf('--non-production', values['non-production']!, ['off', 'hint', 'info', 'unchanged']) as NonProductionLevel;
  const roleGlobs = parseRoles(values.role ?? []);

  const skipped: Skipped[] = [];
  // `check` and `settings` also read the files that only tell workspace facts (a definitions export, a script that
  // sets a policy).
  const wanted = command === 'detect' ? detectsFile : (name: string) => formatOf(name) !== undefined || readsFactsFrom(name);
  const exclude = values.exclude ?? [];
  if (exclude.some((glob) => glob.trim() === '')) throw new UsageError('--exclude takes a glob');
  const found = collectFiles(paths, io.cwd, skipped, wanted, { exclude, gitignore: !values['no-ignore'] });
  return { command, format, failOn, found, skipped, verbose: values.verbose === true, work: { command, cwd: io.cwd, maxBytes, profile, roleGlobs, nonProduction } };
}

/** Puts the files' outcomes together (in file order), judges what depends on the workspace, and prints. */
function finish(plan: Plan, outcomes: readonly FileOutcome[], io: CliIo): number {
  const { command, format, failOn, skipped } = plan;
  const settings: Setting[] = [];
  const findings: Finding[] = [];
  const detections: Detection[] = [];
  const facts = new WorkspaceFactIndex();
  // Loops, not spreads: a file with hundreds of thousands of settings must not overflow the call stack.
  for (const outcome of outcomes) {
    if (outcome.kind === 'skipped') {
      if (outcome.report) skipped.push(outcome.skipped);
    } else if (outcome.kind === 'detected') {
      for (const detection of outcome.detections) detections.push(detection);
    } else {
      facts.add(outcome.file, outcome.facts, outcome.production);
      for (const setting of outcome.settings) settings.push(setting);
      for (const finding of outcome.findings) findings.push(finding);
    }
  }
  // Findings and behaviours that depend on the rest of the workspace are judged once every file has been read.
  if (settings.some((s) => s.workspace)) {
    const kept = facts.settle(settings, (s) => s.file);
    settings.length = 0;
    for (const setting of kept) settings.push(setting);
  }
  if (findings.some((f) => f.workspace)) {
    const settled = facts.settle(findings, (f) => f.file);
    findings.length = 0;
    for (const finding of settled) findings.push(finding);
  }

  if (command === 'detect') {
    io.stdout(format === 'json' ? `${JSON.stringify({ detections, skipped }, null, 2)}\n` : detectionsText(detections, skipped, plan.verbose));
    return 0;
  }
  if (command === 'settings') {
    io.stdout(format === 'json' ? settingsJson(settings, skipped) : settingsText(settings, skipped));
    return 0;
  }
  if (format === 'json') io.stdout(findingsJson(findings, skipped));
  else if (format === 'sarif') io.stdout(`${JSON.stringify(toSarif(findings, knowledge.rules, VERSION), null, 2)}\n`);
  else io.stdout(findingsText(findings, skipped));
  return findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]) ? 1 : 0;
}

function recommendCommand(answersPath: string | undefined, format: string, workload: Profile, io: CliIo): number {
  if (!answersPath) throw new UsageError('recommend needs --answers <file.json>');
  oneOf('--format', format, ['json', 'markdown']);
  let input: unknown;
  try {
    input = JSON.parse(fs.readFileSync(path.resolve(io.cwd, answersPath), 'utf8'));
  } catch (error) {
    io.stderr(`mq-lens: cannot read answers from ${answersPath}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const validated = validateAnswers(input);
  if (!validated.answers) {
    io.stderr(`mq-lens: ${answersPath} does not match the answers schema:\n${validated.problems.map((p) => `  - ${p}`).join('\n')}\n`);
    return 2;
  }
  const result = recommend(validated.answers, knowledge);
  io.stdout(format === 'markdown' ? recommendationMarkdown(validated.answers, result, knowledge, workload) : `${JSON.stringify(result, null, 2)}\n`);
  return 0;
}

function parseRoles(options: readonly string[]): RoleGlobs {
  const globs: Record<string, FileRole> = {};
  for (const option of options) {
    const equals = option.lastIndexOf('=');
    const role = option.slice(equals + 1);
    if (equals <= 0 || !(FILE_ROLES as readonly string[]).includes(role)) {
      throw new UsageError(`--role takes GLOB=ROLE with ROLE one of ${FILE_ROLES.join(', ')} (got '${option}')`);
    }
    globs[option.slice(0, equals)] = role as FileRole;
  }
  return globs;
}

function oneOf(option: string, value: string, allowed: readonly string[]): string {
  if (!allowed.includes(value)) throw new UsageError(`${option} must be one of ${allowed.join(', ')} (got '${value}')`);
  return value;
}

function findingsJson(findings: readonly Finding[], skipped: readonly Skipped[]): string {
  const rows = findings.map(({ file, line, column, endLine, endColumn, ruleId, severity, message, context, related }) => ({
    file, line, column, endLine, endColumn, ruleId, severity, message, ...(context ? { context } : {}),
    // Other places in the same file that explain the finding (the handler that swallows the error, the other setting).
    ...(related && related.length > 0 ? { related: related.map((place) => ({ line: place.line, column: place.column, message: place.message })) } : {}),
  }));
  return `${JSON.stringify({ findings: rows, skipped }, null, 2)}\n`;
}

function findingsText(findings: readonly Finding[], skipped: readonly Skipped[]): string {
  const lines = findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.ruleId}: ${f.message}${f.context ? ` (${f.context.note})` : ''}`);
  for (const s of skipped) lines.push(`${s.file}: skipped: ${s.reason}`);
  lines.push(`${findings.length} finding(s)${skipped.length > 0 ? `, ${skipped.length} file(s) skipped` : ''}.`);
  return `${lines.join('\n')}\n`;
}

/** Evidence that names a message queue without a client library, as the summary says it. */
const EVIDENCE_WORDS: Record<string, string> = { config: 'configuration', url: 'connection URLs', code: 'framework calls' };

/**
 * `detect --format text`: one line per broker (how many files, which clients, what else shows it), then the files
 * that could not be read; every piece of evidence first with `--verbose`.
 */
function detectionsText(detections: readonly Detection[], skipped: readonly Skipped[], verbose: boolean): string {
  const lines = verbose ? detections.map((d) => `${d.file}:${d.line}: ${d.broker}${d.client ? ` (${d.client})` : ''} by ${d.evidence}`) : [];
  const brokers = [...new Set(detections.map((d) => d.broker))].sort();
  const count = (files: Set<string>) => `${files.size} file${files.size === 1 ? '' : 's'}`;
  for (const broker of brokers) {
    const mine = detections.filter((d) => d.broker === broker);
    const clients = [...new Set(mine.flatMap((d) => (d.client ? [d.client] : [])))].sort()
      .map((id) => knowledge.clients.find((c) => c.id === id)?.name ?? id);
    const other = Object.keys(EVIDENCE_WORDS).flatMap((evidence) => {
      const files = new Set(mine.filter((d) => d.client === null && d.evidence === evidence).map((d) => d.file));
      return files.size > 0 ? [`${EVIDENCE_WORDS[evidence]} in ${count(files)}`] : [];
    });
    const name = knowledge.brokers.find((b) => b.id === broker)?.name;
    lines.push(`${broker}${name ? ` (${name})` : ''}: ${count(new Set(mine.map((d) => d.file)))}${clients.length > 0 ? `; clients: ${clients.join(', ')}` : ''}${other.length > 0 ? `; ${other.join(', ')}` : ''}`);
  }
  for (const s of skipped) lines.push(`${s.file}: skipped: ${s.reason}`);
  lines.push(brokers.length > 0 ? `Message queues: ${brokers.join(', ')}.${verbose ? '' : ' Every piece of evidence: --verbose.'}` : 'No message queue found.');
  return `${lines.join('\n')}\n`;
}

/** Keys whose values are credentials: `settings` output (often a CI log) shows that they are set, not what to. */
const SECRET = /(^|[._-])(pass(word)?|requirepass|masterauth|secret|token|jaas[._-]config|credentials?|api[._-]?key)($|[._-])/i;

function shownValue(setting: Setting): string {
  if (setting.value !== '' && (SECRET.test(setting.key) || SECRET.test(setting.rawKey))) return '********';
  // A connection URL's password (`amqp://user:secret@host`) is a credential wherever it is written.
  // Bounded pieces keep a long value linear; the password runs to the last `@` before the host (`p@ss` included).
  return setting.value.replace(/([a-z][a-z0-9+.-]{0,30}:\/\/[^\s:/@]{0,256}:)[^\s/]{1,512}@(?=[^\s@]*$|[^\s@/]*[/?#\s])/gi, '$1********@');
}

function settingsJson(settings: readonly Setting[], skipped: readonly Skipped[]): string {
  const keys = bundledKeyIndex();
  const rows = settings.map((s) => {
    const { file, line, column, system, key, rawKey } = s;
    const row: Record<string, unknown> = { file, line, column, system, key, rawKey, value: shownValue(s), documented: keys.lookup(system, key) !== undefined };
    // Values computed at run time (`os.getenv("ACKS")`) are listed as written, and marked.
    if (s.computed) row.computed = true;
    return row;
  });
  return `${JSON.stringify({ settings: rows, skipped }, null, 2)}\n`;
}

function settingsText(settings: readonly Setting[], skipped: readonly Skipped[]): string {
  const lines = settings.map((s) => `${s.file}:${s.line}:${s.column}: ${s.system} ${s.key}${s.rawKey !== s.key ? ` (${s.rawKey})` : ''} = ${shownValue(s)}${s.computed ? ' (computed at run time)' : ''}`);
  for (const s of skipped) lines.push(`${s.file}: skipped: ${s.reason}`);
  return `${lines.join('\n')}\n`;
}

if (require.main === module) {
  const code = run(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
  process.exitCode = code;
}
