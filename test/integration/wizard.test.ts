// The selection wizard through the real API: open it from the command palette's command, send answers through the
// protocol, get the ranking back, set the workload, and save decision records without overwriting.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { HostMessage } from '../../src/shared/protocol';
import type { MqLensApi } from '../../src/vscode/extension';
import { EXTENSION_ID, waitFor, workspaceFile } from './helpers';

async function api(): Promise<MqLensApi> {
  const extension = vscode.extensions.getExtension<MqLensApi>(EXTENSION_ID)!;
  return extension.isActive ? extension.exports : extension.activate();
}

describe('the selection wizard', function () {
  let messages: HostMessage[] = [];

  before(async function () {
    await vscode.commands.executeCommand('mqLens.chooseQueue');
    const wizard = await waitFor(async () => (await api()).activeWizard(), Boolean, 'the wizard panel');
    wizard!.onDidPost((message) => messages.push(message));
    // The page sends `ready` when it has loaded; the extension then sends `init` and a first `result`.
    await waitFor(() => wizard!.currentAnswers, () => true, 'the panel');
  });

  after(async function () {
    (await api()).activeWizard()?.dispose();
    await vscode.workspace.getConfiguration('mqLens', workspaceFile('producer.properties')).update('workload', 'online', vscode.ConfigurationTarget.WorkspaceFolder);
  });

  it('serves a page that runs only its own nonce-bearing script, loads nothing from outside the extension and has no inline handlers', async function () {
    const wizard = (await api()).activeWizard()!;
    const html = wizard.panel.webview.html;
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(policy, 'no content security policy');
    const directives = new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    const nonce = /^'nonce-([A-Za-z0-9+/=]{16,})'$/.exec(directives.get('script-src')?.join(' ') ?? '')?.[1];
    assert.ok(nonce, `script-src is not a single nonce: ${policy}`);
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
    assert.ok(scripts.length > 0 && scripts.every((attributes) => attributes.includes(`nonce="${nonce}"`)), `a script without the nonce: ${scripts.join(' | ')}`);
    // Every URL the page loads is one of the extension's webview resources (the policy's own source), none remote.
    const sources = wizard.panel.webview.cspSource.split(/\s+/);
    const withinSource = (url: string, source: string) => {
      const wildcard = /^([a-z-]+:\/\/)\*\.(.+)$/.exec(source);
      return wildcard ? url.startsWith(wildcard[1]!) && new URL(url).host.endsWith(`.${wildcard[2]}`) : url.startsWith(source);
    };
    const urls = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(urls.length >= 2, html);
    for (const url of urls) assert.ok(sources.some((source) => withinSource(url, source)), `${url} is outside ${sources.join(' ')}`);
    assert.ok(!/\son[a-z]+\s*=/i.test(html), 'an inline event handler');
  });

  it('ranks message queues for answers sent through the protocol, with reasons and exclusions', async function () {
    const wizard = (await api()).activeWizard()!;
    messages = [];
    await wizard.receive({ type: 'answers', answers: { useCase: 'online-transactions', lossTolerance: 'none', ordering: 'per-key' } });
    const result = await waitFor(() => messages.find((m): m is Extract<HostMessage, { type: 'result' }> => m.type === 'result'), Boolean, 'a result');
    assert.equal(result!.result.ranking[0]!.broker, 'rocketmq');
    assert.ok(result!.result.ranking[0]!.reasons.length >= 2);
    assert.ok(result!.result.excluded.some((e) => e.broker === 'zeromq'));
    assert.equal(result!.profile, 'online');
  });

  it('ignores messages that break the protocol, and reports answers that break the schema', async function () {
    const wizard = (await api()).activeWizard()!;
    messages = [];
    await wizard.receive({ type: 'answers' });
    await wizard.receive({ type: 'openLink', url: 'file:///etc/passwd' });
    await wizard.receive({ type: 'nonsense' });
    assert.deepEqual(messages, []);
    await wizard.receive({ type: 'answers', answers: { useCase: 'teleportation' } });
    const notice = await waitFor(() => messages.find((m) => m.type === 'notice'), Boolean, 'a notice');
    assert.match((notice as { text: string }).text, /useCase must be one of/);
    assert.equal(wizard.currentAnswers.useCase, 'online-transactions');
  });

  it('sets the workspace workload from the answers', async function () {
    const wizard = (await api()).activeWizard()!;
    await wizard.receive({ type: 'answers', answers: { useCase: 'logs-metrics-tracking' } });
    await wizard.receive({ type: 'applyWorkload' });
    await waitFor(() => vscode.workspace.getConfiguration('mqLens', workspaceFile('producer.properties')).get('workload'), (w) => w === 'streaming', 'the streaming profile');
  });

  it('saves numbered decision records and never overwrites one', async function () {
    const wizard = (await api()).activeWizard()!;
    await wizard.receive({ type: 'answers', answers: { useCase: 'async-integration', hosting: 'self-hosted', opsCapacity: 'small-team' } });
    const adrDir = workspaceFile('docs', 'adr');
    await vscode.workspace.fs.createDirectory(adrDir);
    const existing = vscode.Uri.joinPath(adrDir, '0001-choose-message-queue.md');
    await vscode.workspace.fs.writeFile(existing, Buffer.from('# 1. An earlier decision\n'));
    const first = await wizard.saveAdr();
    const second = await wizard.saveAdr();
    assert.match(first!.path, /\/docs\/adr\/0002-choose-message-queue\.md$/);
    assert.match(second!.path, /\/docs\/adr\/0003-choose-message-queue\.md$/);
    assert.equal(Buffer.from(await vscode.workspace.fs.readFile(existing)).toString(), '# 1. An earlier decision\n');
    const text = Buffer.from(await vscode.workspace.fs.readFile(first!)).toString();
    assert.match(text, /^# 2\. Choose a message queue: RabbitMQ/);
    for (const section of ['## Context', '## Decision', '## Alternatives considered', '## Consequences']) assert.ok(text.includes(section), section);
    await vscode.workspace.fs.delete(workspaceFile('docs'), { recursive: true });
  });

  it('saves a decision record where the user chose, numbered from its file name or the next free number', async function () {
    const wizard = (await api()).activeWizard()!;
    await wizard.receive({ type: 'answers', answers: { useCase: 'async-integration', hosting: 'self-hosted', opsCapacity: 'small-team' } });
    const proposed = await wizard.proposeAdr();
    assert.match(proposed!.path, /\/docs\/adr\/0001-choose-message-queue\.md$/);
    const chosen = workspaceFile('decisions', 'queue-choice.md');
    const named = workspaceFile('decisions', '0042-queue.md');
    assert.equal((await wizard.saveAdr(chosen))!.toString(), chosen.toString());
    await wizard.saveAdr(named);
    assert.match(Buffer.from(await vscode.workspace.fs.readFile(chosen)).toString(), /^# 1\. Choose a message queue: RabbitMQ/);
    assert.match(Buffer.from(await vscode.workspace.fs.readFile(named)).toString(), /^# 42\. Choose a message queue/);
    await vscode.workspace.fs.delete(workspaceFile('decisions'), { recursive: true });
  });

  it('names the workspace\'s profile, and the one the answers imply only when they imply one', async function () {
    const wizard = (await api()).activeWizard()!;
    const folder = workspaceFile('producer.properties');
    await vscode.workspace.getConfiguration('mqLens', folder).update('workload', 'online', vscode.ConfigurationTarget.WorkspaceFolder);
    messages = [];
    await wizard.receive({ type: 'answers', answers: { hosting: 'aws' } });
    const plain = await waitFor(() => messages.find((m): m is Extract<HostMessage, { type: 'result' }> => m.type === 'result'), Boolean, 'a result');
    assert.equal(plain!.workspaceProfile, 'online');
    assert.equal(plain!.impliedProfile, undefined);
    assert.equal(plain!.profile, 'online');
    // Nothing implied: applying does not touch the setting.
    await wizard.receive({ type: 'applyWorkload' });
    assert.equal(vscode.workspace.getConfiguration('mqLens', folder).get('workload'), 'online');
    messages = [];
    await wizard.receive({ type: 'answers', answers: { useCase: 'iot-telemetry' } });
    const implied = await waitFor(() => messages.find((m): m is Extract<HostMessage, { type: 'result' }> => m.type === 'result'), Boolean, 'a result');
    assert.equal(implied!.impliedProfile, 'streaming');
    assert.equal(implied!.profile, 'streaming');
  });

  it('copies the recommendation as Markdown', async function () {
    const wizard = (await api()).activeWizard()!;
    await wizard.receive({ type: 'answers', answers: { useCase: 'async-integration', hosting: 'self-hosted', opsCapacity: 'small-team' } });
    await wizard.receive({ type: 'copySummary' });
    const clipboard = await vscode.env.clipboard.readText();
    assert.match(clipboard, /^# Message queue recommendation/);
    assert.match(clipboard, /1\. \*\*RabbitMQ\*\*/);
  });
});
