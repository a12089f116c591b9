// Configuration guidance across formats and the workspace view, through the real API.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { MqLensApi } from '../../src/vscode/extension';
import { EXTENSION_ID, hoverText, mqLensDiagnostics, setWorkload, waitFor, workspaceFile } from './helpers';

async function api(): Promise<MqLensApi> {
  const extension = vscode.extensions.getExtension<MqLensApi>(EXTENSION_ID)!;
  return extension.isActive ? extension.exports : extension.activate();
}

async function codeActions(uri: vscode.Uri, range: vscode.Range, kind: vscode.CodeActionKind): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind.value);
}

describe('guidance in Spring YAML, Python and manifests', function () {
  const spring = workspaceFile('application.yml');
  const python = workspaceFile('orders', 'producer.py');
  const gomod = workspaceFile('billing', 'go.mod');

  afterEach(async function () {
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.isDirty) {
        await vscode.window.showTextDocument(editor.document);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
    }
    await setWorkload(spring, 'online');
    await vscode.workspace.getConfiguration('mqLens', spring).update('rules', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
  });

  it('flags Spring YAML settings with the right rules, ranges and related information', async function () {
    await vscode.workspace.openTextDocument(spring);
    const diagnostics = await waitFor(() => mqLensDiagnostics(spring), (d) => d.length >= 2, 'Spring YAML diagnostics');
    const codes = diagnostics.map((d) => `${(d.code as { value: string }).value}@${d.range.start.line}`).sort();
    // acks: 1 is one finding (kafka-acks-one, which also says it turns idempotence off), not two.
    assert.deepEqual(codes, ['kafka-acks-one@5', 'kafka-linger-latency@7']);
    const linger = diagnostics.find((d) => (d.code as { value: string }).value === 'kafka-linger-latency')!;
    assert.equal(vscode.window.activeTextEditor ? true : true, true);
    const document = await vscode.workspace.openTextDocument(spring);
    assert.equal(document.getText(linger.range), 'linger.ms: 50');
  });

  it('follows a failure path in code: the finding sits on the acknowledgement and points at the handler that swallows the error', async function () {
    const worker = workspaceFile('orders', 'worker.py');
    const document = await vscode.workspace.openTextDocument(worker);
    const diagnostics = await waitFor(() => mqLensDiagnostics(worker), (d) => d.length >= 1, 'the flow finding');
    assert.deepEqual(diagnostics.map((d) => [(d.code as { value: string }).value, d.range.start.line, d.severity]), [
      ['message-settled-on-failure', 9, vscode.DiagnosticSeverity.Warning],
    ]);
    const finding = diagnostics[0]!;
    assert.equal(document.getText(finding.range), 'channel.basic_ack(delivery_tag=method.delivery_tag)');
    const related = finding.relatedInformation ?? [];
    assert.equal(related.length, 1);
    assert.equal(related[0]!.location.uri.toString(), worker.toString());
    assert.equal(document.getText(related[0]!.location.range), 'except');
    assert.match(related[0]!.message, /only logs the error here and does not rethrow it/);
  });

  it('judges a reject without requeue against the whole workspace, and again when another file declares a dead-letter exchange', async function () {
    this.timeout(70000);
    const refunds = workspaceFile('orders', 'refunds.py');
    const topology = workspaceFile('orders', 'topology.py');
    await vscode.workspace.openTextDocument(refunds);
    // Nothing in the workspace dead-letters: the rejected refund is dropped.
    const before = await waitFor(() => mqLensDiagnostics(refunds), (d) => d.length === 1, 'the rejected-message finding');
    assert.deepEqual(before.map((d) => [(d.code as { value: string }).value, d.range.start.line]), [['rabbitmq-rejected-without-dead-letter', 10]]);
    // Another file declares the queue with a dead-letter exchange: the finding goes, without touching refunds.py.
    await vscode.workspace.fs.writeFile(topology, new TextEncoder().encode('import pika\n\nQUEUE_ARGUMENTS = {"x-dead-letter-exchange": "refunds.dlx"}\n'));
    try {
      await waitFor(() => mqLensDiagnostics(refunds), (d) => d.length === 0, 'the finding to go once a dead-letter exchange is declared', 30000);
    } finally {
      await vscode.workspace.fs.delete(topology);
    }
    // And it comes back when that file is deleted.
    await waitFor(() => mqLensDiagnostics(refunds), (d) => d.length === 1, 'the finding to return', 30000);
  });

  it('shows the hover note on a Spring key and on a key in Python code', async function () {
    const yamlHover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', spring, new vscode.Position(5, 7)));
    assert.match(yamlHover, /How many replicas must have a record/);
    assert.match(yamlHover, /← \*this value\*/);
    const pyHover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', python, new vscode.Position(6, 7)));
    assert.match(pyHover, /How long the producer holds a partly filled batch/);
  });

  it('flags the Python literal, and nothing in its docstring or comments', async function () {
    await vscode.workspace.openTextDocument(python);
    const diagnostics = await waitFor(() => mqLensDiagnostics(python), (d) => d.length >= 1, 'Python diagnostics');
    assert.deepEqual(diagnostics.map((d) => [(d.code as { value: string }).value, d.range.start.line]), [['kafka-linger-latency', 6]]);
  });

  it('offers fix, fix-all, ignore and learn-more, and each does what it says', async function () {
    const document = await vscode.workspace.openTextDocument(spring);
    await vscode.window.showTextDocument(document);
    const acks = await waitFor(() => mqLensDiagnostics(spring).filter((d) => (d.code as { value: string }).value === 'kafka-acks-one'), (d) => d.length === 1, 'the acks diagnostic');
    const actions = await codeActions(spring, acks[0]!.range, vscode.CodeActionKind.QuickFix);
    const titles = actions.map((a) => a.title);
    for (const expected of ['Set acks to all', 'Ignore kafka-acks-one on this line', 'Learn more about kafka-acks-one']) assert.ok(titles.includes(expected), `${expected} not in ${titles.join(' | ')}`);
    const before = document.getText();
    const ignore = actions.find((a) => a.title === 'Ignore kafka-acks-one on this line')!;
    assert.ok(await vscode.workspace.applyEdit(ignore.edit!));
    assert.equal(document.getText(), before.replace('      acks: 1\n', '      # mq-lens: ignore kafka-acks-one\n      acks: 1\n'));
    await waitFor(() => mqLensDiagnostics(spring).map((d) => (d.code as { value: string }).value), (c) => !c.includes('kafka-acks-one'), 'the ignored finding to disappear');
  });

  it('fixes everything fixable with source.fixAll.mqLens, touching only the values', async function () {
    const document = await vscode.workspace.openTextDocument(spring);
    await waitFor(() => mqLensDiagnostics(spring), (d) => d.length === 2, 'two diagnostics');
    const [fixAll] = await codeActions(spring, new vscode.Range(0, 0, document.lineCount, 0), vscode.CodeActionKind.SourceFixAll.append('mqLens'));
    assert.ok(fixAll?.edit, 'no source.fixAll.mqLens action');
    const before = document.getText();
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    assert.equal(document.getText(), before.replace('acks: 1', 'acks: all').replace('linger.ms: 50', 'linger.ms: 5'));
    await waitFor(() => mqLensDiagnostics(spring), (d) => d.length === 0, 'no diagnostics after fixing all');
  });

  it('fixes every finding of one rule in a file, and nothing else', async function () {
    const text = '# mq-lens: workload=online\nlinger.ms=100\nacks=1\nqueue.buffering.max.ms = 250 \n';
    const document = await vscode.workspace.openTextDocument({ language: 'properties', content: text });
    const diagnostics = await waitFor(() => mqLensDiagnostics(document.uri).filter((d) => (d.code as { value: string }).value === 'kafka-linger-latency'), (d) => d.length === 2, 'two linger findings');
    const actions = await codeActions(document.uri, diagnostics[0]!.range, vscode.CodeActionKind.QuickFix);
    const fixAll = actions.find((a) => a.title === 'Fix all kafka-linger-latency problems in this file');
    assert.ok(fixAll?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    assert.equal(document.getText(), '# mq-lens: workload=online\nlinger.ms=5\nacks=1\nqueue.buffering.max.ms = 5 \n');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('applies a per-rule severity override at once', async function () {
    await vscode.workspace.openTextDocument(spring);
    await waitFor(() => mqLensDiagnostics(spring), (d) => d.some((x) => (x.code as { value: string }).value === 'kafka-linger-latency'), 'the linger warning');
    await vscode.workspace.getConfiguration('mqLens', spring).update('rules', { 'kafka-linger-latency': 'error', 'kafka-acks-one': 'off' }, vscode.ConfigurationTarget.WorkspaceFolder);
    const diagnostics = await waitFor(() => mqLensDiagnostics(spring), (d) => !d.some((x) => (x.code as { value: string }).value === 'kafka-acks-one'), 'the override to apply');
    const linger = diagnostics.find((d) => (d.code as { value: string }).value === 'kafka-linger-latency')!;
    assert.equal(linger.severity, vscode.DiagnosticSeverity.Error);
  });

  it('marks the deprecated client in go.mod and shows the broker card on it', async function () {
    await vscode.workspace.openTextDocument(gomod);
    const [diagnostic] = await waitFor(() => mqLensDiagnostics(gomod), (d) => d.length === 1, 'the deprecated-client finding');
    assert.equal(diagnostic!.severity, vscode.DiagnosticSeverity.Information);
    assert.match(diagnostic!.message, /streadway\/amqp is deprecated.+Use amqp091-go/);
    const card = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', gomod, new vscode.Position(5, 10)));
    assert.match(card, /\*\*RabbitMQ\*\* · through streadway\/amqp/);
    assert.match(card, /\*\*Where it hurts\*\*/);
    assert.match(card, /Maintained replacement/);
  });
});

describe('context: tests, samples and single-broker setups', function () {
  const test = workspaceFile('tests', 'test_producer.py');
  const compose = workspaceFile('docker-compose.yml');

  afterEach(async function () {
    for (const key of ['roles', 'nonProductionSeverity']) {
      await vscode.workspace.getConfiguration('mqLens', test).update(key, undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    }
  });

  it('shows findings in test code as hints that say why, and the hover names the role', async function () {
    await vscode.workspace.openTextDocument(test);
    const [linger] = await waitFor(() => mqLensDiagnostics(test), (d) => d.length === 1, 'the test-file finding');
    assert.equal((linger!.code as { value: string }).value, 'kafka-linger-latency');
    assert.equal(linger!.severity, vscode.DiagnosticSeverity.Hint);
    assert.match(linger!.message, /Shown as a hint because this file is test code \(file name 'test_producer.py'\)\.$/);
    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', test, new vscode.Position(3, 62)));
    assert.match(hover, /This file is read as test code/);
  });

  it('follows mqLens.roles and mqLens.nonProductionSeverity at once', async function () {
    await vscode.workspace.openTextDocument(test);
    await waitFor(() => mqLensDiagnostics(test), (d) => d.length === 1, 'the test-file finding');
    await vscode.workspace.getConfiguration('mqLens', test).update('roles', { 'tests/**': 'production' }, vscode.ConfigurationTarget.WorkspaceFolder);
    const [promoted] = await waitFor(() => mqLensDiagnostics(test), (d) => d[0]?.severity === vscode.DiagnosticSeverity.Warning, 'the finding judged as production code');
    assert.doesNotMatch(promoted!.message, /Shown as/);
    await vscode.workspace.getConfiguration('mqLens', test).update('roles', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    await vscode.workspace.getConfiguration('mqLens', test).update('nonProductionSeverity', 'off', vscode.ConfigurationTarget.WorkspaceFolder);
    await waitFor(() => mqLensDiagnostics(test), (d) => d.length === 0, 'test findings to be switched off');
  });

  it('says a single broker needs a replication factor of 1, and offers no fix that would break it', async function () {
    await vscode.workspace.openTextDocument(compose);
    const [offsets] = await waitFor(() => mqLensDiagnostics(compose), (d) => d.length === 1, 'the single-broker finding');
    assert.equal((offsets!.code as { value: string }).value, 'kafka-offsets-topic-replication-one');
    assert.equal(offsets!.severity, vscode.DiagnosticSeverity.Information);
    assert.match(offsets!.message, /single broker/);
    const actions = await codeActions(compose, offsets!.range, vscode.CodeActionKind.QuickFix);
    assert.deepEqual(actions.filter((a) => !/^(Ignore|Learn more)/.test(a.title)).map((a) => a.title), []);
  });
});

describe('the workspace view', function () {
  it('lists the detected brokers, clients and files', async function () {
    const { scanner } = await api();
    const entries = await waitFor(() => scanner.entries(), (e) => e.length >= 5 && !scanner.scanning, 'the first scan');
    const brokers = [...new Set(entries.flatMap((e) => e.detections.map((d) => d.broker)))].sort();
    assert.deepEqual(brokers, ['kafka', 'rabbitmq']);
    const files = entries.map((e) => vscode.workspace.asRelativePath(e.uri)).sort();
    assert.ok(files.includes('orders/producer.py') && files.includes('billing/go.mod') && files.includes('application.yml'), files.join(', '));
  });

  it('says when a rescan is done, and how many files show message queues', async function () {
    this.timeout(60000);
    const { scanner } = await api();
    await waitFor(() => scanner.scanning, (s) => !s, 'the first scan');
    const message = await vscode.commands.executeCommand<string>('mqLens.refresh');
    assert.equal(message, `MQ Lens: rescan done, ${scanner.entries().length} files with message-queue evidence`);
  });

  it('updates incrementally when a file appears and disappears', async function () {
    this.timeout(70000);
    const { scanner } = await api();
    await waitFor(() => scanner.scanning, (s) => !s, 'the scan to finish');
    const added = workspaceFile('notifications', 'consumer.ts');
    await vscode.workspace.fs.writeFile(added, Buffer.from("import { connect } from 'nats';\n"));
    // File watchers report late on a busy machine: the waits allow for it.
    await waitFor(() => scanner.entries().flatMap((e) => e.detections), (d) => d.some((x) => x.broker === 'nats'), 'the new NATS client to be detected', 30000);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(added, '..'), { recursive: true });
    await waitFor(() => scanner.entries().flatMap((e) => e.detections), (d) => !d.some((x) => x.broker === 'nats'), 'the NATS client to go away', 30000);
  });

  it('puts the problems of files that are not open in the Problems panel, as many as the view counts, unless mqLens.problems is openFiles', async function () {
    this.timeout(90000);
    const { scanner } = await api();
    await waitFor(() => scanner.scanning, (s) => !s, 'the scan to finish');
    // A file nobody opens, written to disk and read by a rescan (file watchers are tested above; they can be late).
    const closed = workspaceFile('streaming', 'inventory.properties');
    await vscode.workspace.fs.writeFile(closed, Buffer.from('# mq-lens: workload=online\nbootstrap.servers=kafka:9092\nacks=1\nlinger.ms=100\n'));
    try {
      await scanner.scan();
      const diagnostics = await waitFor(() => mqLensDiagnostics(closed), (d) => d.length === 2, 'the closed file\'s problems');
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === closed.toString()), 'the file was opened');
      const linger = diagnostics.find((d) => (d.code as { value: string }).value === 'kafka-linger-latency');
      assert.ok(linger, diagnostics.map((d) => d.message).join(' | '));
      // Line 4, the whole `linger.ms=100`, as the open document would show it.
      assert.deepEqual([linger.range.start.line, linger.range.start.character, linger.range.end.line, linger.range.end.character], [3, 0, 3, 13]);
      const entry = scanner.entries().find((e) => e.uri.toString() === closed.toString());
      assert.equal(entry?.findings.length, diagnostics.length, 'the view counts what the Problems panel shows');

      await vscode.workspace.getConfiguration('mqLens').update('problems', 'openFiles', vscode.ConfigurationTarget.Workspace);
      await waitFor(() => mqLensDiagnostics(closed), (d) => d.length === 0, 'closed files to leave the Problems panel');
      await vscode.workspace.getConfiguration('mqLens').update('problems', undefined, vscode.ConfigurationTarget.Workspace);
      await waitFor(() => mqLensDiagnostics(closed), (d) => d.length === 2, 'closed files to come back');
    } finally {
      await vscode.workspace.getConfiguration('mqLens').update('problems', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(closed);
    }
    await scanner.scan();
    await waitFor(() => mqLensDiagnostics(closed), (d) => d.length === 0, 'a deleted file\'s problems to go');
  });

  it('detects Ruby, PHP and Elixir clients and leaves vendored dependencies out of a full scan', async function () {
    const { scanner } = await api();
    await waitFor(() => scanner.scanning, (s) => !s, 'the scan to finish');
    const worker = workspaceFile('ruby-jobs', 'app', 'workers', 'order_worker.rb');
    await vscode.workspace.fs.writeFile(worker, Buffer.from('class OrderWorker\n  include Sneakers::Worker\nend\n'));
    const vendored = workspaceFile('shop', 'vendor', 'php-amqplib', 'php-amqplib', 'PhpAmqpLib', 'Connection', 'Factory.php');
    await vscode.workspace.fs.writeFile(vendored, Buffer.from('<?php\nuse PhpAmqpLib\\Connection\\AMQPStreamConnection;\n'));
    await vscode.workspace.fs.writeFile(workspaceFile('shop', 'vendor', 'autoload.php'), Buffer.from('<?php\n'));
    try {
      await scanner.scan();
      const entries = scanner.entries();
      const files = entries.map((e) => vscode.workspace.asRelativePath(e.uri));
      assert.ok(entries.some((e) => e.detections.some((d) => d.client === 'sneakers')), files.join(', '));
      assert.ok(!files.some((f) => f.includes('/vendor/')), `vendored files were scanned: ${files.join(', ')}`);
    } finally {
      await vscode.workspace.fs.delete(workspaceFile('ruby-jobs'), { recursive: true });
      await vscode.workspace.fs.delete(workspaceFile('shop'), { recursive: true });
    }
  });
});
