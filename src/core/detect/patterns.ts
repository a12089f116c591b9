// Detection patterns that are about syntax rather than facts about a library: connection-URL schemes, container
// images, Kubernetes resources, Spring prefixes, framework extras and framework calls.

/** Whether a text may hold any of the URLs below: a cheap test before the per-line scan. */
export const URL_HINT = /\b(amqps?|pyamqp|librabbitmq|rabbit|pulsar(\+ssl)?|nats|mqtts?|stomp(\+ssl)?|sqs|rediss?|confluentkafka|kafka|gcpubsub|azureservicebus):\/\/|servicebus\.windows\.net|sqs\.[\w-]+\.amazonaws\.com/i;

/** Connection URLs and endpoints, found in string literals and configuration values. */
export const URL_PATTERNS: ReadonlyArray<{ pattern: RegExp; broker: string; needsContext?: RegExp }> = [
  { pattern: /\bamqps?:\/\/[^\s'"`<>]*/i, broker: 'rabbitmq' },
  // kombu's transport aliases (Celery's broker_url) and oslo.messaging's transport URLs.
  { pattern: /\b(pyamqp|librabbitmq|rabbit):\/\/[^\s'"`<>]*/i, broker: 'rabbitmq' },
  { pattern: /\b(confluentkafka|kafka):\/\/[^\s'"`<>]*/i, broker: 'kafka' },
  { pattern: /\bgcpubsub:\/\/[^\s'"`<>]*/i, broker: 'google-pubsub' },
  { pattern: /\bazureservicebus:\/\/[^\s'"`<>]*/i, broker: 'azure-service-bus' },
  { pattern: /\bpulsar(\+ssl)?:\/\/[^\s'"`<>]*/i, broker: 'pulsar' },
  { pattern: /\bnats:\/\/[^\s'"`<>]*/i, broker: 'nats' },
  { pattern: /\bmqtts?:\/\/[^\s'"`<>]*/i, broker: 'mqtt' },
  { pattern: /\bstomp(\+ssl)?:\/\/[^\s'"`<>]*/i, broker: 'activemq' },
  { pattern: /\bsb:\/\/[\w.-]+\.servicebus\.windows\.net/i, broker: 'azure-service-bus' },
  { pattern: /\bhttps:\/\/sqs\.[\w-]+\.amazonaws\.com\/\d+\/[\w.-]+/i, broker: 'aws-sqs' },
  { pattern: /\bsqs:\/\//i, broker: 'aws-sqs' },
  // redis:// is everywhere (caches, sessions); it counts only where the line says it is a message broker. The
  // upstream/downstream of proxy and gateway settings are not streams.
  { pattern: /\brediss?:\/\/[^\s'"`<>]*/i, broker: 'redis', needsContext: /broker|celery|queue|(?<!up|down)stream/i },
];

/** Container images of brokers (docker-compose `image:`), matched against the image name without tag. */
export const IMAGE_PATTERNS: ReadonlyArray<{ pattern: RegExp; broker: string }> = [
  { pattern: /^(docker\.io\/)?(confluentinc\/cp-(kafka|server)|bitnami\/kafka|apache\/kafka(-native)?|wurstmeister\/kafka|redpandadata\/redpanda|strimzi\/kafka)$/, broker: 'kafka' },
  // Kafka's data-path components (not its browsing UIs): they only ever run against a Kafka cluster (Confluent
  // Cloud's, or one defined elsewhere), so a file that runs one uses Kafka even when it defines no broker.
  { pattern: /^(docker\.io\/)?(confluentinc\/(cp-schema-registry|cp-ksqldb-server|cp-kafka-rest|cp-enterprise-control-center(-next-gen)?|cp-kafka-connect(-base)?|cp-server-connect(-base)?)|bitnami\/schema-registry)$/, broker: 'kafka' },
  { pattern: /^(docker\.io\/)?(library\/)?(rabbitmq|bitnami\/rabbitmq)$/, broker: 'rabbitmq' },
  { pattern: /^(docker\.io\/)?apachepulsar\/pulsar(-all)?$/, broker: 'pulsar' },
  { pattern: /^(docker\.io\/)?(apache\/rocketmq|apacherocketmq\/rocketmq)$/, broker: 'rocketmq' },
  { pattern: /^(docker\.io\/)?(apache\/activemq-(classic|artemis)|rmohr\/activemq|vromero\/activemq-artemis)$/, broker: 'activemq' },
  { pattern: /^(docker\.io\/)?(library\/)?nats$/, broker: 'nats' },
  { pattern: /^(docker\.io\/)?nsqio\/nsq$/, broker: 'nsq' },
  { pattern: /^(docker\.io\/)?(library\/)?(eclipse-mosquitto|emqx\/emqx|emqx)$/, broker: 'mqtt' },
  { pattern: /^(docker\.io\/)?softwaremill\/elasticmq(-native)?$/, broker: 'aws-sqs' },
  // Any registry's or organisation's build of a broker, known by the image's own name (`symptoma/activemq`,
  // `webcenter/activemq`, `${REGISTRY}/rabbitmq`, `myorg/nats`); Kafka's images are judged by isKafkaBrokerImage.
  { pattern: /(^|\/)(activemq|activemq-classic|activemq-artemis|artemis)$/, broker: 'activemq' },
  { pattern: /(^|\/)rabbitmq$/, broker: 'rabbitmq' },
  { pattern: /(^|\/)(nats|nats-streaming)$/, broker: 'nats' },
  { pattern: /(^|\/)(rocketmq|rocketmq-broker|rocketmq-namesrv)$/, broker: 'rocketmq' },
  { pattern: /(^|\/)(pulsar|pulsar-all)$/, broker: 'pulsar' },
  { pattern: /(^|\/)(eclipse-mosquitto|mosquitto|emqx|vernemq|hivemq4|hivemq-ce)$/, broker: 'mqtt' },
];

/** Spring Boot property prefixes that configure a broker. */
export const SPRING_PREFIXES: ReadonlyArray<{ prefix: string; broker: string }> = [
  { prefix: 'spring.kafka.', broker: 'kafka' },
  { prefix: 'spring.cloud.stream.kafka.', broker: 'kafka' },
  { prefix: 'spring.rabbitmq.', broker: 'rabbitmq' },
  { prefix: 'spring.cloud.stream.rabbit.', broker: 'rabbitmq' },
  { prefix: 'spring.pulsar.', broker: 'pulsar' },
  { prefix: 'spring.activemq.', broker: 'activemq' },
  { prefix: 'spring.artemis.', broker: 'activemq' },
  // Spring's JMS support: JMS is filed under activemq, the broker id that covers it.
  { prefix: 'spring.jms.', broker: 'activemq' },
  { prefix: 'rocketmq.', broker: 'rocketmq' },
  { prefix: 'spring.cloud.stream.rocketmq.', broker: 'rocketmq' },
];

/** Python extras that choose a multi-broker framework's transport: `celery[redis]`, `faststream[kafka]`. */
export const PYTHON_EXTRAS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  celery: { redis: 'redis', sqs: 'aws-sqs', librabbitmq: 'rabbitmq', azureservicebus: 'azure-service-bus', gcpubsub: 'google-pubsub' },
  kombu: { redis: 'redis', sqs: 'aws-sqs', librabbitmq: 'rabbitmq', azureservicebus: 'azure-service-bus', gcpubsub: 'google-pubsub' },
  faststream: { kafka: 'kafka', confluent: 'kafka', rabbit: 'rabbitmq', nats: 'nats', redis: 'redis' },
  dramatiq: { rabbitmq: 'rabbitmq', redis: 'redis' },
};

/** Framework calls that choose a transport, with the import that must be present. */
/** C# files worth reading for FRAMEWORK_CALLS even when they import no catalogued client. */
/**
 * C# projects often declare a client's namespace once (`global using RabbitMQ.Client;` in GlobalUsings.cs, or a
 * `<Using Include="…" />` in the project file), and their other files use its types with no using directive. Each of
 * these type (or method) names belongs to one client, so a file that uses one imports that client's namespace.
 */
export const CSHARP_GLOBAL_USING_TYPES: Readonly<Record<string, readonly string[]>> = {
  'RabbitMQ.Client': ['BasicDeliverEventArgs', 'AsyncEventingBasicConsumer', 'EventingBasicConsumer', 'BasicGetResult', 'CreateChannelOptions',
    'IBasicProperties', 'IReadOnlyBasicProperties', 'BrokerUnreachableException',
    // The channel's methods are the client's own too.
    'BasicPublishAsync', 'BasicConsumeAsync', 'BasicAckAsync', 'BasicNackAsync', 'BasicQosAsync', 'BasicPublish', 'BasicConsume', 'BasicAck', 'BasicNack', 'BasicQos'],
  'Azure.Messaging.ServiceBus': ['ServiceBusClient', 'ServiceBusProcessor', 'ServiceBusSender', 'ServiceBusReceivedMessage', 'ServiceBusReceiver',
    'ServiceBusProcessorOptions'],
  'Confluent.Kafka': ['ProducerBuilder', 'ConsumerBuilder', 'ConsumeResult', 'DeliveryResult', 'DeliveryReport'],
  'Amazon.SQS': ['AmazonSQSClient', 'IAmazonSQS'],
};
export const CSHARP_GLOBAL_USING_HINT = new RegExp(`\\b(?:${Object.values(CSHARP_GLOBAL_USING_TYPES).flat().join('|')})\\b`);

export const CSHARP_FRAMEWORK_HINT = /MassTransit|NServiceBus|\bUse(?:RabbitMQ|RabbitMq|Kafka)\s*\(/;

export const FRAMEWORK_CALLS: ReadonlyArray<{ language: string; module: string; callee: string; broker: string; client: string | null }> = [
  { language: 'csharp', module: 'MassTransit', callee: 'UsingRabbitMq', broker: 'rabbitmq', client: 'masstransit-rabbitmq' },
  { language: 'csharp', module: 'MassTransit', callee: 'UsingAmazonSqs', broker: 'aws-sqs', client: null },
  { language: 'csharp', module: 'MassTransit', callee: 'UsingAzureServiceBus', broker: 'azure-service-bus', client: null },
  { language: 'csharp', module: 'MassTransit', callee: 'UsingActiveMq', broker: 'activemq', client: null },
  { language: 'csharp', module: 'MassTransit', callee: 'UsingKafka', broker: 'kafka', client: 'masstransit-kafka' },
  { language: 'csharp', module: 'NServiceBus', callee: 'RabbitMQTransport', broker: 'rabbitmq', client: 'nservicebus-rabbitmq' },
  // Registration extensions that live in Microsoft.Extensions.DependencyInjection (CAP's UseRabbitMQ and UseKafka) or
  // the framework's own namespace (Rebus and Wolverine's UseRabbitMq), often reached through global usings: the names
  // alone say which broker, not which framework.
  { language: 'csharp', module: '', callee: 'UseRabbitMQ', broker: 'rabbitmq', client: null },
  { language: 'csharp', module: '', callee: 'UseRabbitMq', broker: 'rabbitmq', client: null },
  { language: 'csharp', module: '', callee: 'UseKafka', broker: 'kafka', client: null },
];

/**
 * Python settings modules (Django, Celery's own) that choose a task queue's broker: `CELERY_BROKER_URL = REDIS_URL`,
 * `broker_url = os.environ["CLOUDAMQP_URL"]`, django-rq's and RQ's `RQ_QUEUES` / `RQ_REDIS_URL` (RQ runs on Redis only).
 */
/** A Kafka client configuration written as a map, in any language (worth lexing a file that imports no client). */
export const KAFKA_MAP_KEY_HINT = /["'](?:bootstrap\.servers|metadata\.broker\.list)["']/;

/**
 * `URL_HINT.test(text)` and `KAFKA_MAP_KEY_HINT.test(text)` over a whole file, with a plain substring search first:
 * most files hold no `://`, no cloud endpoint and no bootstrap key, and `includes` is many times faster than the
 * expressions (which the answer never differs from: each expression can only match where its substring is).
 */
export function hasUrlHint(text: string): boolean {
  return (text.includes('://') || CLOUD_ENDPOINT.test(text)) && URL_HINT.test(text);
}
export function hasKafkaMapKey(text: string): boolean {
  return (text.includes('bootstrap.servers') || text.includes('metadata.broker.list')) && KAFKA_MAP_KEY_HINT.test(text);
}
const CLOUD_ENDPOINT = /servicebus\.windows\.net|amazonaws\.com/i;
export const PYTHON_BROKER_SETTING_HINT = /\b(?:CELERY_BROKER_URL|BROKER_URL|broker_url|RQ_[A-Z_]+)\s*=/;
export const PYTHON_BROKER_SETTINGS = new Set(['CELERY_BROKER_URL', 'BROKER_URL', 'broker_url', 'CELERY_BROKER_WRITE_URL', 'broker_write_url']);
/** What a broker setting's value says about the broker, from its strings and the names of the variables it reads. */
export const BROKER_VALUE_WORDS: ReadonlyArray<{ pattern: RegExp; broker: string }> = [
  { pattern: /^rediss?:\/\/|^sentinel:\/\/|redis/i, broker: 'redis' },
  { pattern: /^(?:py)?amqps?:\/\/|^librabbitmq:\/\/|amqp|rabbit/i, broker: 'rabbitmq' },
  { pattern: /^sqs:\/\/|(?:^|_)sqs(?:_|$)/i, broker: 'aws-sqs' },
];
