// Runs inside a real VS Code extension host against the installed VSIX: what a user sees, through the real API.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, hoverText, mqLensDiagnostics, setWorkload, waitFor, workspaceFile } from './helpers';

describe('MQ Lens in a real extension host', function () {
  const producer = workspaceFile('producer.properties');

  before(async function () {
    await vscode.window.showTextDocument(producer);
  });

  afterEach(async function () {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await setWorkload(producer, 'online');
  });

  it('runs the packaged extension, activated by the workspace', async function () {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'MQ Lens is not installed');
    await waitFor(() => extension.isActive, Boolean, 'activation');
    const expected = process.env.MQ_LENS_EXPECTED_EXTENSION_PATH;
    if (expected) assert.equal(extension.extensionPath, expected);
    // The VSIX holds only what runs: the bundle, not the sources.
    const files = await vscode.workspace.fs.readDirectory(extension.extensionUri);
    assert.deepEqual(files.map(([name]) => name).filter((n) => ['src', 'test', 'node_modules', 'knowledge'].includes(n)), []);
  });

  it('puts the linger.ms warning in the Problems panel with its rule code, docs link and range', async function () {
    const [diagnostic] = await waitFor(() => mqLensDiagnostics(producer), (d) => d.length === 1, 'one MQ Lens diagnostic');
    assert.equal(diagnostic!.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(diagnostic!.message, /^Producer linger\.ms is 100: on a quiet online path/);
    const code = diagnostic!.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'kafka-linger-latency');
    assert.match(code.target.path, /\/docs\/rules\/kafka-linger-latency\.md$/);
    const docs = await vscode.workspace.fs.readFile(code.target);
    assert.match(Buffer.from(docs).toString('utf8'), /^# kafka-linger-latency$/m);
    assert.deepEqual([diagnostic!.range.start.line, diagnostic!.range.start.character, diagnostic!.range.end.line, diagnostic!.range.end.character], [3, 0, 3, 13]);
  });

  it('shows the hover note on linger.ms', async function () {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', producer, new vscode.Position(3, 3));
    const text = hoverText(hovers);
    assert.match(text, /How long the producer holds a partly filled batch/);
    assert.match(text, /`< 4\.0`/);
    assert.match(text, /This value \(`100`\) under the `online` profile/);
  });

  it('shows no MQ Lens hover away from a known key', async function () {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', producer, new vscode.Position(0, 3));
    assert.doesNotMatch(hoverText(hovers), /Kafka producer setting/);
  });

  it('applies the quick fix through a real WorkspaceEdit, changing only the value', async function () {
    const document = await vscode.workspace.openTextDocument(producer);
    const before = document.getText();
    const [diagnostic] = await waitFor(() => mqLensDiagnostics(producer), (d) => d.length === 1, 'the diagnostic');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', producer, diagnostic!.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Set linger.ms to 5');
    assert.ok(fix?.edit, `no fix among: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(fix.isPreferred, true);
    assert.ok(actions.some((a) => a.title === 'Learn more about kafka-linger-latency'));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.getText(), before.replace('linger.ms=100', 'linger.ms=5'));
    await waitFor(() => mqLensDiagnostics(producer), (d) => d.length === 0, 'the diagnostic to clear after the fix');
  });

  it('honours context.only: no quick fixes when only refactorings are asked for', async function () {
    const [diagnostic] = await waitFor(() => mqLensDiagnostics(producer), (d) => d.length === 1, 'the diagnostic');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', producer, diagnostic!.range, vscode.CodeActionKind.Refactor.value);
    assert.deepEqual(actions.filter((a) => /linger/.test(a.title)), []);
  });

  it('re-judges open files when the workload profile changes', async function () {
    await waitFor(() => mqLensDiagnostics(producer), (d) => d.length === 1, 'the online warning');
    await setWorkload(producer, 'streaming');
    await waitFor(() => mqLensDiagnostics(producer), (d) => d.length === 0, 'no warning under streaming');
    await setWorkload(producer, 'online');
    await waitFor(() => mqLensDiagnostics(producer), (d) => d.length === 1, 'the warning back under online');
  });

  it('lets a file\'s own workload directive win over the folder setting', async function () {
    const streaming = workspaceFile('streaming', 'producer.properties');
    await vscode.workspace.openTextDocument(streaming);
    // The folder says online; this file says streaming, so its linger.ms=200 is fine.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(mqLensDiagnostics(streaming), []);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', streaming, new vscode.Position(2, 2));
    assert.match(hoverText(hovers), /raises no concern under the `streaming` profile/);
  });

  it('updates diagnostics as the user types', async function () {
    const editor = await vscode.window.showTextDocument(producer);
    await waitFor(() => mqLensDiagnostics(producer), (d) => d.length === 1, 'the warning');
    const line = editor.document.lineAt(3);
    await editor.edit((edit) => edit.replace(line.range, 'linger.ms=10'));
    await waitFor(() => mqLensDiagnostics(producer), (d) => d.length === 0, 'no warning for linger.ms=10');
    await editor.edit((edit) => edit.replace(editor.document.lineAt(3).range, 'linger.ms=250'));
    const [diagnostic] = await waitFor(() => mqLensDiagnostics(producer), (d) => d.length === 1, 'a warning for linger.ms=250');
    assert.match(diagnostic!.message, /linger\.ms is 250/);
  });

  it('survives hostile input and keeps working', async function () {
    const garbage = '\u0000\uFFFD\\u12\\\n=:=\\\\\\\n'.repeat(2000) + '\nlinger.ms=900\n';
    // An untitled editor is judged by its language, under the folder's profile (online here).
    const untitled = await vscode.workspace.openTextDocument({ language: 'properties', content: garbage });
    await waitFor(() => mqLensDiagnostics(untitled.uri), (d) => d.length === 1, 'the warning in the untitled editor');
    const hostile = workspaceFile('hostile.properties');
    // VS Code itself refuses to open a file with NUL bytes as text, so the file on disk has other control characters.
    await vscode.workspace.fs.writeFile(hostile, Buffer.from(`# mq-lens: workload=online\n${garbage.replace(/\u0000/g, '\u0001')}`));
    await vscode.workspace.openTextDocument(hostile);
    await waitFor(() => mqLensDiagnostics(hostile), (d) => d.length === 1, 'the warning in the hostile file');
    await vscode.workspace.fs.delete(hostile);
    await waitFor(() => mqLensDiagnostics(producer), (d) => d.length === 1, 'the producer warning still there');
  });

  it('opens the rule documentation from the learn-more command', async function () {
    await vscode.commands.executeCommand('mqLens.openRuleDocs', 'kafka-linger-latency');
    await waitFor(() => vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label),
      (labels) => labels.some((l) => l.includes('kafka-linger-latency')), 'a tab showing the rule documentation');
  });
});
