// Deprecated and unmaintained client libraries, where they are imported or declared, with the replacement.
import { fillTemplate } from '../evaluate';
import type { Check, CheckHit } from './index';

export const clientStatus: Check = (context, rule) => {
  const hits: CheckHit[] = [];
  // Once per client and file, on its first import or dependency: a file that imports eighteen classes of a
  // deprecated SDK needs to hear it once.
  const reported = new Set<string>();
  for (const use of context.clientUses) {
    const { client } = use;
    if (client.status !== 'deprecated' && client.status !== 'unmaintained') continue;
    if (reported.has(client.id)) continue;
    reported.add(client.id);
    const replacement = client.replacement ? context.keys.knowledge.clients.find((c) => c.id === client.replacement) : undefined;
    const position = context.lines.positionAt(use.span.start);
    // Client findings are placed through a setting-shaped record: the span is the import or dependency line.
    const setting = {
      file: context.file, line: position.line, column: position.column, system: client.broker, key: 'client', rawKey: client.name,
      value: client.status, keySpan: use.span, valueSpan: use.span, valueStyle: 'identifier' as const,
    };
    const extra = {
      client: client.name, status: client.status,
      advice: replacement ? `Use ${replacement.name} instead` : 'No maintained replacement is listed',
      note: client.notes[0] ?? '',
    };
    hits.push({ setting, message: fillTemplate(rule.message, setting, context.profile, [], extra).replace(/\s+$/, '') });
  }
  return hits;
};
