// Client-specific knowledge about code that is too syntactic for knowledge/: named constants that stand for values,
// arguments passed by position, and client defaults that apply when code leaves a setting out.
import type { Language, Token } from './lexer';

/** `Type.Constant` (the last two segments of a qualified name) -> the value it stands for. */
export const VALUE_CONSTANTS: Readonly<Record<string, string>> = {
  // IBM/sarama RequiredAcks
  'sarama.NoResponse': '0', 'sarama.WaitForLocal': '1', 'sarama.WaitForAll': 'all',
  // IBM/sarama offsets, compression codecs and isolation levels
  'sarama.OffsetNewest': 'latest', 'sarama.OffsetOldest': 'earliest',
  'sarama.CompressionNone': 'none', 'sarama.CompressionGZIP': 'gzip', 'sarama.CompressionSnappy': 'snappy',
  'sarama.CompressionLZ4': 'lz4', 'sarama.CompressionZSTD': 'zstd',
  'sarama.ReadCommitted': 'read_committed', 'sarama.ReadUncommitted': 'read_uncommitted',
  // segmentio/kafka-go RequiredAcks
  'kafka.RequireNone': '0', 'kafka.RequireOne': '1', 'kafka.RequireAll': 'all',
  // Confluent.Kafka (.NET) enums
  'Acks.None': '0', 'Acks.Leader': '1', 'Acks.All': 'all',
  'AutoOffsetReset.Latest': 'latest', 'AutoOffsetReset.Earliest': 'earliest', 'AutoOffsetReset.Error': 'none',
  'IsolationLevel.ReadUncommitted': 'read_uncommitted', 'IsolationLevel.ReadCommitted': 'read_committed',
  'CompressionType.None': 'none', 'CompressionType.Gzip': 'gzip', 'CompressionType.Snappy': 'snappy',
  'CompressionType.Lz4': 'lz4', 'CompressionType.Zstd': 'zstd',
  // RabbitMQ .NET and Java delivery modes
  'DeliveryModes.Transient': 'false', 'DeliveryModes.Persistent': 'true',
  // JMS delivery modes (javax.jms and jakarta.jms)
  'DeliveryMode.NON_PERSISTENT': 'non-persistent', 'DeliveryMode.PERSISTENT': 'persistent',
  // Spring AMQP acknowledge modes and publisher confirm types
  'AcknowledgeMode.NONE': 'none', 'AcknowledgeMode.AUTO': 'auto', 'AcknowledgeMode.MANUAL': 'manual',
  'ConfirmType.NONE': 'none', 'ConfirmType.SIMPLE': 'simple', 'ConfirmType.CORRELATED': 'correlated',
  // Spring for Apache Kafka container ack modes (ContainerProperties.AckMode)
  'AckMode.RECORD': 'RECORD', 'AckMode.BATCH': 'BATCH', 'AckMode.TIME': 'TIME', 'AckMode.COUNT': 'COUNT',
  'AckMode.COUNT_TIME': 'COUNT_TIME', 'AckMode.MANUAL': 'MANUAL', 'AckMode.MANUAL_IMMEDIATE': 'MANUAL_IMMEDIATE',
  // JMS session acknowledge modes (Session and JMSContext share the values; ActiveMQ Classic adds INDIVIDUAL)
  'Session.AUTO_ACKNOWLEDGE': 'auto', 'Session.CLIENT_ACKNOWLEDGE': 'client', 'Session.DUPS_OK_ACKNOWLEDGE': 'dups_ok',
  'Session.SESSION_TRANSACTED': 'transacted', 'JMSContext.AUTO_ACKNOWLEDGE': 'auto', 'JMSContext.CLIENT_ACKNOWLEDGE': 'client',
  'JMSContext.DUPS_OK_ACKNOWLEDGE': 'dups_ok', 'JMSContext.SESSION_TRANSACTED': 'transacted',
  'ActiveMQSession.INDIVIDUAL_ACKNOWLEDGE': 'individual',
  // Pulsar Java client enums
  'SubscriptionType.Exclusive': 'Exclusive', 'SubscriptionType.Shared': 'Shared', 'SubscriptionType.Failover': 'Failover',
  'SubscriptionType.Key_Shared': 'Key_Shared',
  'SubscriptionInitialPosition.Earliest': 'Earliest', 'SubscriptionInitialPosition.Latest': 'Latest',
};

export interface PositionalArgument {
  system: string;
  languages: readonly Language[];
  callee: string;
  /** 0-based argument position. */
  index: number;
  key: string;
  /** How the setting is named in messages and hovers. */
  label: string;
  booleanOnly: boolean;
  /** When set, the argument counts only if it is written as one of these constants (`Session.CLIENT_ACKNOWLEDGE`). */
  constants?: RegExp;
}

const JVM: readonly Language[] = ['java', 'kotlin', 'scala'];

/** A RabbitMQ flag passed by position: read only when written as a boolean, so another overload's argument is not. */
const rabbitFlag = (languages: readonly Language[], callee: string, index: number, key: string, label: string): PositionalArgument => ({
  system: 'rabbitmq', languages, callee, index, key, label, booleanOnly: true,
});

export const POSITIONAL_ARGUMENTS: readonly PositionalArgument[] = [
  // RabbitMQ Java client: basicConsume(queue, autoAck, …), queueDeclare(queue, durable, exclusive, autoDelete, args)
  rabbitFlag(JVM, 'basicConsume', 1, 'auto-ack', 'autoAck'),
  rabbitFlag(JVM, 'queueDeclare', 1, 'durable', 'durable'),
  // Spring AMQP: new Queue(name, durable, exclusive, autoDelete)
  rabbitFlag(JVM, 'Queue', 1, 'durable', 'durable'),
  // RabbitMQ.Client (.NET): BasicConsume(queue, autoAck, consumer), QueueDeclare(queue, durable, exclusive, autoDelete, arguments)
  rabbitFlag(['csharp'], 'BasicConsume', 1, 'auto-ack', 'autoAck'),
  rabbitFlag(['csharp'], 'BasicConsumeAsync', 1, 'auto-ack', 'autoAck'),
  rabbitFlag(['csharp'], 'QueueDeclare', 1, 'durable', 'durable'),
  rabbitFlag(['csharp'], 'QueueDeclareAsync', 1, 'durable', 'durable'),
  // amqp091-go: ch.Consume(queue, consumer, autoAck, exclusive, noLocal, noWait, args), ch.QueueDeclare(name, durable, …)
  rabbitFlag(['go'], 'Consume', 2, 'auto-ack', 'autoAck'),
  rabbitFlag(['go'], 'QueueDeclare', 1, 'durable', 'durable'),
  // JMS: connection.createSession(transacted, acknowledgeMode), the JMS 2.0 createSession(sessionMode) and
  // createContext([user, password,] sessionMode); producer.send(message, deliveryMode, priority, timeToLive).
  // Only the named constants count, so an int variable or another overload's argument is never misread.
  ...['createSession', 'createContext', 'createQueueSession', 'createTopicSession'].flatMap((callee) => [0, 1, 2].map((index): PositionalArgument => ({
    system: 'activemq', languages: JVM, callee, index, key: 'session-acknowledge-mode', label: 'sessionMode', booleanOnly: false,
    constants: /^(?:\w+\.)*(?:Session|JMSContext|ActiveMQSession|QueueSession|TopicSession)\.[A-Z_]+(?:ACKNOWLEDGE|TRANSACTED)$/,
  }))),
  ...[1, 2].map((index): PositionalArgument => ({
    system: 'activemq', languages: JVM, callee: 'send', index, key: 'delivery-mode', label: 'deliveryMode', booleanOnly: false,
    constants: /^(?:\w+\.)*DeliveryMode\.(?:NON_)?PERSISTENT$/,
  })),
  // Queue and exchange flags and the mandatory flag by position (booleans only, so another overload's argument is not
  // misread): Java queueDeclare(queue, durable, exclusive, autoDelete, args), exchangeDeclare(name, type, durable,
  // autoDelete, …), basicPublish(exchange, key, mandatory, props, body); Spring AMQP new Queue(name, durable,
  // exclusive, autoDelete) and new DirectExchange(name, durable, autoDelete).
  rabbitFlag(JVM, 'queueDeclare', 2, 'exclusive', 'exclusive'),
  rabbitFlag(JVM, 'queueDeclare', 3, 'auto-delete', 'autoDelete'),
  rabbitFlag(JVM, 'exchangeDeclare', 2, 'durable', 'durable'),
  rabbitFlag(JVM, 'exchangeDeclare', 3, 'auto-delete', 'autoDelete'),
  rabbitFlag(JVM, 'basicPublish', 2, 'mandatory', 'mandatory'),
  rabbitFlag(JVM, 'Queue', 2, 'exclusive', 'exclusive'),
  rabbitFlag(JVM, 'Queue', 3, 'auto-delete', 'autoDelete'),
  ...['DirectExchange', 'TopicExchange', 'FanoutExchange', 'HeadersExchange'].flatMap((callee): PositionalArgument[] => [
    rabbitFlag(JVM, callee, 1, 'durable', 'durable'),
    rabbitFlag(JVM, callee, 2, 'auto-delete', 'autoDelete'),
  ]),
  // RabbitMQ.Client (.NET): QueueDeclare(queue, durable, exclusive, autoDelete, arguments), ExchangeDeclare(exchange,
  // type, durable, autoDelete, arguments), BasicPublish(exchange, routingKey, mandatory, basicProperties, body).
  ...['QueueDeclare', 'QueueDeclareAsync'].flatMap((callee): PositionalArgument[] => [
    rabbitFlag(['csharp'], callee, 2, 'exclusive', 'exclusive'),
    rabbitFlag(['csharp'], callee, 3, 'auto-delete', 'autoDelete'),
  ]),
  ...['ExchangeDeclare', 'ExchangeDeclareAsync'].flatMap((callee): PositionalArgument[] => [
    rabbitFlag(['csharp'], callee, 2, 'durable', 'durable'),
    rabbitFlag(['csharp'], callee, 3, 'auto-delete', 'autoDelete'),
  ]),
  rabbitFlag(['csharp'], 'BasicPublish', 2, 'mandatory', 'mandatory'),
  rabbitFlag(['csharp'], 'BasicPublishAsync', 2, 'mandatory', 'mandatory'),
  // amqp091-go: ch.QueueDeclare(name, durable, autoDelete, exclusive, noWait, args), ch.ExchangeDeclare(name, kind,
  // durable, autoDelete, internal, noWait, args), ch.Publish(exchange, key, mandatory, immediate, msg) and the
  // context-first PublishWithContext.
  rabbitFlag(['go'], 'QueueDeclare', 2, 'auto-delete', 'autoDelete'),
  rabbitFlag(['go'], 'QueueDeclare', 3, 'exclusive', 'exclusive'),
  rabbitFlag(['go'], 'ExchangeDeclare', 2, 'durable', 'durable'),
  rabbitFlag(['go'], 'ExchangeDeclare', 3, 'auto-delete', 'autoDelete'),
  rabbitFlag(['go'], 'Publish', 2, 'mandatory', 'mandatory'),
  rabbitFlag(['go'], 'PublishWithContext', 3, 'mandatory', 'mandatory'),
  // paho-mqtt: client.publish(topic, payload, qos, retain)
  { system: 'mqtt', languages: ['python'], callee: 'publish', index: 2, key: 'qos', label: 'qos', booleanOnly: true },
];

export interface ImplicitDefault {
  system: string;
  language: Language;
  /** The client's import path or module that must be imported. */
  module: string;
  /** How the construct that takes the default is written: a composite literal, a call or a constructor. */
  construct: { kind: 'composite'; type: string } | { kind: 'call'; callee: string };
  /** Go: the package name the construct is qualified with (`sarama.NewConfig()`) unless the import renames it. */
  goPackage?: string;
  /** The field or keyword that, when present, means the default does not apply. */
  field: string;
  /** Calls one of which must appear for the default to matter (a producer built from the configuration). */
  requiresCall?: readonly string[];
  key: string;
  value: string;
  origin: string;
}

/** sarama's producer constructors: a Config used only by consumers never sends, so its acks default is moot. */
const SARAMA_PRODUCERS = ['NewSyncProducer', 'NewAsyncProducer', 'NewSyncProducerFromClient', 'NewAsyncProducerFromClient'];

export const IMPLICIT_DEFAULTS: readonly ImplicitDefault[] = [
  {
    system: 'kafka', language: 'go', module: 'github.com/segmentio/kafka-go', construct: { kind: 'composite', type: 'Writer' }, goPackage: 'kafka',
    field: 'RequiredAcks', key: 'acks', value: '0', origin: "the default of segmentio/kafka-go's Writer when RequiredAcks is not set",
  },
  {
    system: 'kafka', language: 'go', module: 'github.com/IBM/sarama', construct: { kind: 'call', callee: 'NewConfig' }, goPackage: 'sarama',
    field: 'RequiredAcks', requiresCall: SARAMA_PRODUCERS, key: 'acks', value: '1', origin: "the default of sarama's Config when Producer.RequiredAcks is not set",
  },
  {
    system: 'kafka', language: 'go', module: 'github.com/Shopify/sarama', construct: { kind: 'call', callee: 'NewConfig' }, goPackage: 'sarama',
    field: 'RequiredAcks', requiresCall: SARAMA_PRODUCERS, key: 'acks', value: '1', origin: "the default of sarama's Config when Producer.RequiredAcks is not set",
  },
  {
    system: 'kafka', language: 'python', module: 'aiokafka', construct: { kind: 'call', callee: 'AIOKafkaProducer' },
    field: 'acks', key: 'acks', value: '1', origin: "the default of aiokafka's AIOKafkaProducer when acks is not passed",
  },
];

/**
 * Options a client takes as function calls rather than keys: franz-go's `kgo.RequiredAcks(kgo.LeaderAck())`, passed to
 * `kgo.NewClient(opts...)` directly or gathered in a slice first. `value` is the setting's value when the call takes
 * none; otherwise the call's argument is read, through `constants` when it names one (`kgo.NewOffset().AtStart()`), or
 * as a `time.Duration` in milliseconds when `duration` is set.
 */
export interface OptionFunction {
  key: string;
  value?: string;
  constants?: Readonly<Record<string, string>>;
  duration?: boolean;
}

export interface GoOptionPackage {
  system: string;
  module: string;
  goPackage: string;
  options: Readonly<Record<string, OptionFunction>>;
}

/** twmb/franz-go@adb3a18a (2026-08-04) pkg/kgo/config.go: each option's comment names the Kafka setting it corresponds to. */
export const GO_OPTION_FUNCTIONS: readonly GoOptionPackage[] = [
  {
    system: 'kafka', module: 'github.com/twmb/franz-go/pkg/kgo', goPackage: 'kgo',
    options: {
      RequiredAcks: { key: 'acks', constants: { NoAck: '0', LeaderAck: '1', AllISRAcks: 'all' } },
      DisableIdempotentWrite: { key: 'enable.idempotence', value: 'false' },
      ProducerLinger: { key: 'linger.ms', duration: true },
      RecordRetries: { key: 'retries' },
      RecordDeliveryTimeout: { key: 'delivery.timeout.ms', duration: true },
      ProduceRequestTimeout: { key: 'request.timeout.ms', duration: true },
      MaxProduceRequestsInflightPerBroker: { key: 'max.in.flight.requests.per.connection' },
      TransactionalID: { key: 'transactional.id' },
      DisableAutoCommit: { key: 'enable.auto.commit', value: 'false' },
      AutoCommitInterval: { key: 'auto.commit.interval.ms', duration: true },
      ConsumeResetOffset: { key: 'auto.offset.reset', constants: { AtStart: 'earliest', AtEnd: 'latest', AtCommitted: 'none' } },
      FetchIsolationLevel: { key: 'isolation.level', constants: { ReadCommitted: 'read_committed', ReadUncommitted: 'read_uncommitted' } },
      FetchMaxWait: { key: 'fetch.max.wait.ms', duration: true },
      FetchMinBytes: { key: 'fetch.min.bytes' },
      SessionTimeout: { key: 'session.timeout.ms', duration: true },
      HeartbeatInterval: { key: 'heartbeat.interval.ms', duration: true },
    },
  },
];

/**
 * Fluent builders whose methods are named after configuration keys: Pulsar's
 * `client.newProducer().enableBatching(false).sendTimeout(10, TimeUnit.SECONDS).create()`. A method counts only in a
 * chain that starts at one of the roots, so an unrelated `.sendTimeout(…)` elsewhere is never read.
 */
export const BUILDER_ROOTS: Readonly<Record<string, ReadonlySet<string>>> = {
  pulsar: new Set(['newProducer', 'newConsumer', 'newReader', 'newTableView', 'builder']),
  // Spring AMQP: ExchangeBuilder.topicExchange("events").durable(true).build()
  rabbitmq: new Set(['directExchange', 'topicExchange', 'fanoutExchange', 'headersExchange']),
};

const GO_DURATION_MS: Readonly<Record<string, number>> = {
  Nanosecond: 0.000001, Microsecond: 0.001, Millisecond: 1, Second: 1_000, Minute: 60_000, Hour: 3_600_000,
};

/** `50 * time.Millisecond`, `time.Second * 2`, `time.Minute`, `0` as milliseconds; anything else is not literal. */
export function durationMs(argument: readonly Token[]): number | undefined {
  const texts = argument.map((t) => t.text);
  const unitAt = texts.findIndex((t, k) => GO_DURATION_MS[t] !== undefined && texts[k - 1] === '.' && texts[k - 2] === 'time');
  if (unitAt < 0) return texts.length === 1 && texts[0] === '0' ? 0 : undefined;
  const unit = GO_DURATION_MS[texts[unitAt]!]!;
  const rest = [...texts.slice(0, unitAt - 2), ...texts.slice(unitAt + 1)];
  if (rest.length === 0) return unit;
  const number = rest.length === 2 && rest[1] === '*' ? rest[0] : rest.length === 2 && rest[0] === '*' ? rest[1] : undefined;
  if (number === undefined || !/^\d+$/.test(number.replace(/_/g, ''))) return undefined;
  return Number(number.replace(/_/g, '')) * unit;
}
