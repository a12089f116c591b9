// The import finder: real imports per language, with their lines, and none of the look-alikes.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { findImports } from '../../src/core/code/imports';
import { lex, type Language } from '../../src/core/code/lexer';

/** `module@line` for each import found, in order. */
function importsOf(text: string, language: Language): string[] {
  const refs = findImports(lex(text, language).tokens, language, text);
  for (const ref of refs) {
    // The span covers the module as written: the string (without its quotes), the dotted name, or the imported name.
    const written = text.slice(ref.span.start, ref.span.end).replace(/^['"`]|['"`]$/g, '');
    assert.ok(written === ref.module || ref.module.endsWith(`.${written}`) || written.startsWith(`${ref.module}::`),
      `span ${JSON.stringify(written)} does not show ${ref.module}`);
  }
  return refs.map((r) => `${r.module}@${r.line}`);
}

describe('imports: JavaScript and TypeScript', () => {
  it('finds import, require, dynamic import and export-from, with their lines', () => {
    const text = [
      "import { Kafka } from 'kafkajs';", // 1
      'const amqp = require("amqplib");', // 2
      "export * from './local';", // 3
      "import 'side-effect';", // 4
      'const mqtt = await import("mqtt");', // 5
      'import type { Admin } from "@confluentinc/kafka-javascript";', // 6
      'import {', // 7
      '  Producer,', // 8
      '  Consumer,', // 9
      "} from 'node-rdkafka'", // 10
      "export { x as y } from 'rhea'", // 11
      'const k = require(`kafka-node`)', // 12
      "import Default, * as all from 'amqp-connection-manager'", // 13
    ].join('\n');
    assert.deepEqual(importsOf(text, 'javascript'), [
      'kafkajs@1', 'amqplib@2', './local@3', 'side-effect@4', 'mqtt@5', '@confluentinc/kafka-javascript@6', 'node-rdkafka@10', 'rhea@11', 'kafka-node@12',
      'amqp-connection-manager@13',
    ]);
  });

  it('ignores imports in comments and strings, require as a method, and look-alike names', () => {
    const text = [
      "// import { Kafka } from 'kafkajs'",
      "/* const amqp = require('amqplib') */",
      "const s = \"import x from 'kafkajs'\";",
      "const t = `require('amqplib')`;",
      "obj.require('mqtt');",
      "obj?.require('mqtt');",
      "loader.import('kafkajs');",
      'const import_ = 1;',
      "import_('kafkajs');",
      "requireX('kafkajs');",
      "require(name);",
      "require('a' + b);",
      "const o = { from: 'kafkajs' };",
      "export const from = 'kafkajs';",
    ].join('\n');
    assert.deepEqual(importsOf(text, 'javascript'), []);
  });

  it('does not read past an export statement into later code', () => {
    const text = ['export function send() {', '  return 1', '}', "const x = { from: 'kafkajs' }", "log('from', 'kafkajs')"].join('\n');
    assert.deepEqual(importsOf(text, 'javascript'), []);
  });
});

describe('imports: Python', () => {
  it('finds import and from-import, with submodules and lines', () => {
    const text = [
      'import confluent_kafka', // 1
      'import kafka.producer as kp, os', // 2
      'from aiokafka import AIOKafkaProducer, AIOKafkaConsumer as C', // 3
      'from paho.mqtt import client as mqtt_client', // 4
      'from google.cloud import (pubsub_v1,', // 5
      '    storage)', // 6
      'try:', // 7
      '    import pika', // 8
      'except ImportError:', // 9
      '    pika = None', // 10
      'def f():', // 11
      '    from kafka import KafkaProducer', // 12
    ].join('\n');
    assert.deepEqual(importsOf(text, 'python'), [
      'confluent_kafka@1', 'kafka.producer@2', 'os@2', 'aiokafka@3', 'aiokafka.AIOKafkaProducer@3', 'aiokafka.AIOKafkaConsumer@3',
      'paho.mqtt@4', 'paho.mqtt.client@4', 'google.cloud@5', 'google.cloud.pubsub_v1@5', 'google.cloud.storage@6', 'pika@8',
      'kafka@12', 'kafka.KafkaProducer@12',
    ]);
  });

  it('ignores relative imports, imports in comments, strings and docstrings, and look-alike names', () => {
    const text = [
      'from . import local',
      'from .sibling import thing',
      '# import pika',
      's = "import pika"',
      "t = 'from kafka import KafkaProducer'",
      '"""',
      'import confluent_kafka',
      'from aiokafka import AIOKafkaProducer',
      '"""',
      "u = '''",
      'import paho.mqtt.client',
      "'''",
      'import_ = 3',
      'x.import_(y)',
      'important = True',
      'fromage = 1',
      'obj.import_module("kafka")',
    ].join('\n');
    assert.deepEqual(importsOf(text, 'python'), []);
  });

  it('reads the line of an import after a multi-line string', () => {
    assert.deepEqual(importsOf('"""doc\nstring"""\nimport pika\n', 'python'), ['pika@3']);
    assert.deepEqual(importsOf('x = 1\r\n"""a\r\nb"""\r\nimport pika\r\n', 'python'), ['pika@4']);
  });
});

describe('imports: Go', () => {
  it('finds single and grouped imports, with aliases, blank and dot imports', () => {
    const text = [
      'package main', // 1
      '', // 2
      'import "fmt"', // 3
      'import k "github.com/segmentio/kafka-go"', // 4
      'import (', // 5
      '\t"github.com/IBM/sarama"', // 6
      '\tamqp "github.com/rabbitmq/amqp091-go"', // 7
      '\t_ "embed"', // 8
      '\t. "github.com/nats-io/nats.go"', // 9
      '\t// "github.com/commented/out"', // 10
      ')', // 11
      'import `github.com/raw/quoted`', // 12
    ].join('\n');
    assert.deepEqual(importsOf(text, 'go'), [
      'fmt@3', 'github.com/segmentio/kafka-go@4', 'github.com/IBM/sarama@6', 'github.com/rabbitmq/amqp091-go@7', 'embed@8',
      'github.com/nats-io/nats.go@9', 'github.com/raw/quoted@12',
    ]);
  });

  it('ignores import inside raw strings, strings and comments', () => {
    const text = [
      'package main',
      'var s = `',
      'import "github.com/IBM/sarama"',
      'import (',
      '  "github.com/segmentio/kafka-go"',
      ')',
      '`',
      'var t = "import \\"github.com/IBM/sarama\\""',
      '// import "github.com/IBM/sarama"',
      '/* import "github.com/rabbitmq/amqp091-go" */',
      'func f() { x.import("y") }',
    ].join('\n');
    assert.deepEqual(importsOf(text, 'go'), []);
  });
});

describe('imports: C#', () => {
  it('finds using, global using, using static, aliases and the namespaces code is declared in', () => {
    const text = [
      'using System;', // 1
      'using Confluent.Kafka;', // 2
      'global using RabbitMQ.Client;', // 3
      'using static System.Math;', // 4
      'using K = Confluent.Kafka.Admin;', // 5
      'global using static MQTTnet.Client.MqttClientExtensions;', // 6
      'namespace App', // 7
      '{', // 8
      '    using Azure.Messaging.ServiceBus;', // 9
      '}', // 10
    ].join('\n');
    assert.deepEqual(importsOf(text, 'csharp'), [
      'System@1', 'Confluent.Kafka@2', 'RabbitMQ.Client@3', 'System.Math@4', 'Confluent.Kafka.Admin@5', 'MQTTnet.Client.MqttClientExtensions@6',
      'App@7', 'Azure.Messaging.ServiceBus@9',
    ]);
    // A file-scoped namespace under a client's namespace sees its types without a using directive.
    assert.deepEqual(importsOf('namespace Confluent.Kafka.Examples.Consumer;\nclass P { }\n', 'csharp'), ['Confluent.Kafka.Examples.Consumer@1']);
  });

  it('ignores using statements and declarations, comments and strings', () => {
    const text = [
      'class C {',
      '  void M() {',
      '    using var producer = new ProducerBuilder<Null, string>(config).Build();',
      '    using (var channel = connection.CreateModel()) { }',
      '    using IConnection connection = factory.CreateConnection();',
      '    await using var c = Make();',
      '  }',
      '}',
      '// using Confluent.Kafka;',
      '/* using RabbitMQ.Client; */',
      'var s = "using Confluent.Kafka;";',
      'var v = @"',
      'using RabbitMQ.Client;',
      '";',
    ].join('\n');
    assert.deepEqual(importsOf(text, 'csharp'), []);
  });
});

describe('imports: Rust', () => {
  it('finds use, pub use and extern crate by their crate', () => {
    const text = [
      'use rdkafka::config::ClientConfig;', // 1
      'pub use lapin::{Connection, options::*};', // 2
      'extern crate rumqttc;', // 3
      'use std::io;', // 4
      'use async_nats;', // 5
    ].join('\n');
    assert.deepEqual(importsOf(text, 'rust'), ['rdkafka@1', 'lapin@2', 'rumqttc@3', 'std@4', 'async_nats@5']);
  });

  it('ignores use in comments and strings', () => {
    const text = ['// use rdkafka::config::ClientConfig;', '/* use lapin::Connection; /* nested */ use rumqttc::Client; */', 'let s = "use rdkafka::x;";', 'let r = r#"use lapin::y;"#;'].join('\n');
    assert.deepEqual(importsOf(text, 'rust'), []);
  });
});

describe('imports: Java, Kotlin and Scala', () => {
  it('finds Java imports, static ones included', () => {
    const text = [
      'package com.example;', // 1
      'import org.apache.kafka.clients.producer.KafkaProducer;', // 2
      'import static org.apache.kafka.clients.producer.ProducerConfig.*;', // 3
      'import com.rabbitmq.client.*;', // 4
    ].join('\n');
    assert.deepEqual(importsOf(text, 'java'), ['org.apache.kafka.clients.producer.KafkaProducer@2', 'org.apache.kafka.clients.producer.ProducerConfig@3', 'com.rabbitmq.client@4']);
  });

  it('finds Kotlin imports with aliases and Scala imports with selectors', () => {
    const kotlin = ['import org.apache.kafka.clients.producer.KafkaProducer', 'import org.eclipse.paho.client.mqttv3.MqttClient as Mqtt'].join('\n');
    assert.deepEqual(importsOf(kotlin, 'kotlin'), ['org.apache.kafka.clients.producer.KafkaProducer@1', 'org.eclipse.paho.client.mqttv3.MqttClient@2']);
    const scala = ['import org.apache.kafka.clients.producer.{KafkaProducer, ProducerConfig}', 'import com.rabbitmq.client._'].join('\n');
    assert.deepEqual(importsOf(scala, 'scala'), ['org.apache.kafka.clients.producer@1', 'com.rabbitmq.client._@2']);
  });

  it('ignores imports in comments, strings and text blocks', () => {
    const text = [
      '// import org.apache.kafka.clients.producer.KafkaProducer;',
      '/* import com.rabbitmq.client.Channel; */',
      '/** import com.rabbitmq.client.Connection; */',
      'String s = "import org.apache.kafka.clients.consumer.KafkaConsumer;";',
      'String t = """',
      'import com.rabbitmq.client.ConnectionFactory;',
      '""";',
      'void importData() { importer.importAll(); }',
    ].join('\n');
    assert.deepEqual(importsOf(text, 'java'), []);
    assert.deepEqual(importsOf('/* /* */ import com.rabbitmq.client.Channel */', 'kotlin'), []);
  });
});
