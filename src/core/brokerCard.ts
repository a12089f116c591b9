// The hover card for a client import or dependency: what the broker is good at and where it hurts (the lesson's
// comparison), notes on this client library, and the settings worth checking.
import type { BrokerInfo, ClientInfo, Knowledge } from './knowledgeTypes';

export interface BrokerCardInput {
  knowledge: Knowledge;
  client: ClientInfo;
  /** Command links the host can offer, e.g. opening the selection wizard; Markdown link targets. */
  links?: Array<{ title: string; target: string }>;
}

export function brokerCardMarkdown(input: BrokerCardInput): string {
  const { client, knowledge } = input;
  const broker: BrokerInfo | undefined = knowledge.brokers.find((b) => b.id === client.broker);
  const parts: string[] = [];
  parts.push(`**${broker?.name ?? client.broker}** · through ${client.name}`);
  if (broker) {
    parts.push(broker.summary);
    parts.push(['**Good at**', ...broker.strengths.map((s) => `- ${s}`)].join('\n'));
    parts.push(['**Where it hurts**', ...broker.weaknesses.map((s) => `- ${s}`)].join('\n'));
  }
  const clientLines = [`**This client:** ${client.name} (${client.language}, ${statusWords(client.status)})`];
  for (const note of client.notes) clientLines.push(`- ${note}`);
  const replacement = client.replacement ? knowledge.clients.find((c) => c.id === client.replacement) : undefined;
  if (replacement) clientLines.push(`- Maintained replacement: ${replacement.name} (\`${replacement.manifests[0] ?? replacement.imports[0] ?? replacement.id}\`).`);
  parts.push(clientLines.join('\n'));
  if (broker && broker.settingsToCheck.length > 0) {
    parts.push(`**Settings worth checking:** ${broker.settingsToCheck.map((k) => `\`${k}\``).join(', ')}`);
  }
  if (input.links && input.links.length > 0) parts.push(input.links.map((l) => `[${l.title}](${l.target})`).join(' · '));
  const sources = [...(broker?.sources.slice(0, 2) ?? []), ...client.sources.slice(0, 1)];
  if (sources.length > 0) parts.push(`Sources: ${sources.map((s) => s.replace(/[[\]*_<>|]/g, (c) => `\\${c}`)).join('; ')}`);
  return parts.join('\n\n');
}

function statusWords(status: ClientInfo['status']): string {
  return status === 'low-activity' ? 'low activity' : status;
}
