// SARIF 2.1.0 output for `mq-lens check --format sarif`, as GitHub code scanning reads it.
import type { RuleInfo, Severity } from '../core/knowledgeTypes';
import type { Finding } from '../core/types';

const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function toSarif(findings: readonly Finding[], rules: readonly RuleInfo[], version: string): object {
  const used = [...new Set(findings.map((f) => f.ruleId))].sort();
  const ruleIndex = new Map(used.map((id, i) => [id, i]));
  const byId = new Map(rules.map((r) => [r.id, r]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'MQ Lens',
          version,
          semanticVersion: version,
          rules: used.map((id) => sarifRule(byId.get(id), id)),
        },
      },
      results: findings.map((f) => ({
        ruleId: f.ruleId,
        ruleIndex: ruleIndex.get(f.ruleId),
        level: LEVELS[f.severity],
        message: { text: f.context ? `${f.message} ${f.context.note}` : f.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' },
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        }],
        ...(f.related && f.related.length > 0 ? {
          relatedLocations: f.related.map((place, id) => ({
            id,
            physicalLocation: {
              artifactLocation: { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' },
              region: { startLine: place.line, startColumn: place.column },
            },
            message: { text: place.message },
          })),
        } : {}),
        properties: f.context ? { profile: f.profile, context: f.context } : { profile: f.profile },
      })),
      columnKind: 'utf16CodeUnits',
    }],
  };
}

function sarifRule(rule: RuleInfo | undefined, id: string): object {
  if (!rule) return { id };
  const markdown = [`${rule.summary}`, '', rule.why.trim(), '', `**Fix:** ${rule.fix.title}.`].join('\n');
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.why.trim().replace(/\s+/g, ' ') },
    help: { text: `${rule.why.trim().replace(/\s+/g, ' ')} Fix: ${rule.fix.title}.`, markdown },
    helpUri: rule.references[0],
    properties: { tags: ['message-queue', rule.system], profiles: rule.severity },
  };
}
