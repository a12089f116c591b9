// Workspace facts: what a file shows about the rest of the workspace (a dead-letter exchange, a return handler,
// confirms), read the way a reviewer would, with comments in code left out.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { formatOf } from '../../src/core/formats';
import { holds, readsFactsFrom, settleWorkspace, WorkspaceFactIndex, workspaceFactsOf as textFacts } from '../../src/core/workspace';
import { analyze } from './helpers';

/** The facts a file shows, as the CLI and the extension read them (an analysed file through its analysis). */
const workspaceFactsOf = (file: string, text: string) => (formatOf(file) ? analyze(file, text).facts() : textFacts(file, text));
import type { Finding } from '../../src/core/types';

describe('workspace facts', () => {
  it('finds dead-lettering wherever it is configured', () => {
    const dlx = (file: string, text: string) => workspaceFactsOf(file, text).includes('rabbitmq-dead-letter');
    assert.ok(dlx('Dockerfile', 'FROM rabbitmq:4\nRUN rabbitmqctl set_policy DLX ".*" \'{"dead-letter-exchange":"dlx"}\' --apply-to queues\n'));
    assert.ok(dlx('src/main/resources/application.yml', 'spring:\n  cloud:\n    stream:\n      rabbit:\n        bindings:\n          input:\n            consumer:\n              autoBindDlq: true\n'));
    assert.ok(dlx('infra/rabbit.tf', 'resource "rabbitmq_policy" "dlx" {\n  policy {\n    definition = { "dead-letter-exchange" = "dlx" }\n  }\n}\n'));
    assert.ok(dlx('src/config/RabbitConfig.java', 'import org.springframework.amqp.core.QueueBuilder;\nclass C { Queue q() { return QueueBuilder.durable("orders").deadLetterExchange("orders.dlx").build(); } }'));
    assert.ok(dlx('topology.py', 'import pika\nARGS = {"x-dead-letter-exchange": "jobs.dlx"}\n'));
    // Code that imports no client library shows nothing, as it holds no settings either.
    assert.ok(!dlx('constants.py', 'ARGS = {"x-dead-letter-exchange": "jobs.dlx"}\n'));
    // Comments and commented-out lines declare nothing.
    assert.ok(!dlx('topology.py', 'import pika\n# ARGS = {"x-dead-letter-exchange": "jobs.dlx"}\nARGS = {}\n'));
    assert.ok(!dlx('Config.java', 'import com.rabbitmq.client.Channel;\n// args.put("x-dead-letter-exchange", "dlx");\nclass C {}\n'));
    assert.ok(!dlx('values.yaml', '# deadLetterExchange: dlx\nreplicas: 3\n'));
    // A docstring is prose; a triple-quoted value is not.
    assert.ok(!dlx('worker.py', '"""Rejects without requeue: no dead-letter exchange here."""\nimport pika\n'));
    assert.ok(dlx('topology.py', 'import pika\nPOLICY = """{"dead-letter-exchange": "dlx"}"""\n'));
  });

  it('finds return handlers, confirms, hand-built templates and template publishes', () => {
    assert.deepEqual(workspaceFactsOf('RabbitConfig.java', 'import org.springframework.amqp.rabbit.core.RabbitTemplate;\nclass C { void init(RabbitTemplate t) { t.setReturnsCallback(r -> log.warn("{}", r)); t.setConfirmCallback((c, ack, cause) -> {}); } }'),
      ['rabbitmq-returns-callback', 'rabbitmq-confirms', 'rabbitmq-confirm-handling']);
    assert.deepEqual(workspaceFactsOf('RabbitConfig.kt', 'import org.springframework.amqp.rabbit.core.RabbitTemplate\nfun template(cf: ConnectionFactory) = RabbitTemplate(cf).apply { isChannelTransacted = true }'),
      ['spring-rabbit-own-template', 'rabbitmq-confirms', 'rabbitmq-confirm-handling']);
    // Boot's configurer applies the properties to a template built by hand.
    assert.deepEqual(workspaceFactsOf('RabbitConfig.java', 'import org.springframework.amqp.rabbit.core.RabbitTemplate;\nclass C { RabbitTemplate t(RabbitTemplateConfigurer c, ConnectionFactory cf) { RabbitTemplate t = new RabbitTemplate(); c.configure(t, cf); return t; } }'), []);
    assert.deepEqual(workspaceFactsOf('emit.go', 'package x\nimport amqp "github.com/rabbitmq/amqp091-go"\nfunc f(ch *amqp.Channel) { ch.Confirm(false) }'), ['rabbitmq-confirms', 'rabbitmq-confirm-handling']);
    // Confirms asked for in Java configuration or a container's environment count (but nobody reads them there); a
    // prompt called Confirm is no confirm.
    assert.deepEqual(workspaceFactsOf('RabbitConfig.java', 'import org.springframework.amqp.rabbit.core.RabbitTemplate;\nclass C { void c(CachingConnectionFactory f) { f.setPublisherConfirmType(ConfirmType.CORRELATED); } }'), ['rabbitmq-confirms']);
    assert.deepEqual(workspaceFactsOf('docker-compose.yml', 'services:\n  app:\n    environment:\n      SPRING_RABBITMQ_PUBLISHER_CONFIRM_TYPE: correlated\n'), ['rabbitmq-confirms']);
    // Every sign passes the quick look: a publisher's NotifyPublish alone shows confirms.
    assert.deepEqual(workspaceFactsOf('emit2.go', 'package x\nimport amqp "github.com/rabbitmq/amqp091-go"\nfunc f(ch *amqp.Channel, acks chan amqp.Ack) { ch.NotifyPublish(acks) }'), ['rabbitmq-confirms', 'rabbitmq-confirm-handling']);
    assert.deepEqual(workspaceFactsOf('cmd/delete.go', 'package x\nimport amqp "github.com/rabbitmq/amqp091-go"\nfunc run() { ok := survey.Confirm("sure?") }'), []);
    assert.deepEqual(workspaceFactsOf('application.properties', 'spring.rabbitmq.publisher-confirm-type=correlated\n'), ['rabbitmq-confirms', 'spring-rabbit-config']);
    assert.deepEqual(workspaceFactsOf('Sender.java', 'import org.springframework.amqp.rabbit.core.RabbitTemplate;\nclass S { void s() { rabbitTemplate.convertAndSend("x", "y", z); } }'), ['spring-rabbit-publishes']);
    assert.deepEqual(workspaceFactsOf('publisher.js', "const amqp = require('amqplib');\nchannel.on('return', (msg) => log(msg));"), ['rabbitmq-returns-callback']);
  });

  it('reads scripts, Dockerfiles, Terraform and definitions exports for facts, and leaves other JSON alone', () => {
    for (const name of ['ops/setup.sh', 'Dockerfile', 'rabbitmq/Dockerfile.dev', 'infra/main.tf', 'deploy/definitions.json', 'data/rabbitmqConfigs/load.json', 'Makefile', 'advanced.config']) {
      assert.ok(readsFactsFrom(name), name);
    }
    for (const name of ['package-lock.json', 'src/i18n/en.json', 'README.md', 'main.py']) assert.ok(!readsFactsFrom(name), name);
  });

  it('keeps a finding only where its condition holds, and none while the facts are unknown', () => {
    const finding = (workspace?: Finding['workspace']) => ({ ruleId: 'r', ...(workspace ? { workspace } : {}) }) as Finding;
    const unless = finding({ none: ['rabbitmq-dead-letter'] });
    const needs = finding({ all: ['spring-rabbit-publishes'], none: ['rabbitmq-returns-callback'] });
    assert.equal(holds(unless.workspace, new Set()), true);
    assert.equal(holds(unless.workspace, new Set(['rabbitmq-dead-letter'])), false);
    assert.equal(holds(needs.workspace, new Set()), false);
    assert.equal(holds(needs.workspace, new Set(['spring-rabbit-publishes'])), true);
    assert.equal(holds(needs.workspace, new Set(['spring-rabbit-publishes', 'rabbitmq-returns-callback'])), false);
    // Unknown facts: only findings that depend on nothing.
    assert.deepEqual(settleWorkspace([finding(), unless, needs], undefined).length, 1);
  });

  it('asks what must be there of the finding\'s own project, and what silences it of the whole workspace', () => {
    const index = new WorkspaceFactIndex();
    index.add('orders/pom.xml', []);
    index.add('orders/src/main/java/Sender.java', ['spring-rabbit-publishes']);
    index.add('audit/pom.xml', []);
    index.add('ops/definitions.json', ['rabbitmq-dead-letter']);
    const finding = (file: string, workspace: Finding['workspace']) => ({ ruleId: 'r', file, workspace }) as Finding;
    const kept = index.settle([
      finding('orders/src/main/resources/application.yml', { all: ['spring-rabbit-publishes'] }),
      finding('audit/src/main/resources/application.yml', { all: ['spring-rabbit-publishes'] }),
      finding('audit/src/main/java/Worker.java', { none: ['rabbitmq-dead-letter'] }),
    ]);
    assert.deepEqual(kept.map((f) => f.file), ['orders/src/main/resources/application.yml']);
    index.deleteUnder('ops');
    assert.equal(index.settle([finding('audit/src/main/java/Worker.java', { none: ['rabbitmq-dead-letter'] })]).length, 1);
  });
});
