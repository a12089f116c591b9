// Text for people: the recommendation as Markdown (copied from the wizard, printed by `mq-lens recommend`) and an
// Architecture Decision Record of the choice.
import type { Knowledge, Profile } from '../knowledgeTypes';
import type { Answers } from './answers';
import type { Recommendation } from './recommend';

/**
 * The workload profile the answers imply, or undefined when they say nothing about it (no use case and no tight
 * latency target): then the workspace's own profile stands, and the wizard does not offer to change it.
 */
export function impliedProfile(answers: Answers): Profile | undefined {
  switch (answers.useCase) {
    case 'online-transactions':
      return 'online';
    case 'logs-metrics-tracking':
    case 'stream-processing':
    case 'iot-telemetry':
      return 'streaming';
    case undefined:
      return answers.latencyTargetMs !== undefined && answers.latencyTargetMs <= 50 ? 'online' : undefined;
    default:
      return answers.latencyTargetMs !== undefined && answers.latencyTargetMs <= 50 ? 'online' : 'general';
  }
}

/** The profile a recommendation is written for: the one the answers imply, else the workspace's (else general). */
export function profileFor(answers: Answers, workspace: Profile = 'general'): Profile {
  return impliedProfile(answers) ?? workspace;
}

/** The answers as `question: answer` lines, labelled as the wizard asks them. */
export function answerLines(answers: Answers, knowledge: Knowledge): string[] {
  const lines: string[] = [];
  for (const step of knowledge.wizard.steps) {
    for (const question of step.questions) {
      const value = (answers as Record<string, unknown>)[question.field];
      if (value === undefined) continue;
      const label = (v: unknown) => question.options?.find((o) => o.value === v)?.label ?? String(v);
      const text = Array.isArray(value) ? value.map(label).join(', ') : typeof value === 'boolean' ? (value ? 'yes' : 'no') : `${label(value)}${question.unit ? ` ${question.unit}` : ''}`;
      lines.push(`${question.title} ${text}`);
    }
  }
  return lines;
}

export function starterFor(brokerId: string, profile: Profile, knowledge: Knowledge) {
  return knowledge.wizard.starters.find((s) => s.broker === brokerId && s.profile === profile)
    ?? knowledge.wizard.starters.find((s) => s.broker === brokerId && s.profile === 'general');
}

/** `workspace` is the workspace's profile, used when the answers imply none. */
export function recommendationMarkdown(answers: Answers, result: Recommendation, knowledge: Knowledge, workspace?: Profile): string {
  const out: string[] = ['# Message queue recommendation', ''];
  const lines = answerLines(answers, knowledge);
  out.push('## Answers', '', ...(lines.length > 0 ? lines.map((l) => `- ${l}`) : ['- No preferences given.']), '');
  out.push('## Ranking', '');
  result.ranking.forEach((r, i) => {
    out.push(`${i + 1}. **${r.name}** (score ${r.score})`);
    for (const reason of r.reasons) out.push(`   - ${reason}`);
    for (const caution of r.cautions) out.push(`   - Caution: ${caution}`);
    for (const note of r.notes ?? []) out.push(`   - Note: ${note}`);
  });
  if (result.excluded.length > 0) {
    out.push('', '## Ruled out', '');
    for (const e of result.excluded) out.push(`- **${e.name}**: ${e.reasons.join(' ')}`);
  }
  const winner = result.ranking[0];
  if (winner) {
    const profile = profileFor(answers, workspace);
    const starter = starterFor(winner.broker, profile, knowledge);
    if (starter) {
      out.push('', `## Starting configuration for ${winner.name} (${starter.profile} profile)`, '', `\`${starter.file}\`:`, '', '```', starter.code.replace(/\n$/, ''), '```', '');
      for (const note of starter.notes) out.push(`- ${note}`);
    }
    const broker = knowledge.brokers.find((b) => b.id === winner.broker);
    if (broker) out.push('', '## Sources', '', ...broker.sources.map((s) => `- ${s}`));
  }
  out.push('');
  return out.join('\n');
}

export interface AdrInput {
  number: number;
  date: string;
  answers: Answers;
  result: Recommendation;
  knowledge: Knowledge;
  /** The workspace's profile, used when the answers imply none. */
  workspaceProfile?: Profile;
}

export function adrFileName(number: number): string {
  return `${String(number).padStart(4, '0')}-choose-message-queue.md`;
}

export function adrMarkdown(input: AdrInput): string {
  const { result, knowledge, answers } = input;
  const winner = result.ranking[0];
  const broker = winner ? knowledge.brokers.find((b) => b.id === winner.broker) : undefined;
  const out: string[] = [];
  out.push(`# ${input.number}. Choose a message queue${winner ? `: ${winner.name}` : ''}`, '');
  out.push(`Date: ${input.date}`, '', 'Status: Proposed', '');
  out.push('## Context', '');
  out.push('We need a message queue for the workload described below. The answers were given in the MQ Lens selection wizard, which ranks candidates against them; the reasons and cautions below are its output.', '');
  for (const line of answerLines(answers, knowledge)) out.push(`- ${line}`);
  out.push('', '## Decision', '');
  if (winner) {
    out.push(`We will use **${winner.name}** (score ${winner.score}).`, '');
    for (const reason of winner.reasons) out.push(`- ${reason}`);
  } else {
    out.push('No candidate met every requirement; see the alternatives.');
  }
  out.push('', '## Alternatives considered', '');
  for (const r of result.ranking.slice(1)) {
    const why = r.cautions.length > 0 ? r.cautions.join(' ') : `A lower fit for these answers (score ${r.score}).`;
    out.push(`- **${r.name}** (score ${r.score}): ${why}`);
  }
  for (const e of result.excluded) out.push(`- **${e.name}** (ruled out): ${e.reasons.join(' ')}`);
  out.push('', '## Consequences', '');
  if (winner) {
    for (const caution of winner.cautions) out.push(`- ${caution}`);
    for (const weakness of broker?.weaknesses ?? []) out.push(`- ${weakness}`);
    if (broker && broker.settingsToCheck.length > 0) out.push(`- Settings to get right from the start: ${broker.settingsToCheck.map((k) => `\`${k}\``).join(', ')}.`);
    out.push(`- The workload profile for this choice is \`${profileFor(answers, input.workspaceProfile)}\`: with \`mqLens.workload\` set to it, MQ Lens judges the configuration for this workload.`);
  }
  out.push('');
  return out.join('\n');
}
