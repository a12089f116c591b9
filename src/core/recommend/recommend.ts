// Ranks message queues for a workload. Deterministic and driven by data: the broker profiles in knowledge/brokers/
// (capabilities, performance, operations, hosting, languages) and the lesson's use-case fit in knowledge/wizard/.
// First the hard exclusions (a product that cannot do what is required is out, with the reason), then points for
// and against each remaining candidate, every one tied to an answer and written as a reason or a caution.
import type { BrokerInfo, Knowledge, Support } from '../knowledgeTypes';
import type { Answers } from './answers';

export interface Ranked {
  broker: string;
  name: string;
  /** 0 to 100: 50 is a neutral fit; each reason adds and each caution subtracts. */
  score: number;
  reasons: string[];
  cautions: string[];
  /** Information that neither helps nor hurts (a benchmark figure that says little either way); absent when empty. */
  notes?: string[];
}

export interface Excluded {
  broker: string;
  name: string;
  reasons: string[];
}

export interface Recommendation {
  ranking: Ranked[];
  excluded: Excluded[];
}

/** Messages per second from which published throughput figures start to separate brokers. */
const DEMANDING_PEAK = 10_000;
const DELAY_ORDER = ['none', 'fixed-levels', 'arbitrary', 'cancellable'];
const DELAY_WORDS: Record<string, string> = {
  none: 'cannot delay messages', 'fixed-levels': 'offers only fixed delay levels', arbitrary: 'cannot cancel a delayed message once sent',
};
/** Where a language has no client of its own, the language whose clients it can call. */
const USABLE_FROM: Record<string, string> = { kotlin: 'java', scala: 'java', cpp: 'c' };
const LANGUAGE_NAMES: Record<string, string> = { javascript: 'JavaScript', csharp: 'C#', cpp: 'C++', go: 'Go', php: 'PHP' };

export function recommend(answers: Answers, knowledge: Knowledge): Recommendation {
  const ranking: Ranked[] = [];
  const excluded: Excluded[] = [];
  for (const broker of knowledge.brokers) {
    const out = exclusions(broker, answers);
    if (out.length > 0) {
      excluded.push({ broker: broker.id, name: broker.name, reasons: out });
      continue;
    }
    const tally = new Tally();
    baseline(broker, answers, tally);
    useCaseFit(broker, answers, knowledge, tally);
    requirements(broker, answers, tally);
    platform(broker, answers, tally);
    const ranked: Ranked = { broker: broker.id, name: broker.name, score: Math.max(0, Math.min(100, 50 + tally.points)), reasons: tally.reasons, cautions: tally.cautions };
    if (tally.notes.length > 0) ranked.notes = tally.notes;
    ranking.push(ranked);
  }
  ranking.sort((a, b) => b.score - a.score || a.broker.localeCompare(b.broker));
  excluded.sort((a, b) => a.broker.localeCompare(b.broker));
  return { ranking, excluded };
}

class Tally {
  points = 0;
  readonly reasons: string[] = [];
  readonly cautions: string[] = [];
  readonly notes: string[] = [];
  plus(points: number, reason: string): void {
    this.points += points;
    this.reasons.push(reason);
  }
  minus(points: number, caution: string): void {
    this.points -= points;
    this.cautions.push(caution);
  }
  caution(caution: string): void {
    this.cautions.push(caution);
  }
  /** Information that neither helps nor hurts (a benchmark figure that says little either way). */
  note(note: string): void {
    this.notes.push(note);
  }
}

/** What rules a product out, each reason naming the answer it fails. */
function exclusions(broker: BrokerInfo, answers: Answers): string[] {
  const c = broker.capabilities;
  const out: string[] = [];
  if (answers.lossTolerance === 'none' && c.persistence.value === 'none') {
    out.push(`No loss allowed, but ${broker.name} keeps no messages of its own: a crash or a slow consumer loses them.`);
  }
  const hosting = answers.hosting;
  const where = new Set(broker.hosting.map((h) => h.where));
  if (hosting === 'self-hosted' && !where.has('self-hosted') && !where.has('in-process')) {
    out.push(`Self-hosted, but ${broker.name} exists only as a managed service (${broker.hosting.map((h) => h.offering).join(', ')}).`);
  }
  if ((hosting === 'aws' || hosting === 'azure' || hosting === 'gcp') && !where.has(hosting) && !where.has('self-hosted') && !where.has('in-process')) {
    out.push(`Runs on ${cloudName(hosting)}, but ${broker.name} is a service of another cloud.`);
  }
  if (answers.delayedMessages && answers.delayedMessages !== 'none') {
    const have = c.delayedMessages.value;
    if (have !== 'unknown' && DELAY_ORDER.indexOf(have) < DELAY_ORDER.indexOf(answers.delayedMessages)) {
      out.push(`${delayNeed(answers.delayedMessages)}, but ${broker.name} ${DELAY_WORDS[have] ?? 'cannot'}.`);
    } else if (c.delayedMessages.limit && answers.delayedMessages !== 'fixed-levels') {
      // A capped delay (SQS: 15 minutes) does not meet "any length": ruled out, with the limit as the reason.
      out.push(`${delayNeed(answers.delayedMessages)}: ${c.delayedMessages.limit}`);
    }
  }
  if ((answers.ordering === 'per-key' || answers.ordering === 'global') && c.ordering.value === 'none') {
    out.push(`Messages must stay in order, but ${broker.name} does not keep order.`);
  }
  if (answers.transactions && c.transactions.value === false) out.push(`Transactions are required, but ${broker.name} has none.`);
  if (answers.replay && c.replay.value === false) out.push(`Consumers must re-read old messages, but ${broker.name} deletes a message once it is consumed.`);
  if (answers.priorities && c.priorities.value === false) out.push(`Priorities are required, but ${broker.name} has no message priorities.`);
  for (const protocol of answers.protocols ?? []) {
    const spoken = c.protocols.value.map((p) => p.toLowerCase());
    if (!spoken.some((p) => p.includes(protocol === 'kafka' ? 'kafka' : protocol))) out.push(`Clients must speak ${protocol.toUpperCase()}, which ${broker.name} does not.`);
  }
  return out;
}

/** The baseline: reliable delivery (operations, community and ecosystem are weighed in `platform`). */
function baseline(broker: BrokerInfo, answers: Answers, tally: Tally): void {
  const persistence = broker.capabilities.persistence;
  if (answers.lossTolerance !== 'none' && answers.lossTolerance !== 'rare') return;
  const need = answers.lossTolerance === 'none' ? 'Loss not allowed' : 'Loss rare';
  if (persistence.value === 'always' || persistence.value === 'default') {
    const how = persistence.value === 'always' ? 'always persists messages' : 'persists messages unless a producer or topic opts out';
    // Persistence that loses acknowledged messages under the defaults fits only with settings the team must change:
    // the reason says it persists, a caution says what the defaults leave open, and it earns less than persistence
    // that holds as installed (so the decision record lists the caveat among the consequences).
    if (persistence.caveat) {
      tally.plus(answers.lossTolerance === 'none' ? 2 : 4, `${need}: ${broker.name} ${how}, with non-default settings (see the caution).`);
      tally.caution(`${need}: only non-default settings keep every acknowledged message. ${persistence.caveat}`);
    } else {
      tally.plus(5, `${need}: ${broker.name} ${how}.`);
    }
  } else if (persistence.value === 'optional') {
    // With no loss allowed, persistence that must be switched on (and kept on) is a real risk, not a detail.
    tally.minus(answers.lossTolerance === 'none' ? 12 : 3, `${need}: persistence in ${broker.name} is optional and must be switched on.${persistence.note ? ` ${persistence.note}` : ''}`);
  }
}

function useCaseFit(broker: BrokerInfo, answers: Answers, knowledge: Knowledge, tally: Tally): void {
  const fitFor = (useCase: string) => knowledge.wizard.useCases.find((u) => u.useCase === useCase)?.fits.find((f) => f.broker === broker.id);
  if (answers.useCase) {
    const fit = fitFor(answers.useCase);
    const label = knowledge.wizard.steps.flatMap((s) => s.questions).find((q) => q.field === 'useCase')?.options?.find((o) => o.value === answers.useCase)?.label ?? answers.useCase;
    if (fit && fit.points > 0) tally.plus(fit.points * 8, `${label}: ${fit.reason}`);
    else if (fit && fit.points < 0) tally.minus(-fit.points * 8, `${label}: ${fit.reason}`);
  }
  if (answers.bigDataIntegration) {
    const fit = fitFor('stream-processing');
    if (fit && fit.points > 0) tally.plus(fit.points * 4, `Feeds the big-data ecosystem. ${fit.reason}`);
    else tally.minus(4, `Feeds Spark, Flink or Hadoop: ${broker.name} has few first-class connectors there.`);
  }
}

function requirements(broker: BrokerInfo, answers: Answers, tally: Tally): void {
  const c = broker.capabilities;
  if (answers.delayedMessages && answers.delayedMessages !== 'none') {
    const need = delayNeed(answers.delayedMessages);
    if (c.delayedMessages.value === 'unknown') tally.minus(5, `${need}: whether ${broker.name} can is not confirmed.`);
    else tally.plus(4, `${need}: ${broker.name} supports this.${c.delayedMessages.note ? ` ${c.delayedMessages.note}` : ''}`);
  }
  if (answers.ordering === 'global' && ['per-partition', 'per-key', 'per-queue'].includes(c.ordering.value)) {
    tally.caution(`Global order: ${broker.name} orders ${c.ordering.value.replace('per-', 'per ')} only, so one partition or queue must carry everything, which caps throughput.`);
  } else if (answers.ordering === 'per-key' && c.ordering.value !== 'unknown') {
    tally.plus(3, `Order per key: ${broker.name} keeps order ${c.ordering.value.replace('per-', 'per ')}.`);
  }
  supportPoints(tally, answers.transactions, c.transactions.value, 5, 'Transactions', broker.name, 'has them', 'has them only partly');
  supportPoints(tally, answers.replay, c.replay.value, 5, 'Replay', broker.name, 'keeps messages for re-reading', 'can replay only in some setups');
  supportPoints(tally, answers.priorities, c.priorities.value, 3, 'Priorities', broker.name, 'has message priorities', 'has priorities only partly');
  supportPoints(tally, answers.multiTenant, c.multiTenant.value, 6, 'Many tenants', broker.name, 'has native tenants', 'separates tenants only partly');
  supportPoints(tally, answers.geoReplication, c.geoReplication.value, 6, 'Cross-region replication', broker.name, 'replicates across regions', 'replicates across regions only partly');
  if (answers.duplicateTolerance === 'none') {
    if (c.exactlyOnce.value === true) tally.plus(4, `No duplicates: ${broker.name} can deliver exactly once within its own boundaries; consumers that touch other systems still need to be idempotent.`);
    else tally.caution(`No duplicates: ${broker.name} delivers at least once, so consumers must drop duplicates themselves (an inbox table or idempotent writes).`);
  }
  if (answers.routing === 'flexible') {
    if (c.routing.value === 'flexible') tally.plus(6, `Flexible routing: ${broker.name} routes by exchange, header or pattern natively.`);
    else if (c.routing.value === 'simple') tally.minus(4, `Flexible routing: ${broker.name} routes by topic only, so the rest falls to the application.`);
  }
  if (answers.retentionDays !== undefined && answers.retentionDays > 14) {
    if (c.tieredStorage.value === true) tally.plus(4, `${answers.retentionDays} days of retention: ${broker.name} can move old data to tiered storage.`);
    else if (c.replay.value === false) tally.minus(5, `${answers.retentionDays} days of retention: ${broker.name} is a queue, not a store for old messages.`);
  }
  // Published figures are benchmark results, not limits: a miss costs points only when the figure describes the
  // whole system; one measured on a single queue, or disputed between vendors, becomes a caution with its caveat.
  const throughput = broker.performance.throughput;
  if (answers.peakMessagesPerSecond !== undefined && throughput.messagesPerSecond !== undefined) {
    const figure = `${broker.name}'s published figure (${formatNumber(throughput.messagesPerSecond)} msg/s${throughput.date ? `, ${throughput.date}` : ''})`;
    const peak = `Peak ${formatNumber(answers.peakMessagesPerSecond)} msg/s`;
    // Below ten thousand messages a second every broker here copes, so being within a figure earns nothing; only a
    // demanding peak separates them (and brokers with no published figure are not left behind on small loads).
    if (throughput.messagesPerSecond >= answers.peakMessagesPerSecond) {
      if (answers.peakMessagesPerSecond >= DEMANDING_PEAK) tally.plus(3, `${peak}: within ${figure}.`);
    }
    else if (throughput.caveat) tally.note(`${peak}: above ${figure}. ${throughput.caveat}`);
    else tally.minus(8, `${peak}: above ${figure}.`);
  }
  const latency = broker.performance.latency;
  if (answers.latencyTargetMs !== undefined && latency.p99Ms !== undefined) {
    const target = `p99 target ${answers.latencyTargetMs} ms`;
    if (latency.caveat) tally.note(`${target}: ${broker.name}'s published p99 is ${latency.p99Ms} ms. ${latency.caveat}`);
    else if (latency.p99Ms <= answers.latencyTargetMs) tally.plus(3, `${target}: ${broker.name}'s published p99 is ${latency.p99Ms} ms.`);
    else tally.minus(6, `${target}: ${broker.name}'s published p99 is ${latency.p99Ms} ms.`);
  }
  if (broker.id === 'kafka' && answers.latencyTargetMs !== undefined && answers.latencyTargetMs <= 20) {
    tally.caution(`p99 target ${answers.latencyTargetMs} ms: keep the producer's linger.ms small (5 or less) so batching does not eat the budget.`);
  }
}

function supportPoints(tally: Tally, wanted: boolean | undefined, have: Support, points: number, label: string, name: string, yes: string, partly: string): void {
  if (!wanted) return;
  if (have === true) tally.plus(points, `${label}: ${name} ${yes}.`);
  else if (have === 'partial') tally.minus(Math.ceil(points / 2), `${label}: ${name} ${partly}.`);
  else if (have === 'unknown') tally.minus(points, `${label}: not confirmed for ${name}.`);
}

function platform(broker: BrokerInfo, answers: Answers, tally: Tally): void {
  const cloud = answers.hosting === 'aws' || answers.hosting === 'azure' || answers.hosting === 'gcp' ? answers.hosting : undefined;
  const offering = cloud ? broker.hosting.find((h) => h.where === cloud) : undefined;
  if (cloud && offering && broker.kind === 'managed-service') tally.plus(8, `Runs on ${cloudName(cloud)}: ${offering.offering} is that cloud's own service.`);
  else if (cloud && offering) tally.plus(3, `Runs on ${cloudName(cloud)}: ${broker.name} is offered there as a managed service (${offering.offering}).`);
  // On a cloud that offers the broker as a managed service, the team operates that service, not the cluster: the
  // operations answer is judged against the managed offering, never both credited and cautioned.
  const managed = cloud && offering && broker.kind !== 'managed-service' ? { cloud, offering } : undefined;
  const weight = broker.operations.weight;
  if (managed && (answers.opsCapacity === 'minimal' || answers.opsCapacity === 'small-team')) {
    tally.plus(answers.opsCapacity === 'minimal' ? 4 : 3, `${answers.opsCapacity === 'minimal' ? 'Nobody to operate it' : 'A small team'}: on ${cloudName(managed.cloud)}, ${managed.offering.offering} runs ${broker.name} for you; sizing, upgrades and client settings remain yours.`);
  } else if (answers.opsCapacity === 'minimal') {
    if (weight === 'heavy') tally.minus(20, `Nobody to operate it: ${broker.name} means running ${broker.operations.components.join(', ')}.`);
    else if (weight === 'moderate') tally.minus(10, `Nobody to operate it: ${broker.name} needs ${broker.operations.components.join(', ')}.`);
    else if (weight === 'none') tally.plus(8, `Nobody to operate it: ${broker.name} needs no operations of your own.`);
    else tally.plus(4, `Nobody to operate it: ${broker.name} is light to run (${broker.operations.components.join(', ')}).`);
  } else if (answers.opsCapacity === 'small-team') {
    if (weight === 'heavy') tally.minus(10, `A small team: ${broker.name} means running ${broker.operations.components.join(', ')}.`);
    else if (weight === 'light' || weight === 'none') tally.plus(3, `A small team: ${broker.name} is light to run.`);
  }
  const wanted = answers.languages ?? [];
  if (wanted.length > 0) {
    // The catalogue decides: a language counts when a maintained client for the broker is catalogued. JVM languages
    // use the Java clients, and C++ code calls C libraries directly.
    const own = (map: Readonly<Record<string, string[]>>, key: string | undefined) => (key !== undefined && Object.hasOwn(map, key) ? map[key] : undefined);
    const clientsFor = (language: string) => own(broker.clientsByLanguage, language) ?? own(broker.clientsByLanguage, Object.hasOwn(USABLE_FROM, language) ? USABLE_FROM[language] : undefined);
    const missing = wanted.filter((l) => !clientsFor(l));
    const examples = wanted.filter((l) => clientsFor(l)).map((l) => `${languageName(l)}: ${clientsFor(l)![0]}`);
    if (missing.length === 0) tally.plus(4, `Clients in ${list(wanted.map(languageName))}: maintained ones exist (${examples.join('; ')}).`);
    else tally.minus(4 * missing.length, `No maintained ${broker.name} client is known for ${list(missing.map(languageName))}.`);
  }
  if (answers.existingInfra?.includes(broker.id)) tally.plus(15, `You already run ${broker.name}: the team knows it and the platform exists.`);
}

function delayNeed(level: string): string {
  return level === 'cancellable' ? 'Delays that can be cancelled' : level === 'arbitrary' ? 'Delays of any length' : 'Fixed delay levels';
}

function cloudName(hosting: string): string {
  return hosting === 'aws' ? 'AWS' : hosting === 'azure' ? 'Azure' : 'Google Cloud';
}

function list(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function languageName(id: string): string {
  return (Object.hasOwn(LANGUAGE_NAMES, id) ? LANGUAGE_NAMES[id] : undefined) ?? id[0]!.toUpperCase() + id.slice(1);
}

/** A rate as people write it: three significant digits at most, so 767917 reads "768k", 1250000 "1.25M", 999999 "1M". */
export function formatNumber(n: number): string {
  // Round first, then pick the unit, so 999999 is 1M and not 1000k.
  const rounded = Number(n.toPrecision(3));
  if (rounded >= 1e9) return `${Number((rounded / 1e9).toPrecision(3))}G`;
  if (rounded >= 1e6) return `${Number((rounded / 1e6).toPrecision(3))}M`;
  if (rounded >= 1e3) return `${Number((rounded / 1e3).toPrecision(3))}k`;
  return String(rounded);
}
