import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { bundledKeyIndex } from '../../src/core/bundledKnowledge';
import { keyNoteMarkdown, settingAt } from '../../src/core/hover';
import { analyze } from './helpers';

describe('hover notes', () => {
  const text = '# mq-lens: workload=online\nlinger.ms=100\nacks=all\n';
  const result = analyze('producer.properties', text);
  const keys = bundledKeyIndex();

  it('finds the setting under the cursor, at either end of the key', () => {
    const start = text.indexOf('linger.ms');
    assert.equal(settingAt(result.settings, start)?.key, 'linger.ms');
    assert.equal(settingAt(result.settings, start + 'linger.ms'.length)?.key, 'linger.ms');
    assert.equal(settingAt(result.settings, 0), undefined);
  });

  it('explains linger.ms: meaning, defaults by version, effects, the verdict on this value and sources', () => {
    const setting = settingAt(result.settings, text.indexOf('linger.ms'))!;
    const markdown = keyNoteMarkdown({
      info: keys.lookup('kafka', 'linger.ms')!, setting, profile: result.profile,
      findings: result.findings, rules: keys.rulesFor('kafka', 'linger.ms'), ruleLink: (id) => `docs/${id}.md`,
    });
    assert.match(markdown, /How long the producer holds a partly filled batch/);
    assert.match(markdown, /\| `0` \| java \| `< 4\.0` \|/);
    assert.match(markdown, /\| `5` \| java \| `>= 4\.0` \|/);
    assert.match(markdown, /\*\*Latency:\*\*/);
    assert.match(markdown, /This value \(`100`\) under the `online` profile/);
    assert.match(markdown, /\[kafka-linger-latency\]\(docs\/kafka-linger-latency\.md\)/);
    assert.match(markdown, /Sources: .*KIP-1030/);
  });

  it('speaks of a behaviour read from code as what the code does, not as a written setting', () => {
    const code = ['import pika', 'def on_order(ch, method, properties, body):', '    try:', '        place(body)', '    except Exception:',
      '        log.exception("failed")', '    ch.basic_ack(delivery_tag=method.delivery_tag)', ''].join('\n');
    const worker = analyze('worker.py', code, 'online');
    const setting = settingAt(worker.settings, code.indexOf('basic_ack'))!;
    assert.equal(setting.key, 'settled-on-failure');
    const markdown = keyNoteMarkdown({
      info: keys.lookup('rabbitmq', 'settled-on-failure')!, setting, profile: 'online',
      findings: worker.findings, rules: keys.rulesFor('rabbitmq', 'settled-on-failure'), ruleLink: (id) => id,
    });
    assert.match(markdown, /RabbitMQ consumer behaviour, read from the code \(at `ch\.basic_ack`\)/);
    assert.match(markdown, /\*\*What the code does here \(after a handler that only logs the failure\) under the `online` profile:\*\*/);
    assert.match(markdown, /\[message-settled-on-failure\]/);
    assert.doesNotMatch(markdown, /written here as/);
    // Only this broker's row: how Kafka commits says nothing under a RabbitMQ acknowledgement.
    assert.match(markdown, /an acknowledged message is removed from the queue/);
    assert.doesNotMatch(markdown, /committed offset/);
  });

  it('names a behaviour known under several brokers for the broker of the code under the cursor', () => {
    const code = ['from confluent_kafka import Consumer', 'def run(consumer):', '    while True:', '        msg = consumer.poll(1.0)',
      '        try:', '            apply(msg.value())', '        except Exception:', '            log.exception("failed")', '        consumer.commit()', ''].join('\n');
    const worker = analyze('worker.py', code, 'online');
    const setting = settingAt(worker.settings, code.indexOf('consumer.commit()'))!;
    assert.equal(setting.system, 'kafka');
    const markdown = keyNoteMarkdown({ info: keys.lookup('kafka', 'settled-on-failure')!, setting, profile: 'online', findings: [], rules: [], ruleLink: (id) => id });
    assert.match(markdown, /Kafka consumer behaviour, read from the code/);
    assert.match(markdown, /committed offset covers every earlier record/);
    assert.doesNotMatch(markdown, /removed from the queue/);
  });

  it('says when a value raises no concern, and names the alias it was written as', () => {
    const other = analyze('producer.properties', 'queue.buffering.max.ms=5\n', 'online');
    const markdown = keyNoteMarkdown({
      info: keys.lookup('kafka', 'linger.ms')!, setting: other.settings[0]!, profile: 'online',
      findings: [], rules: [], ruleLink: (id) => id,
    });
    assert.match(markdown, /written here as `queue\.buffering\.max\.ms`/);
    assert.match(markdown, /This value \(`5`\) raises no concern under the `online` profile\./);
  });
});

describe('hover notes on values', () => {
  it('lists what particular values mean and marks the one written', () => {
    const keys = bundledKeyIndex();
    const result = analyze('producer.properties', 'acks=1\n', 'online');
    const markdown = keyNoteMarkdown({
      info: keys.lookup('kafka', 'acks')!, setting: result.settings[0]!, profile: 'online',
      findings: result.findings, rules: keys.rulesFor('kafka', 'acks'), ruleLink: (id) => id,
    });
    assert.match(markdown, /- `1`: .+ ← \*this value\*/);
    assert.match(markdown, /- `all`: /);
    assert.match(markdown, /\[kafka-acks-one\]\(kafka-acks-one\)/);
  });
});

describe('hover notes quote the workspace safely', () => {
  /** The Markdown outside code spans (a span is closed by a run of backticks as long as the one that opened it). */
  const outsideCode = (markdown: string) => markdown.replace(/(`+)[\s\S]*?\1/g, '');

  it('keeps a written value inside one code span, whatever backticks, links or HTML it holds', () => {
    const text = 'bootstrap.servers=b:9092\ngroup.id=a``b [run](command:workbench.action.terminal.new) <img src=x onerror=alert(1)>\n';
    const result = analyze('producer.properties', text);
    const setting = settingAt(result.settings, text.indexOf('group.id'))!;
    const keys = bundledKeyIndex();
    const markdown = keyNoteMarkdown({ info: keys.lookup('kafka', 'group.id')!, setting, profile: 'general', findings: [], rules: [], ruleLink: (id) => id });
    assert.ok(markdown.includes('```'), markdown);
    assert.ok(!/command:|<img/.test(outsideCode(markdown)), outsideCode(markdown));
  });

  it('escapes a finding message that quotes the workspace, so it becomes no link and no markup', () => {
    const text = '# mq-lens: workload=online\nlinger.ms=100\n';
    const result = analyze('producer.properties', text);
    const setting = settingAt(result.settings, text.indexOf('linger.ms'))!;
    const [finding] = result.findings;
    const keys = bundledKeyIndex();
    const markdown = keyNoteMarkdown({
      info: keys.lookup('kafka', 'linger.ms')!, setting, profile: 'online', rules: [], ruleLink: (id) => `docs/${id}.md`,
      findings: [{ ...finding!, message: 'Topic [orders](command:workbench.action.terminal.new) <b>x</b>' }],
    });
    assert.ok(markdown.includes('Topic \\[orders\\](command:workbench.action.terminal.new) \\<b\\>x\\</b\\>'), markdown);
    // The rule's own link stays a link.
    assert.match(markdown, /\[kafka-linger-latency\]\(docs\/kafka-linger-latency\.md\)/);
  });
});
