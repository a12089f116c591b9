// A consumer must finish a whole poll's records within max.poll.interval.ms or it is thrown out of the group and its
// partitions are rebalanced (the records are then processed again elsewhere). The budget per record is the interval
// divided by max.poll.records; below 100 ms per record, ordinary slow work (a database call, say) breaks it.
import { fillTemplate, sameScope, toNumber, valueOf } from '../evaluate';
import type { Check, CheckHit } from './index';
import { placeOf } from './index';

const DEFAULT_MAX_POLL_RECORDS = 500;
/** Clients built on librdkafka have no max.poll.records: `poll()`/`consume()` hands over one message unless asked for more. */
const LIBRDKAFKA_RECORDS_PER_POLL = 1;
const MIN_MS_PER_RECORD = 100;

export const pollBudget: Check = (context, rule) => {
  const hits: CheckHit[] = [];
  for (const interval of context.settings.filter((s) => s.system === 'kafka' && s.key === 'max.poll.interval.ms' && !s.implicit)) {
    const intervalMs = toNumber(valueOf(interval));
    if (intervalMs === undefined) continue;
    const records = sameScope(context.settings, interval).filter((s) => s.key === 'max.poll.records').pop();
    const client = interval.client === undefined ? undefined : context.keys.knowledge.clients.find((c) => c.id === interval.client);
    const byDefault = client?.basedOn === 'librdkafka' || client?.id === 'librdkafka' ? LIBRDKAFKA_RECORDS_PER_POLL : DEFAULT_MAX_POLL_RECORDS;
    const recordCount = records ? toNumber(valueOf(records)) ?? byDefault : byDefault;
    if (recordCount <= 0) continue;
    const perRecord = intervalMs / recordCount;
    if (perRecord >= MIN_MS_PER_RECORD) continue;
    const extra = { records: String(recordCount), perRecord: String(Math.floor(perRecord * 10) / 10) };
    hits.push({
      setting: interval,
      message: fillTemplate(rule.message, interval, context.profile, [], extra),
      related: records ? [placeOf(context, records, `${records.rawKey} is ${recordCount} here.`)] : [],
    });
  }
  return hits;
};
