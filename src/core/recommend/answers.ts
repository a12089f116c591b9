// The wizard's answers (DESIGN.md, "Wizard answers"): a stable schema shared by the wizard, `mq-lens recommend` and
// saved decisions. Every field is optional; a missing field means "no preference". Validation names each problem.

export const USE_CASES = ['online-transactions', 'async-integration', 'logs-metrics-tracking', 'stream-processing', 'task-queue', 'iot-telemetry', 'in-process-messaging'] as const;
export const LOSS = ['none', 'rare', 'acceptable'] as const;
export const DUPLICATES = ['none', 'acceptable'] as const;
export const ORDERING = ['none', 'per-key', 'global'] as const;
export const DELAYS = ['none', 'fixed-levels', 'arbitrary', 'cancellable'] as const;
export const ROUTING = ['simple', 'flexible'] as const;
export const PROTOCOLS = ['amqp', 'mqtt', 'stomp', 'jms', 'kafka'] as const;
export const HOSTING = ['self-hosted', 'aws', 'azure', 'gcp', 'any-cloud'] as const;
export const OPS = ['minimal', 'small-team', 'platform-team'] as const;

export interface Answers {
  useCase?: (typeof USE_CASES)[number];
  peakMessagesPerSecond?: number;
  latencyTargetMs?: number;
  lossTolerance?: (typeof LOSS)[number];
  duplicateTolerance?: (typeof DUPLICATES)[number];
  ordering?: (typeof ORDERING)[number];
  delayedMessages?: (typeof DELAYS)[number];
  replay?: boolean;
  retentionDays?: number;
  transactions?: boolean;
  routing?: (typeof ROUTING)[number];
  priorities?: boolean;
  protocols?: Array<(typeof PROTOCOLS)[number]>;
  languages?: string[];
  hosting?: (typeof HOSTING)[number];
  opsCapacity?: (typeof OPS)[number];
  bigDataIntegration?: boolean;
  multiTenant?: boolean;
  geoReplication?: boolean;
  existingInfra?: string[];
}

const ENUMS: Record<string, readonly string[]> = {
  useCase: USE_CASES, lossTolerance: LOSS, duplicateTolerance: DUPLICATES, ordering: ORDERING, delayedMessages: DELAYS,
  routing: ROUTING, hosting: HOSTING, opsCapacity: OPS,
};
const NUMBERS = ['peakMessagesPerSecond', 'latencyTargetMs', 'retentionDays'];
const BOOLEANS = ['replay', 'transactions', 'priorities', 'bigDataIntegration', 'multiTenant', 'geoReplication'];
const STRING_LISTS: Record<string, readonly string[] | undefined> = { protocols: PROTOCOLS, languages: undefined, existingInfra: undefined };

export type Validated = { answers: Answers; problems: [] } | { answers?: undefined; problems: string[] };

/** Checks untrusted input (a file, a webview message) against the schema; unknown fields are problems too. */
export function validateAnswers(input: unknown): Validated {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return { problems: ['answers must be a JSON object'] };
  const problems: string[] = [];
  const answers: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(input as Record<string, unknown>)) {
    if (value === null || value === undefined) continue;
    if (field in ENUMS) {
      if (typeof value === 'string' && ENUMS[field]!.includes(value)) answers[field] = value;
      else problems.push(`${field} must be one of ${ENUMS[field]!.join(', ')} (got ${JSON.stringify(value)})`);
    } else if (NUMBERS.includes(field)) {
      if (typeof value === 'number' && Number.isFinite(value) && value >= 0) answers[field] = value;
      else problems.push(`${field} must be a number, 0 or more (got ${JSON.stringify(value)})`);
    } else if (BOOLEANS.includes(field)) {
      if (typeof value === 'boolean') answers[field] = value;
      else problems.push(`${field} must be true or false (got ${JSON.stringify(value)})`);
    } else if (field in STRING_LISTS) {
      const allowed = STRING_LISTS[field];
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && /^[a-z0-9+#.-]{1,40}$/.test(v))) {
        problems.push(`${field} must be a list of short lower-case ids (got ${JSON.stringify(value)})`);
      } else if (allowed && !value.every((v) => allowed.includes(v))) {
        problems.push(`${field} may only contain ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
      } else {
        answers[field] = [...new Set(value)];
      }
    } else {
      problems.push(`unknown field ${JSON.stringify(field)}`);
    }
  }
  return problems.length > 0 ? { problems } : { answers: answers as Answers, problems: [] };
}
