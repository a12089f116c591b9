// The flow rules' reading of code: block structure from braces and indentation, and robustness on code that is cut
// short, unbalanced or random. What each rule reports is checked by its fixtures (test/fixtures/rules/).
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { bundledClientIndex, bundledKeyIndex } from '../../src/core/bundledKnowledge';
import { analyzeText } from '../../src/core/analyze';
import { blockAt, blockStructure, functionOf } from '../../src/core/code/blocks';
import { lex, type Language } from '../../src/core/code/lexer';
import { LineIndex } from '../../src/core/text';

function structureOf(text: string, language: Language) {
  const { tokens } = lex(text, language);
  const structure = blockStructure(tokens, language, new LineIndex(text));
  const kindAt = (word: string, nth = 0) => {
    const indexes = tokens.flatMap((t, i) => (t.text === word ? [i] : []));
    const index = indexes[nth];
    assert.ok(index !== undefined, `no ${word}`);
    return blockAt(structure, index)?.kind;
  };
  return { tokens, structure, kindAt };
}

describe('block structure', () => {
  it('tells methods, lambdas, loops, handlers and anonymous classes apart in Java', () => {
    const { kindAt, structure } = structureOf([
      'class Worker {',
      '  void run(Object sender) throws IOException {',
      '    for (Record r : records) { work(r); }',
      '    try { a(); } catch (Exception e) { b(); } finally { c(); }',
      '    records.forEach(r -> { d(r); });',
      '    executor.submit(() -> { e(); });',
      '    var consumer = new DefaultConsumer(channel) { void f() { g(); } };',
      '  }',
      '}',
    ].join('\n'), 'java');
    assert.equal(kindAt('work'), 'loop');
    assert.equal(kindAt('a'), 'try');
    assert.equal(kindAt('b'), 'catch');
    assert.equal(kindAt('c'), 'finally');
    // A lambda passed to forEach runs once per element: a loop body. One passed elsewhere runs later: a function.
    assert.equal(kindAt('d'), 'loop');
    assert.equal(kindAt('e'), 'function');
    assert.equal(kindAt('f'), 'class');
    assert.equal(kindAt('g'), 'function');
    assert.equal(structure.tries.length, 1);
    assert.equal(structure.tries[0]!.handlers[0]!.catchAll, true);
  });

  it('reads Python blocks by indentation, one-line handlers and try/except/else/finally', () => {
    const { kindAt, structure } = structureOf([
      'def handle(ch, method, properties, body):',
      '    try:',
      '        work(body)',
      '    except (ValueError, KeyError):',
      '        log.warning("bad")',
      '    except Exception: pass',
      '    else:',
      '        ok()',
      '    finally:',
      '        done()',
      'after()',
    ].join('\n'), 'python');
    assert.equal(kindAt('work'), 'try');
    assert.equal(kindAt('warning'), 'catch');
    assert.equal(kindAt('pass'), 'catch');
    assert.equal(kindAt('ok'), 'else');
    assert.equal(kindAt('done'), 'finally');
    assert.equal(kindAt('after'), undefined);
    const [statement] = structure.tries;
    assert.deepEqual(statement!.handlers.map((h) => h.catchAll), [false, true]);
    assert.ok(statement!.finally);
  });

  it('takes Go error checks for handlers and knows whose function a block is in', () => {
    const { kindAt, structure, tokens } = structureOf([
      'func consume(msgs <-chan amqp.Delivery) {',
      '\tfor d := range msgs {',
      '\t\tif err := handle(d.Body); err != nil {',
      '\t\t\tlog.Printf("failed: %v", err)',
      '\t\t}',
      '\t\td.Ack(false)',
      '\t}',
      '}',
    ].join('\n'), 'go');
    assert.equal(kindAt('Printf'), 'catch');
    assert.equal(kindAt('Ack'), 'loop');
    assert.equal(structure.tries.length, 1);
    const ack = tokens.findIndex((t) => t.text === 'Ack');
    assert.equal(tokens[functionOf(blockAt(structure, ack))!.head]!.text, 'func');
  });

  it('knows C# methods whose parameters hold keywords (object sender)', () => {
    const { kindAt } = structureOf([
      'class Bus {',
      '  private async Task OnMessageReceived(object sender, BasicDeliverEventArgs e) {',
      '    Handle(e);',
      '  }',
      '}',
    ].join('\n'), 'csharp');
    assert.equal(kindAt('Handle'), 'function');
  });
});

describe('flow rules on broken and hostile code', () => {
  const keys = bundledKeyIndex();
  const clients = bundledClientIndex();
  const FILES: Readonly<Record<string, string>> = {
    python: 'worker.py', java: 'Worker.java', go: 'worker.go', csharp: 'Worker.cs', javascript: 'worker.ts', kotlin: 'Worker.kt',
  };
  const HEADERS: Readonly<Record<string, string>> = {
    python: 'import pika\nfrom confluent_kafka import Consumer\n',
    java: 'import com.rabbitmq.client.Channel;\nimport org.apache.kafka.clients.consumer.KafkaConsumer;\n',
    go: 'package x\nimport amqp "github.com/rabbitmq/amqp091-go"\nimport "github.com/IBM/sarama"\n',
    csharp: 'using RabbitMQ.Client;\n',
    javascript: "import amqp from 'amqplib';\nimport { Kafka } from 'kafkajs';\n",
    kotlin: 'import org.apache.kafka.clients.consumer.KafkaConsumer\n',
  };
  const PIECES = ['try', 'catch', 'except', 'finally', ':', '{', '}', '(', ')', ';', '\n', '\n    ', 'if err != nil', 'for', 'while', 'return',
    'continue', 'throw', 'raise', 'ch.basic_ack(tag)', 'channel.ack(msg)', 'd.Ack(false)', 'consumer.commitSync()', 'session.MarkMessage(m, "")',
    'log.error(e)', 'producer.send(record)', 'channel.basicPublish("x", "y", true, null, b)', 'def f(ch, method, props, body)', 'void f(Object o)',
    'func f()', '=>', '->', 'x', '"', "'", '/*', '#'];

  for (const [language, file] of Object.entries(FILES)) {
    it(`${language}: never throws, and every finding lies inside the text`, () => {
      fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }), (pieces) => {
        const text = HEADERS[language]! + pieces.join(' ');
        const result = analyzeText({ file: `/w/${file}`, text, keys, clients, profile: 'online' });
        for (const finding of result.findings) {
          assert.ok(finding.span.start >= 0 && finding.span.end <= text.length);
          for (const place of finding.related ?? []) assert.ok(place.span.start >= 0 && place.span.end <= text.length);
        }
      }), { numRuns: 150 });
    });
  }
});
