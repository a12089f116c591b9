// min.insync.replicas at or above the replication factor: with acks=all, one replica down (or none, when it is
// above) makes every write fail. Replication comes from default.replication.factor or a topic's replication.factor.
import { fillTemplate, sameScope, toNumber, valueOf } from '../evaluate';
import type { Check, CheckHit } from './index';
import { placeOf } from './index';

export const minIsrVsReplication: Check = (context, rule) => {
  const hits: CheckHit[] = [];
  for (const minIsr of context.settings.filter((s) => s.system === 'kafka' && s.key === 'min.insync.replicas' && !s.implicit)) {
    const minIsrCount = toNumber(valueOf(minIsr));
    if (minIsrCount === undefined) continue;
    const replication = sameScope(context.settings, minIsr)
      .filter((s) => s.key === 'default.replication.factor' || s.key === 'replication.factor').pop();
    const replicas = replication ? toNumber(valueOf(replication)) : undefined;
    if (!replication || replicas === undefined || replicas <= 1 || minIsrCount < replicas) continue;
    const extra = { replicas: String(replicas) };
    hits.push({
      setting: minIsr,
      message: fillTemplate(rule.message, minIsr, context.profile, [], extra),
      related: [placeOf(context, replication, `${replication.rawKey} is ${replicas} here.`)],
    });
  }
  return hits;
};
