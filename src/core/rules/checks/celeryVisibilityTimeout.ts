// Celery on Redis: with task_acks_late a running task stays unacknowledged, and kombu's Redis transport hands any
// message unacknowledged for longer than visibility_timeout to another worker. A task time limit above the timeout
// says tasks may run that long, so such a task runs twice (and again, each time the timeout passes).
import { fillTemplate, toNumber, valueOf } from '../evaluate';
import type { Check, CheckHit } from './index';
import { placeOf } from './index';

export const celeryVisibilityTimeout: Check = (context, rule) => {
  const hits: CheckHit[] = [];
  const inFile = (key: string) => context.settings.filter((s) => s.file === context.file && s.key === key && !s.implicit).pop();
  const acksLate = inFile('task_acks_late');
  if (!acksLate || !/^true$/i.test(valueOf(acksLate))) return hits;
  for (const timeout of context.settings.filter((s) => s.system === 'redis' && s.key === 'visibility_timeout')) {
    const seconds = toNumber(valueOf(timeout));
    if (seconds === undefined) continue;
    // The hard limit bounds how long a task runs; without one, the soft limit is the best hint there is.
    const limit = inFile('task_time_limit') ?? inFile('task_soft_time_limit');
    const limitSeconds = limit ? toNumber(valueOf(limit)) : undefined;
    if (!limit || limitSeconds === undefined || limitSeconds <= seconds) continue;
    hits.push({
      setting: timeout,
      message: fillTemplate(rule.message, timeout, context.profile, [], { limitKey: limit.rawKey, limit: String(limitSeconds) }),
      related: [placeOf(context, limit, `${limit.rawKey} lets a task run ${limitSeconds} s.`), placeOf(context, acksLate, `${acksLate.rawKey} keeps running tasks unacknowledged.`)],
    });
  }
  return hits;
};
