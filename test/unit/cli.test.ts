// The CLI contract (DESIGN.md): output shapes, exit codes, and bad input that is reported rather than fatal.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseGitignore } from '../../src/cli/ignore';
import { run } from '../../src/cli/main';

function workspace(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mq-lens-cli-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

function cli(cwd: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = run(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** A pika consumer that logs a failed order and acknowledges it anyway (line 8), after the except block on line 6. */
const WORKER = [
  'import pika',
  '',
  'def on_order(ch, method, properties, body):',
  '    try:',
  '        place_order(body)',
  '    except Exception:',
  '        log.exception("order failed")',
  '    ch.basic_ack(delivery_tag=method.delivery_tag)',
  '',
].join('\n');
const PRODUCER = 'bootstrap.servers=b:9092\nlinger.ms=100\n';

describe('mq-lens check', () => {
  it('prints findings as the JSON contract specifies, with paths relative to the working directory', () => {
    const dir = workspace({ 'svc/producer.properties': PRODUCER });
    const { code, stdout } = cli(dir, 'check', '.', '--workload', 'online', '--format', 'json');
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout), {
      findings: [{
        file: 'svc/producer.properties', line: 2, column: 1, endLine: 2, endColumn: 14,
        ruleId: 'kafka-linger-latency', severity: 'warning',
        message: 'Producer linger.ms is 100: on a quiet online path each record can wait up to 100 ms before it is sent.',
      }],
      skipped: [],
    });
  });

  it('judges by the workload: nothing under streaming', () => {
    const dir = workspace({ 'producer.properties': PRODUCER });
    assert.deepEqual(JSON.parse(cli(dir, 'check', '.', '--workload', 'streaming', '--format', 'json').stdout).findings, []);
  });

  it('exits 1 when a finding reaches --fail-on, 0 when none does', () => {
    const dir = workspace({ 'producer.properties': PRODUCER });
    assert.equal(cli(dir, 'check', '.', '--workload', 'online').code, 0);
    assert.equal(cli(dir, 'check', '.', '--workload', 'online', '--fail-on', 'warning').code, 1);
    assert.equal(cli(dir, 'check', '.', '--workload', 'online', '--fail-on', 'info').code, 1);
  });

  it('prints one line per finding in text format', () => {
    const dir = workspace({ 'producer.properties': PRODUCER });
    const { stdout } = cli(dir, 'check', 'producer.properties', '--workload', 'online');
    assert.match(stdout, /^producer\.properties:2:1: warning kafka-linger-latency: Producer linger\.ms is 100/m);
  });

  it('skips unreadable, binary, oversized and non-UTF-8 files with a reason and goes on', () => {
    const dir = workspace({
      'a/producer.properties': PRODUCER,
      'b/binary.properties': Buffer.from([0x6c, 0x00, 0x01]),
      'c/latin1.properties': Buffer.from([0x61, 0x3d, 0xe9, 0x0a]),
      'd/big.properties': `${'x=1\n'.repeat(100)}`,
      'node_modules/x/producer.properties': PRODUCER,
      '.git/producer.properties': PRODUCER,
    });
    const { code, stdout } = cli(dir, 'check', '.', '--workload', 'online', '--format', 'json', '--max-bytes', '300');
    assert.equal(code, 0);
    const output = JSON.parse(stdout);
    assert.deepEqual(output.findings.map((f: { file: string }) => f.file), ['a/producer.properties']);
    assert.deepEqual(output.skipped, [
      { file: 'b/binary.properties', reason: 'binary file (contains a NUL byte)' },
      { file: 'c/latin1.properties', reason: 'not valid UTF-8 text' },
      { file: 'd/big.properties', reason: 'larger than 300 bytes (400)' },
    ]);
  });

  it('skips vendored dependencies (Go modules.txt, Composer autoload.php) but reads a vendor module of the project', () => {
    const dir = workspace({
      'vendor/modules.txt': '# github.com/IBM/sarama v1.45.0\n',
      'vendor/github.com/IBM/sarama/producer.properties': PRODUCER,
      'app/vendor/producer.properties': PRODUCER,
    });
    const { stdout } = cli(dir, 'check', '.', '--workload', 'online', '--format', 'json');
    assert.deepEqual(JSON.parse(stdout).findings.map((f: { file: string }) => f.file), ['app/vendor/producer.properties']);
  });

  it('refuses a path on the command line that does not exist, so a typo cannot pass a CI run', () => {
    const dir = workspace({ 'producer.properties': PRODUCER });
    const { code, stdout, stderr } = cli(dir, 'check', 'producer.properties', 'missing.properties');
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /no such file or folder: missing\.properties/);
  });

  it('reads each file once through symbolic links, ends on link loops and names broken links', () => {
    const dir = workspace({ 'a/producer.properties': PRODUCER });
    fs.symlinkSync(path.join(dir, 'a'), path.join(dir, 'b'));
    fs.symlinkSync(dir, path.join(dir, 'a', 'loop'));
    fs.symlinkSync(path.join(dir, 'a', 'loop', 'b', 'loop'), path.join(dir, 'c'));
    fs.symlinkSync(path.join(dir, 'a', 'producer.properties'), path.join(dir, 'linked.properties'));
    fs.symlinkSync(path.join(dir, 'nowhere.properties'), path.join(dir, 'dangling.properties'));
    const { code, stdout } = cli(dir, 'check', '.', '--workload', 'online', '--format', 'json');
    assert.equal(code, 0);
    const output = JSON.parse(stdout);
    assert.deepEqual(output.findings.map((f: { file: string; ruleId: string }) => `${f.file} ${f.ruleId}`), ['a/producer.properties kafka-linger-latency']);
    assert.deepEqual(output.skipped, [{ file: 'dangling.properties', reason: 'broken symbolic link' }]);
  });

  it('writes SARIF 2.1.0 with the rule, its help and the location', () => {
    const dir = workspace({ 'producer.properties': PRODUCER });
    const sarif = JSON.parse(cli(dir, 'check', '.', '--workload', 'online', '--format', 'sarif').stdout);
    assert.equal(sarif.version, '2.1.0');
    const [runResult] = sarif.runs;
    assert.equal(runResult.tool.driver.rules[0].id, 'kafka-linger-latency');
    assert.match(runResult.tool.driver.rules[0].helpUri, /^https:\/\//);
    assert.ok(runResult.tool.driver.rules[0].help.markdown.length > 50);
    assert.deepEqual(runResult.results[0].locations[0].physicalLocation, {
      artifactLocation: { uri: 'producer.properties', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 14 },
    });
    assert.equal(runResult.results[0].level, 'warning');
  });

  it('carries a flow finding\'s path as related places, in JSON and in SARIF', () => {
    const dir = workspace({ 'worker.py': WORKER });
    const json = JSON.parse(cli(dir, 'check', '.', '--workload', 'online', '--format', 'json').stdout);
    assert.deepEqual(json.findings.map((f: { ruleId: string; line: number; related?: unknown }) => [f.ruleId, f.line, f.related]), [
      ['message-settled-on-failure', 8, [{ line: 6, column: 5, message: 'The except block only logs the error here and does not rethrow it.' }]],
    ]);
    const sarif = JSON.parse(cli(dir, 'check', '.', '--workload', 'online', '--format', 'sarif').stdout);
    assert.deepEqual(sarif.runs[0].results[0].relatedLocations, [{
      id: 0,
      physicalLocation: { artifactLocation: { uri: 'worker.py', uriBaseId: '%SRCROOT%' }, region: { startLine: 6, startColumn: 5 } },
      message: { text: 'The except block only logs the error here and does not rethrow it.' },
    }]);
  });

  it('judges a reject without requeue against the whole workspace: a dead-letter exchange in any file silences it', () => {
    const consumer = [
      'import pika',
      '',
      'def on_job(ch, method, properties, body):',
      '    try:',
      '        run(body)',
      '    except Exception:',
      '        ch.basic_reject(method.delivery_tag, requeue=False)',
      '',
    ].join('\n');
    const ids = (dir: string) => JSON.parse(cli(dir, 'check', '.', '--workload', 'online', '--format', 'json').stdout).findings
      .map((f: { ruleId: string; file: string; line: number; workspace?: unknown }) => [f.ruleId, f.file, f.line, f.workspace]);
    // Alone, the rejected message is dropped; the condition stays inside MQ Lens, out of the JSON contract.
    assert.deepEqual(ids(workspace({ 'worker.py': consumer })), [['rabbitmq-rejected-without-dead-letter', 'worker.py', 7, undefined]]);
    // A policy in a definitions export, a script or another module's queue arguments: silence.
    assert.deepEqual(ids(workspace({ 'worker.py': consumer, 'deploy/definitions.json': '{"policies":[{"definition":{"dead-letter-exchange":"dlx"}}]}' })), []);
    assert.deepEqual(ids(workspace({ 'worker.py': consumer, 'ops/setup.sh': 'rabbitmqctl set_policy DLX "^jobs$" \'{"dead-letter-exchange":"jobs.dlx"}\' --apply-to queues\n' })), []);
    assert.deepEqual(ids(workspace({ 'worker.py': consumer, 'topology.py': 'import pika\nARGS = {"x-dead-letter-exchange": "jobs.dlx"}\n' })), []);
    // A comment that talks about dead-lettering declares nothing.
    assert.deepEqual(ids(workspace({ 'worker.py': consumer, 'topology.py': 'import pika\n# TODO: add a dead-letter exchange\nARGS = {}\n' })).length, 1);
    // A file read only for facts that cannot be read is not reported as skipped.
    const dir = workspace({ 'worker.py': consumer, 'broken.sh': Buffer.from([0xff, 0xfe, 0x00, 0x41]) });
    assert.deepEqual(JSON.parse(cli(dir, 'check', '.', '--format', 'json').stdout).skipped, []);
  });

  it('flags Spring\'s mandatory flag where the workspace publishes through RabbitTemplate and registers no ReturnsCallback', () => {
    const service = [
      'import org.springframework.amqp.rabbit.core.RabbitTemplate;',
      'class OrderService {',
      '  private RabbitTemplate rabbitTemplate;',
      '  void created(Order order) { rabbitTemplate.convertAndSend("order-event-exchange", "order.created", order); }',
      '}',
    ].join('\n');
    const properties = 'spring.rabbitmq.publisher-confirm-type=correlated\nspring.rabbitmq.publisher-returns=true\nspring.rabbitmq.template.mandatory=true\n';
    const found = (files: Record<string, string>) => JSON.parse(cli(workspace(files), 'check', '.', '--workload', 'online', '--format', 'json').stdout).findings
      .filter((f: { ruleId: string }) => f.ruleId === 'rabbitmq-mandatory-without-return-handler')
      .map((f: { file: string; line: number }) => `${f.file}:${f.line}`);
    assert.deepEqual(found({ 'src/main/resources/application.properties': properties, 'src/main/java/OrderService.java': service }), ['src/main/resources/application.properties:3']);
    // publisher-returns alone makes Boot's template mandatory too.
    assert.deepEqual(found({ 'application.properties': 'spring.rabbitmq.publisher-returns=true\n', 'OrderService.java': service }), ['application.properties:1']);
    assert.deepEqual(found({ 'application.properties': 'spring.rabbitmq.publisher-returns=true\nspring.rabbitmq.template.mandatory=false\n', 'OrderService.java': service }), []);
    // A callback registered in a configuration class, a template built by hand (Boot's properties do not reach it), or
    // nothing that publishes: silence.
    const config = 'import org.springframework.amqp.rabbit.core.RabbitTemplate;\nclass RabbitConfig {\n  void init(RabbitTemplate t) { t.setReturnsCallback(r -> log.warn("returned {}", r)); }\n}\n';
    assert.deepEqual(found({ 'application.properties': properties, 'OrderService.java': service, 'RabbitConfig.java': config }), []);
    const own = 'import org.springframework.amqp.rabbit.core.RabbitTemplate;\nclass RabbitConfig {\n  RabbitTemplate template(ConnectionFactory cf) { return new RabbitTemplate(cf); }\n}\n';
    assert.deepEqual(found({ 'application.properties': properties, 'OrderService.java': service, 'RabbitConfig.java': own }), []);
    assert.deepEqual(found({ 'application.properties': properties }), []);
  });

  it('flags a publish on a channel or template from elsewhere only where nothing in the workspace asks for confirms', () => {
    const publisher = 'import com.rabbitmq.client.Channel;\nclass Publisher {\n  private Channel channel;\n  void publish(byte[] body) throws Exception { channel.basicPublish("orders", "created", null, body); }\n}\n';
    const factory = 'import com.rabbitmq.client.*;\nclass Channels {\n  Channel open(Connection c) throws Exception { Channel ch = c.createChannel(); ch.confirmSelect(); return ch; }\n}\n';
    const sender = 'import org.springframework.amqp.core.AmqpTemplate;\nclass CancelOrderSender {\n  private AmqpTemplate amqpTemplate;\n  void send(Long orderId) { amqpTemplate.convertAndSend("order.cancel.ttl", "cancel", orderId); }\n}\n';
    const found = (files: Record<string, string>) => JSON.parse(cli(workspace(files), 'check', '.', '--workload', 'online', '--format', 'json').stdout).findings
      .filter((f: { ruleId: string }) => f.ruleId === 'rabbitmq-publish-unconfirmed')
      .map((f: { file: string; line: number }) => `${f.file}:${f.line}`);
    assert.deepEqual(found({ 'Publisher.java': publisher }), ['Publisher.java:4']);
    assert.deepEqual(found({ 'Publisher.java': publisher, 'Channels.java': factory }), []);
    // With no Spring configuration to read, the call site; with one, the finding is said once, where it is fixed.
    assert.deepEqual(found({ 'CancelOrderSender.java': sender }), ['CancelOrderSender.java:4']);
    assert.deepEqual(found({ 'CancelOrderSender.java': sender, 'application.yml': 'spring:\n  rabbitmq:\n    host: mq\n' }), ['application.yml:3']);
    // Confirms turned on in configuration but read by nobody tell the publisher nothing either.
    assert.deepEqual(found({ 'CancelOrderSender.java': sender, 'application.yml': 'spring:\n  rabbitmq:\n    publisher-confirm-type: correlated\n' }), ['application.yml:3']);
    assert.deepEqual(found({ 'CancelOrderSender.java': sender, 'application.yml': 'spring:\n  rabbitmq:\n    host: mq\n', 'RabbitConfig.java': 'import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;\nclass C { void c(CachingConnectionFactory f) { f.setPublisherConfirmType(ConfirmType.CORRELATED); } }\n' }), ['application.yml:3']);
    const callback = 'import org.springframework.amqp.rabbit.core.RabbitTemplate;\nclass RabbitConfig {\n  void init(RabbitTemplate t) { t.setConfirmCallback((data, ack, cause) -> { if (!ack) outbox.retry(data); }); }\n}\n';
    assert.deepEqual(found({ 'CancelOrderSender.java': sender, 'application.yml': 'spring:\n  rabbitmq:\n    publisher-confirm-type: correlated\n', 'RabbitConfig.java': callback }), []);
    // One cause, one finding per file: the other publishes through the template are its related places.
    const two = 'import org.springframework.amqp.core.AmqpTemplate;\nclass Sender {\n  private AmqpTemplate amqpTemplate;\n  void a() { amqpTemplate.convertAndSend("x", "a", 1); }\n  void b() { amqpTemplate.convertAndSend("x", "b", 2); }\n}\n';
    const json = JSON.parse(cli(workspace({ 'Sender.java': two }), 'check', '.', '--workload', 'online', '--format', 'json').stdout);
    assert.deepEqual(json.findings.map((f: { line: number; related?: Array<{ line: number }> }) => [f.line, f.related?.map((r) => r.line)]), [[4, [4, 5]]]);
    // In a monorepo, a service that only consumes is not told about another service's publishes.
    assert.deepEqual(found({
      'orders/pom.xml': '<project/>', 'orders/src/main/java/CancelOrderSender.java': sender, 'orders/src/main/resources/application.yml': 'spring:\n  rabbitmq:\n    host: mq\n',
      'audit/pom.xml': '<project/>', 'audit/src/main/resources/application.yml': 'spring:\n  rabbitmq:\n    host: mq\n',
    }), ['orders/src/main/resources/application.yml:3']);
  });

  it('rejects bad usage with exit code 2 and a clear message', () => {
    const dir = workspace({});
    for (const args of [[], ['check'], ['nope', '.'], ['check', '.', '--workload', 'batch'], ['check', '.', '--format', 'xml'], ['check', '.', '--bogus']]) {
      const { code, stderr } = cli(dir, ...args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, /^mq-lens: .+\n\nUsage:/, args.join(' '));
    }
  });
});

describe('mq-lens settings', () => {
  it('lists settings with canonical and raw keys and whether they are documented', () => {
    const dir = workspace({ 'producer.properties': 'queue.buffering.max.ms=7\nunknown.key=1\n' });
    const output = JSON.parse(cli(dir, 'settings', '.', '--format', 'json').stdout);
    assert.deepEqual(output.settings, [{
      file: 'producer.properties', line: 1, column: 1, system: 'kafka', key: 'linger.ms',
      rawKey: 'queue.buffering.max.ms', value: '7', documented: true,
    }]);
  });
});

describe('SARIF output against the official SARIF 2.1.0 schema', () => {
  it('validates, for findings from several rules and formats, and for an empty run', () => {
    // The schema as Microsoft publishes it (via @microsoft/jest-sarif), checked with the project's own Ajv.
    const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;
    // The schema is draft-04, which Ajv 8 reads through ajv-draft-04 (by Ajv's author); one of its patterns is not
    // valid with the regular-expression u flag, hence unicodeRegExp: false.
    const Ajv = require('ajv-draft-04').default as new (options: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown } };
    const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
    const dir = workspace({
      'producer.properties': PRODUCER.replace('linger.ms=100', 'linger.ms=100\nacks=0'),
      'application.yml': 'spring:\n  kafka:\n    consumer:\n      enable-auto-commit: true\n',
      'go.mod': 'module x\n\nrequire github.com/streadway/amqp v1.1.0\n',
      'worker.py': WORKER,
    });
    const full = JSON.parse(cli(dir, 'check', '.', '--workload', 'online', '--format', 'sarif').stdout);
    assert.ok(full.runs[0].results.length >= 4, JSON.stringify(full.runs[0].results.map((r: { ruleId: string }) => r.ruleId)));
    assert.ok(validate(full), JSON.stringify(validate.errors, null, 2));
    const empty = JSON.parse(cli(workspace({ 'x.properties': 'a=1\n' }), 'check', '.', '--format', 'sarif').stdout);
    assert.ok(validate(empty), JSON.stringify(validate.errors, null, 2));
    // A broken document must fail, or the check proves nothing.
    assert.equal(validate({ ...full, version: '2.0.0' }), false);
  });
});

describe('settings output', () => {
  it('shows that credentials are set, never what they are, and marks values computed at run time', () => {
    const dir = workspace({
      'redis/redis.conf': 'requirepass s3cr3t-value\nappendonly yes\n',
      'app/consumer.py': 'import os\nfrom kafka import KafkaConsumer\nc = KafkaConsumer(auto_offset_reset=os.getenv("RESET"), sasl_plain_password="hunter2")\n',
      'app/settings.py': 'CELERY_BROKER_URL = "amqp://orders:pa55word@rabbitmq:5672/shop"\nCELERY_TASK_ACKS_LATE = True\n',
    });
    const text = cli(dir, 'settings', '.');
    assert.ok(!text.stdout.includes('s3cr3t-value') && !text.stdout.includes('hunter2') && !text.stdout.includes('pa55word'), text.stdout);
    // A connection URL keeps its user and host, not its password.
    assert.match(text.stdout, /broker_url \(CELERY_BROKER_URL\) = amqp:\/\/orders:\*{8}@rabbitmq:5672\/shop/);
    assert.match(text.stdout, /requirepass = \*{8}/);
    assert.match(text.stdout, /auto\.offset\.reset \(auto_offset_reset\) = os\.getenv\("RESET"\) \(computed at run time\)/);
    const json = JSON.parse(cli(dir, 'settings', '.', '--format', 'json').stdout) as { settings: Array<{ key: string; value: string; computed?: boolean }> };
    assert.equal(json.settings.find((s) => s.key === 'requirepass')?.value, '********');
    assert.equal(json.settings.find((s) => s.key === 'auto.offset.reset')?.computed, true);
    assert.equal(json.settings.find((s) => s.key === 'appendonly')?.computed, undefined);
  });
});

describe('very large files', () => {
  it('judges a file with 100,000 settings without overflowing the call stack', () => {
    const dir = workspace({ 'queue-redis/redis.conf': 'appendonly no\n'.repeat(100_000) });
    const { code, stdout, stderr } = cli(dir, 'check', '.', '--format', 'json', '--max-bytes', '10000000');
    assert.equal(stderr, '');
    assert.equal(code, 0);
    const findings = (JSON.parse(stdout) as { findings: Array<{ ruleId: string }> }).findings;
    assert.equal(findings.length, 100_000);
    assert.ok(findings.every((f) => f.ruleId === 'redis-appendonly-off'));
  });
});

describe('recommend', () => {
  it('writes the starting configuration for --workload when the answers imply no profile', () => {
    const dir = workspace({ 'answers.json': JSON.stringify({ hosting: 'self-hosted', existingInfra: ['kafka'] }) });
    const online = cli(dir, 'recommend', '--answers', 'answers.json', '--format', 'markdown', '--workload', 'online');
    assert.match(online.stdout, /## Starting configuration for Apache Kafka \(online profile\)/);
    // Answers that imply a profile win over the option.
    const logs = workspace({ 'answers.json': JSON.stringify({ useCase: 'logs-metrics-tracking', hosting: 'self-hosted' }) });
    assert.match(cli(logs, 'recommend', '--answers', 'answers.json', '--format', 'markdown', '--workload', 'online').stdout, /\(streaming profile\)/);
  });
});

describe('mq-lens: ignored files (.gitignore, --exclude, --no-ignore)', () => {
  const files = (stdout: string) => (JSON.parse(stdout) as { findings: Array<{ file: string }> }).findings.map((f) => f.file).sort();

  it('leaves out what .gitignore files ignore, with negation, folder-only and anchored patterns, nested files included', () => {
    const dir = workspace({
      '.gitignore': '# build output\nbuild/\n*.local.properties\n!keep.local.properties\n',
      'build/producer.properties': PRODUCER,
      'app/producer.properties': PRODUCER,
      'app/dev.local.properties': PRODUCER,
      'app/keep.local.properties': PRODUCER,
      'svc/.gitignore': '/generated\n',
      'svc/generated/producer.properties': PRODUCER,
      'svc/src/generated/producer.properties': PRODUCER,
    });
    assert.deepEqual(files(cli(dir, 'check', '.', '--workload', 'online', '--format', 'json').stdout), [
      'app/keep.local.properties', 'app/producer.properties', 'svc/src/generated/producer.properties',
    ]);
    // --no-ignore reads everything.
    assert.equal(files(cli(dir, 'check', '.', '--workload', 'online', '--format', 'json', '--no-ignore').stdout).length, 6);
  });

  it('applies the .gitignore files above a walked folder up to the repository top, and none outside a repository', () => {
    const repo = workspace({ '.gitignore': 'out/\n', 'svc/out/producer.properties': PRODUCER, 'svc/producer.properties': PRODUCER });
    fs.mkdirSync(path.join(repo, '.git'));
    assert.deepEqual(files(cli(path.join(repo, 'svc'), 'check', '.', '--workload', 'online', '--format', 'json').stdout), ['producer.properties']);
    const plain = workspace({ '.gitignore': 'out/\n', 'svc/out/producer.properties': PRODUCER, 'svc/producer.properties': PRODUCER });
    assert.deepEqual(files(cli(path.join(plain, 'svc'), 'check', '.', '--workload', 'online', '--format', 'json').stdout), ['out/producer.properties', 'producer.properties']);
  });

  it('reads a file named on the command line even when it is ignored', () => {
    const dir = workspace({ '.gitignore': '*.properties\n', 'producer.properties': PRODUCER });
    assert.deepEqual(files(cli(dir, 'check', '.', '--workload', 'online', '--format', 'json').stdout), []);
    assert.deepEqual(files(cli(dir, 'check', 'producer.properties', '--workload', 'online', '--format', 'json').stdout), ['producer.properties']);
  });

  it('leaves out --exclude globs, relative to the walked folder or by name anywhere', () => {
    const dir = workspace({
      'legacy/old/producer.properties': PRODUCER,
      'src/fixtures/producer.properties': PRODUCER,
      'src/main/producer.properties': PRODUCER,
    });
    assert.deepEqual(files(cli(dir, 'check', '.', '--workload', 'online', '--format', 'json', '--exclude', 'legacy/**', '--exclude', 'fixtures').stdout), ['src/main/producer.properties']);
    assert.equal(cli(dir, 'check', '.', '--exclude', '').code, 2);
  });
});

describe('gitignore patterns', () => {
  /** Whether `path` (a file) is ignored by the rules, the last matching rule deciding. */
  const ignores = (rules: string, file: string) => {
    let ignored = false;
    for (const rule of parseGitignore(rules)) if (!rule.directoryOnly && rule.pattern.test(file)) ignored = !rule.negate;
    return ignored;
  };

  it('reads git\'s wildcards: *, ?, classes, ** in its three places, escapes and anchoring', () => {
    assert.equal(ignores('doc/*.txt', 'doc/notes.txt'), true);
    assert.equal(ignores('doc/*.txt', 'doc/server/arch.txt'), false);
    assert.equal(ignores('*.txt', 'doc/server/arch.txt'), true);
    assert.equal(ignores('**/logs/app.log', 'a/b/logs/app.log'), true);
    assert.equal(ignores('**/logs/app.log', 'logs/app.log'), true);
    assert.equal(ignores('a/**/b.properties', 'a/b.properties'), true);
    assert.equal(ignores('a/**/b.properties', 'a/x/y/b.properties'), true);
    assert.equal(ignores('gen/**', 'gen/x/y.properties'), true);
    assert.equal(ignores('[ab]?.properties', 'a1.properties'), true);
    assert.equal(ignores('[!ab]?.properties', 'a1.properties'), false);
    assert.equal(ignores('\\#notes.properties', '#notes.properties'), true);
    assert.equal(ignores('#notes.properties', '#notes.properties'), false);
    assert.equal(ignores('*.properties\n!keep.properties', 'keep.properties'), false);
    assert.equal(ignores('/top.properties', 'sub/top.properties'), false);
    assert.equal(ignores('/top.properties', 'top.properties'), true);
    // A trailing slash names folders only: a file of that name is not ignored.
    assert.equal(ignores('producers/', 'producers'), false);
  });
});

describe('mq-lens detect --format text', () => {
  const dir = () => workspace({
    'svc/producer.properties': PRODUCER,
    'svc/worker.py': WORKER,
    'svc/app.py': 'import pika\nURL = "amqp://guest@rabbit:5672/"\n',
    'svc/requirements.txt': 'pika==1.3.2\nconfluent-kafka==2.5.3\n',
  });

  it('leads with one line per message queue: its files, clients and other evidence', () => {
    const { code, stdout } = cli(dir(), 'detect', '.');
    assert.equal(code, 0);
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines.length, 3, stdout);
    assert.match(lines[0]!, /^kafka \(.*Kafka.*\): 2 files; clients: .*confluent.*; configuration in 1 file$/);
    assert.match(lines[1]!, /^rabbitmq \(.*RabbitMQ.*\): 3 files; clients: Pika; connection URLs in 1 file$/);
    assert.equal(lines[2], 'Message queues: kafka, rabbitmq. Every piece of evidence: --verbose.');
  });

  it('lists every piece of evidence first with --verbose', () => {
    const { stdout } = cli(dir(), 'detect', '.', '--verbose');
    assert.ok(stdout.includes('svc/app.py:2: rabbitmq by url\n'), stdout);
    assert.ok(stdout.includes('svc/worker.py:1: rabbitmq (pika) by import\n'), stdout);
    assert.ok(stdout.trimEnd().endsWith('Message queues: kafka, rabbitmq.'), stdout);
  });
});

describe('mq-lens on nasty files', () => {
  it('reads deeply nested, alias-bombed, mixed-line-end, UTF-16 and broken files without crashing, and says why it skips', () => {
    const dir = workspace({
      'deep-flow.yaml': `spring:\n  kafka: ${'['.repeat(50000)}${']'.repeat(50000)}\n`,
      'deep-block.yml': `spring:\n${Array.from({ length: 800 }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')}\n`,
      'alias-bomb.yaml': 'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nimage: *a\n',
      'deep.py': `import pika\ndef f():\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i + 1)}if x:`).join('\n')}\n`,
      'Parens.java': `import com.rabbitmq.client.*;\nclass A { void f() { g${'('.repeat(30000)}${')'.repeat(30000)}; } }\n`,
      'braces.ts': `import amqp from 'amqplib';\n${'{'.repeat(50000)}${'}'.repeat(50000)}\n`,
      'utf16.properties': Buffer.from('\ufefflinger.ms=100\n', 'utf16le'),
      'bad-utf8.properties': Buffer.from([0x6c, 0x69, 0xff, 0xfe, 0x3d, 0x31, 0x0a]),
      // CR, CRLF and LF line ends in one file: every finding on its own line.
      'mixed-eol.properties': '# mq-lens: workload=online\racks=1\r\nlinger.ms=100\rretries=0\n',
    });
    const { code, stdout } = cli(dir, 'check', '.', '--format', 'json');
    assert.ok(code === 0 || code === 1, `exit ${code}`);
    const { findings, skipped } = JSON.parse(stdout) as { findings: Array<{ file: string; line: number; ruleId: string }>; skipped: Array<{ file: string; reason: string }> };
    assert.deepEqual(skipped, [
      { file: 'bad-utf8.properties', reason: 'not valid UTF-8 text' },
      { file: 'utf16.properties', reason: 'binary file (contains a NUL byte)' },
    ]);
    const mixed = findings.filter((f) => f.file === 'mixed-eol.properties').map((f) => `${f.line} ${f.ruleId}`).sort();
    assert.deepEqual(mixed, ['2 kafka-acks-one', '3 kafka-linger-latency', '4 kafka-retries-zero']);
    assert.equal(cli(dir, 'detect', '.', '--format', 'json').code, 0);
  });
});
