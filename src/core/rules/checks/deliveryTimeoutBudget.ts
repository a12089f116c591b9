// delivery.timeout.ms must leave room for one linger and one request: the Java producer refuses to start when an
// explicitly set delivery.timeout.ms is below linger.ms + request.timeout.ms.
import { fillTemplate, sameScope, toNumber, valueOf } from '../evaluate';
import type { Check, CheckHit } from './index';
import { placeOf } from './index';

/** The Java client's request.timeout.ms default (ProducerConfig); linger.ms is taken as written, else 0. */
const DEFAULT_REQUEST_TIMEOUT_MS = 30000;

export const deliveryTimeoutBudget: Check = (context, rule) => {
  const hits: CheckHit[] = [];
  for (const delivery of context.settings.filter((s) => s.system === 'kafka' && s.key === 'delivery.timeout.ms' && !s.implicit)) {
    const deliveryMs = toNumber(valueOf(delivery));
    if (deliveryMs === undefined) continue;
    const scope = sameScope(context.settings, delivery);
    const linger = scope.filter((s) => s.key === 'linger.ms').pop();
    const request = scope.filter((s) => s.key === 'request.timeout.ms').pop();
    const lingerMs = linger ? toNumber(valueOf(linger)) ?? 0 : 0;
    const requestMs = request ? toNumber(valueOf(request)) ?? DEFAULT_REQUEST_TIMEOUT_MS : DEFAULT_REQUEST_TIMEOUT_MS;
    if (deliveryMs >= lingerMs + requestMs) continue;
    const extra = { linger: String(lingerMs), request: String(requestMs), budget: String(lingerMs + requestMs) };
    const related = [linger, request].filter((s) => s !== undefined).map((s) => placeOf(context, s!));
    hits.push({ setting: delivery, message: fillTemplate(rule.message, delivery, context.profile, [], extra), related });
  }
  return hits;
};
