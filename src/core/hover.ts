// Hover notes for configuration keys, as Markdown. Used by the extension's hover provider; plain data in, text out.
import type { KeyInfo, Profile, RuleInfo } from './knowledgeTypes';
import type { Finding, Setting } from './types';
import type { RoleContext } from './context/role';
import type { NonProductionLevel } from './rules/context';

export interface KeyNoteInput {
  info: KeyInfo;
  /** The setting under the cursor, when the note is for a written value. */
  setting?: Setting;
  /** Findings on that setting under the current profile. */
  findings: readonly Finding[];
  /** Rules that read this key, whether or not they fire. */
  rules: readonly RuleInfo[];
  profile: Profile;
  /** Where a rule's documentation lives (a URI the host can open). */
  ruleLink: (ruleId: string) => string;
  /** The file's role, and how findings outside production code are shown. */
  role?: RoleContext;
  nonProduction?: NonProductionLevel;
}

const EFFECT_LABELS = [['latency', 'Latency'], ['throughput', 'Throughput'], ['durability', 'Durability'], ['ordering', 'Ordering']] as const;

/** Returns the setting whose key or value contains the offset (both ends inclusive, so a cursor just past counts). */
export function settingAt(settings: readonly Setting[], offset: number): Setting | undefined {
  return settings.find((s) => offset >= s.keySpan.start && offset <= Math.max(s.keySpan.end, s.valueSpan.end));
}

export function keyNoteMarkdown(input: KeyNoteInput): string {
  const { info, setting } = input;
  const parts: string[] = [];
  // A key known under several systems (`alsoFor`) is named for the system of the setting under the cursor.
  const system = setting?.system ?? info.system;
  const heading = info.behaviour
    ? `**\`${info.key}\`** · ${systemName(system)} ${info.scope} behaviour, read from the code`
    : `**\`${info.key}\`** · ${systemName(system)} ${info.scope} setting`;
  const alias = setting && setting.rawKey.toLowerCase() !== info.key.toLowerCase() ? ` (${info.behaviour ? 'at' : 'written here as'} ${code(setting.rawKey)})` : '';
  parts.push(heading + alias, info.summary);

  // A behaviour's rows for other brokers (how Kafka commits, under a RabbitMQ acknowledgement) say nothing here.
  const rows = info.behaviour && setting ? info.defaults.filter((d) => d.client === setting.system || SYSTEM_NAMES[d.client] === undefined) : info.defaults;
  const defaults = rows.map((d) => `| ${code(d.value)} | ${d.client} | ${d.versions ? code(d.versions) : 'all'} |`);
  parts.push([info.behaviour ? '| what the broker or client does | client | versions |' : '| default | client | versions |', '| --- | --- | --- |', ...defaults].join('\n'));

  const effects = EFFECT_LABELS.filter(([name]) => info.effects[name]).map(([name, label]) => `- **${label}:** ${info.effects[name]!}`);
  if (effects.length > 0) parts.push(effects.join('\n'));

  if (info.values && info.values.length > 0) {
    const current = setting?.value.trim().toLowerCase();
    parts.push(info.values.map((v) => {
      const line = `- ${code(v.value)}: ${v.meaning}`;
      return v.value.toLowerCase() === current ? `${line} ← *this value*` : line;
    }).join('\n'));
  }
  if (setting) {
    const value = setting.value.trim();
    // Messages quote the workspace's own text (values, names): escaped, so nothing in a file becomes a link or markup.
    const verdicts = input.findings.map((f) => `- ${severityIcon(f.severity)} [${f.ruleId}](${input.ruleLink(f.ruleId)}): ${escapeText(f.message)}${f.context ? ` *${escapeText(f.context.note)}*` : ''}`);
    const what = info.behaviour ? `What the code does here (${escapeText(value)})` : `This value (${code(value)})`;
    parts.push(verdicts.length > 0
      ? [`**${what} under the \`${input.profile}\` profile:**`, ...verdicts].join('\n')
      : `${what} raises no concern under the \`${input.profile}\` profile.`);
  }
  if (input.rules.length > 0) {
    parts.push(`Rules for this key: ${input.rules.map((r) => `[${r.id}](${input.ruleLink(r.id)})`).join(', ')}`);
  }
  if (input.role && input.role.role !== 'production') {
    const shown = { off: 'not shown', hint: 'shown at most as hints', info: 'shown at most as information', unchanged: 'shown as in production code' }[input.nonProduction ?? 'hint'];
    parts.push(`This file is read as ${ROLE_NAMES[input.role.role]} (${escapeText(input.role.reason)}), so its findings are ${shown} (\`mqLens.nonProductionSeverity\`); \`mqLens.roles\` can give it another role.`);
  }
  parts.push(`Sources: ${info.sources.map(renderSource).join('; ')}`);
  return parts.join('\n\n');
}

const ROLE_NAMES = { test: 'test code', sample: 'a sample or tutorial', docs: 'documentation' } as const;

const SYSTEM_NAMES: Readonly<Record<string, string>> = {
  kafka: 'Kafka', rabbitmq: 'RabbitMQ', rocketmq: 'RocketMQ', pulsar: 'Pulsar', 'aws-sqs': 'Amazon SQS', 'aws-sns': 'Amazon SNS', nats: 'NATS',
  activemq: 'ActiveMQ', redis: 'Redis', mqtt: 'MQTT', 'google-pubsub': 'Google Pub/Sub', 'azure-service-bus': 'Azure Service Bus', nsq: 'NSQ', zeromq: 'ZeroMQ',
};

function systemName(system: string): string {
  return SYSTEM_NAMES[system] ?? system;
}

function severityIcon(severity: string): string {
  return severity === 'error' ? '$(error)' : severity === 'warning' ? '$(warning)' : '$(info)';
}

function renderSource(source: string): string {
  const match = /^(https:\/\/\S+)(.*)$/.exec(source);
  return match ? `[${linkLabel(match[1]!)}](${match[1]!})${match[2]!}` : escapeText(source);
}

function linkLabel(url: string): string {
  return url.replace(/^https:\/\//, '').replace(/[?#].*$/, '');
}

/** A Markdown code span that survives backticks in the text and can stand in a table cell. */
/** A code span that holds `text` whole: its fence is one backtick longer than the longest run of them inside. */
function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  const padding = longest > 0 ? ' ' : '';
  return `${ticks}${padding}${text.replace(/\|/g, '\\|')}${padding}${ticks}`;
}

/** Plain text with Markdown's special characters escaped. */
function escapeText(text: string): string {
  return text.replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`);
}
