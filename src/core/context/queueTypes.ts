// Whether a file declares its RabbitMQ queues as quorum queues or streams. Both persist every message whatever its
// delivery mode, so a transient publish into them loses nothing at a restart (RabbitMQ docs, quorum-queues feature
// matrix: per-message persistence "always"; streams are always persistent).

/** `x-queue-type` set to a value, in any syntax: YAML, JSON, a Python dict, a Java map put, a Go table. */
const TYPE_ARGUMENT = /x-queue-type["'`]?\s*(?:[:=,]|=>)\s*["'`]?(quorum|stream|classic)\b/gi;
/** Builders and constants: Spring AMQP `QueueBuilder.durable(..).quorum()`, amqp091-go `amqp.QueueTypeQuorum`, .NET and Java enums. */
const TYPE_CONSTANT = /\bQueueBuilder\b[^;]{0,300}?\.(quorum|stream)\(\)|\bQueueType(?:\.|::|_)?(QUORUM|STREAM|CLASSIC|Quorum|Stream|Classic)\b/g;

/** True where the text names quorum or stream as a queue type at least once and never classic. */
export function declaresReplicatedQueuesOnly(text: string): boolean {
  if (!/quorum|stream/i.test(text)) return false;
  let replicated = false;
  for (const pattern of [TYPE_ARGUMENT, TYPE_CONSTANT]) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const type = (match[1] ?? match[2] ?? '').toLowerCase();
      if (type === 'classic') return false;
      replicated = true;
    }
  }
  return replicated;
}
