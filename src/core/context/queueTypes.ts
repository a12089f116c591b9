// Whether a file declares its RabbitMQ queues as quorum queues or streams. Both persist every message whatever its
// delivery mode, so a transient publish into them loses nothing at a restart (RabbitMQ docs, quorum-queues feature
// matrix: per-message persistence "always"; streams are always persistent).

/** `x-queue-type` set to a value, in any syntax: YAML, JSON, a Python dict, a Java map put, a Go table. */
const TYPE_ARGUMENT = /x-queue-type["'`]?\s*(?:[:=,]|=>)\s*["'`]?(quorum|stream|classic)\b/gi;
/** Builders and constants: Spring AMQP `QueueBuilder.durable(..).quorum()`, amqp091-go `amqp.QueueTypeQuorum`, .NET and Java enums. */
const TYPE_CONSTANT = /\bQueueBuilder\b[^;]{0,300}?\.(quorum|stream)\(\)|\bQueueType(?:\.|::|_)?(QUORUM|STREAM|CLASSIC|Quorum|Stream|Classic)\b/g;

/** Queue declarations in the common clients: each one needs a quorum or stream type for the file to count. */
const DECLARATIONS = /\b(?:queue_declare|queueDeclare|QueueDeclare(?:Async)?|assertQueue|declare_queue|declareQueue)\s*\(|\bQueueBuilder\s*\.\s*(?:durable|nonDurable)\s*\(|\bnew\s+Queue\s*\(/g;

/**
 * True where the code (comments already blanked out) names quorum or stream as a queue type, never classic, and at
 * least as often as it declares queues: a declaration without a type is a classic queue.
 */
export function declaresReplicatedQueuesOnly(code: string): boolean {
  if (!/quorum|stream/i.test(code)) return false;
  let replicated = 0;
  for (const pattern of [TYPE_ARGUMENT, TYPE_CONSTANT]) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(code); match; match = pattern.exec(code)) {
      const type = (match[1] ?? match[2] ?? '').toLowerCase();
      if (type === 'classic') return false;
      replicated++;
    }
  }
  const declarations = code.match(DECLARATIONS)?.length ?? 0;
  return replicated > 0 && replicated >= declarations;
}
