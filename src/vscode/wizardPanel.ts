// The selection wizard: a webview that asks about the workload and ranks message queues live. The extension owns the
// recommender; the page only renders. Messages are validated on arrival (src/shared/protocol.ts); the page runs under
// a strict content security policy with a per-load nonce and loads nothing remote.
import * as vscode from 'vscode';
import type { Answers } from '../core/recommend/answers';
import { engine } from './lazyEngine';
import type { Detection } from '../core/detect/types';
import { PROFILES, type Profile } from '../core/knowledgeTypes';
import { isPageMessage, type HostMessage, type PageMessage } from '../shared/protocol';
import type { WorkspaceScanner } from './workspaceScanner';

export const WIZARD_VIEW_TYPE = 'mqLens.wizard';

export class WizardPanel implements vscode.Disposable {
  private static current: WizardPanel | undefined;
  private answers: Answers = {};
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly posted = new vscode.EventEmitter<HostMessage>();
  /** Every message sent to the page (the integration tests read the ranking from here). */
  readonly onDidPost = this.posted.event;

  static show(extensionUri: vscode.Uri, scanner: WorkspaceScanner): WizardPanel {
    if (WizardPanel.current) {
      WizardPanel.current.panel.reveal();
      return WizardPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(WIZARD_VIEW_TYPE, 'Choose a Message Queue', vscode.ViewColumn.Active, options(extensionUri));
    return new WizardPanel(panel, extensionUri, scanner);
  }

  /** Restores a panel after a reload, with the answers the page had saved in its state. */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, scanner: WorkspaceScanner, state: unknown): WizardPanel {
    panel.webview.options = options(extensionUri);
    const wizard = new WizardPanel(panel, extensionUri, scanner);
    const restored = engine().validateAnswers((state as { answers?: unknown } | undefined)?.answers ?? {});
    if (restored.answers) wizard.answers = restored.answers;
    return wizard;
  }

  /** The open wizard, for tests and commands. */
  static get active(): WizardPanel | undefined {
    return WizardPanel.current;
  }

  private constructor(readonly panel: vscode.WebviewPanel, private readonly extensionUri: vscode.Uri, private readonly scanner: WorkspaceScanner) {
    WizardPanel.current = this;
    panel.webview.html = this.html();
    this.subscriptions.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      // The page names the workspace's profile, so it follows a change made elsewhere (settings, status bar).
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('mqLens.workload')) this.postResult();
      }),
    );
  }

  /** Handles one message from the page; anything that does not match the protocol is ignored. */
  async receive(message: unknown): Promise<void> {
    if (!isPageMessage(message)) return;
    await this.handle(message);
  }

  private async handle(message: PageMessage): Promise<void> {
    switch (message.type) {
      case 'ready': {
        const prefilled = Object.keys(this.answers).length === 0 ? this.prefill() : { answers: this.answers, fields: [] };
        this.answers = prefilled.answers;
        this.post({ type: 'init', steps: engine().knowledge.wizard.steps, faq: engine().knowledge.wizard.faq, answers: this.answers, prefilled: prefilled.fields });
        this.postResult();
        return;
      }
      case 'answers': {
        const validated = engine().validateAnswers(message.answers);
        if (!validated.answers) {
          this.post({ type: 'notice', level: 'error', text: `These answers do not fit the schema: ${validated.problems.join('; ')}` });
          return;
        }
        this.answers = validated.answers;
        this.postResult();
        return;
      }
      case 'applyWorkload': {
        const profile = engine().impliedProfile(this.answers);
        if (!profile) return;
        const folder = vscode.workspace.workspaceFolders?.[0];
        await vscode.workspace.getConfiguration('mqLens', folder?.uri).update('workload', profile, folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global);
        // The configuration listener posts the new result.
        this.post({ type: 'notice', level: 'info', text: `The workspace's workload profile is now ${profile}.` });
        return;
      }
      case 'saveAdr': {
        const proposed = await this.proposeAdr();
        if (!proposed) return;
        // Save dialogs fall back to the nearest existing folder and drop the proposed name when its folder is
        // missing, so the missing folders (docs, docs/adr) are created for the dialog and removed again if they stay
        // empty.
        const created = await createMissingFolders(vscode.Uri.joinPath(proposed, '..'));
        let target: vscode.Uri | undefined;
        try {
          target = await vscode.window.showSaveDialog({ defaultUri: proposed, filters: { Markdown: ['md'] }, saveLabel: 'Save Decision Record', title: 'Save the decision record' });
          if (target) await this.saveAdr(target);
        } finally {
          for (const folder of created) if (await isEmptyDirectory(folder)) await vscode.workspace.fs.delete(folder, { recursive: false });
        }
        if (!target) return;
        this.post({ type: 'notice', level: 'info', text: `Saved ${vscode.workspace.asRelativePath(target)}.` });
        await vscode.window.showTextDocument(target, { viewColumn: vscode.ViewColumn.Beside, preview: false });
        return;
      }
      case 'copySummary':
        await vscode.env.clipboard.writeText(engine().recommendationMarkdown(this.answers, engine().recommend(this.answers, engine().knowledge), engine().knowledge, workspaceProfile()));
        this.post({ type: 'notice', level: 'info', text: 'Copied the recommendation as Markdown.' });
        return;
      case 'openLink':
        await vscode.env.openExternal(vscode.Uri.parse(message.url));
        return;
    }
  }

  /**
   * Where a new decision record would go: docs/adr/NNNN-choose-message-queue.md in the first workspace folder, with
   * the next free number (what the save dialog proposes).
   */
  async proposeAdr(): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      this.post({ type: 'notice', level: 'error', text: 'Open a folder to save a decision record in it.' });
      return undefined;
    }
    const dir = vscode.Uri.joinPath(folder.uri, 'docs', 'adr');
    let names: string[] = [];
    try {
      names = (await vscode.workspace.fs.readDirectory(dir)).map(([name]) => name);
    } catch {
      // No docs/adr yet: saving creates it.
    }
    let number = Math.max(0, ...names.map((n) => Number(/^(\d{4})-/.exec(n)?.[1] ?? 0))) + 1;
    let uri = vscode.Uri.joinPath(dir, engine().adrFileName(number));
    while (names.includes(engine().adrFileName(number)) || (await exists(uri))) {
      number++;
      uri = vscode.Uri.joinPath(dir, engine().adrFileName(number));
    }
    return uri;
  }

  /**
   * Writes the decision record to `target` (by default the proposed docs/adr file). Its number comes from the file
   * name when that starts with one (`0007-…`), else from the next free number in docs/adr. The save dialog has
   * already confirmed any overwrite of a file the user picked; the default target is always a new file.
   */
  async saveAdr(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const proposed = await this.proposeAdr();
    const uri = target ?? proposed;
    if (!uri) return undefined;
    const named = /^(\d{1,6})-/.exec(uri.path.slice(uri.path.lastIndexOf('/') + 1))?.[1];
    const proposedNumber = Number(/(\d{4})-[^/]*$/.exec(proposed?.path ?? '')?.[1] ?? 1);
    const number = named ? Number(named) : proposedNumber;
    const text = engine().adrMarkdown({ number, date: new Date().toISOString().slice(0, 10), answers: this.answers, result: engine().recommend(this.answers, engine().knowledge), knowledge: engine().knowledge, workspaceProfile: workspaceProfile() });
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    return uri;
  }

  get currentAnswers(): Answers {
    return this.answers;
  }

  /** Answers suggested by what the workspace already contains: brokers in use, client languages, cloud services. */
  private prefill(): { answers: Answers; fields: string[] } {
    const detections: Detection[] = this.scanner.entries().flatMap((e) => e.detections);
    const answers: Answers = {};
    const fields: string[] = [];
    const brokers = [...new Set(detections.map((d) => d.broker))];
    const infra = brokers.filter((b) => ['kafka', 'rabbitmq', 'redis', 'pulsar', 'rocketmq', 'activemq', 'nats'].includes(b));
    if (infra.length > 0) {
      answers.existingInfra = infra.sort();
      fields.push('existingInfra');
    }
    const languages = [...new Set(detections.flatMap((d) => {
      const client = d.client ? engine().knowledge.clients.find((c) => c.id === d.client) : undefined;
      return client ? [client.language === 'kotlin' || client.language === 'scala' ? 'java' : client.language] : [];
    }))].filter((l) => ['java', 'go', 'python', 'javascript', 'csharp', 'rust', 'cpp', 'php'].includes(l));
    if (languages.length > 0) {
      answers.languages = languages.sort();
      fields.push('languages');
    }
    const clouds = [...new Set(brokers.map((b) => (b.startsWith('aws-') ? 'aws' : b === 'azure-service-bus' ? 'azure' : b === 'google-pubsub' ? 'gcp' : undefined)).filter(Boolean))];
    if (clouds.length === 1) {
      answers.hosting = clouds[0] as NonNullable<Answers['hosting']>;
      fields.push('hosting');
    }
    return { answers, fields };
  }

  private postResult(): void {
    const result = engine().recommend(this.answers, engine().knowledge);
    const workspace = workspaceProfile();
    const implied = engine().impliedProfile(this.answers);
    const profile = engine().profileFor(this.answers, workspace);
    const winner = result.ranking[0];
    const starter = winner ? engine().starterFor(winner.broker, profile, engine().knowledge) : undefined;
    const brokerSources = Object.fromEntries(engine().knowledge.brokers.map((b) => [b.id, b.sources]));
    const message: HostMessage = { type: 'result', result, profile, workspaceProfile: workspace, brokerSources };
    if (implied) message.impliedProfile = implied;
    if (starter) message.starter = { broker: starter.broker, profile: starter.profile, file: starter.file, code: starter.code, notes: starter.notes };
    this.post(message);
  }

  private post(message: HostMessage): void {
    void this.panel.webview.postMessage(message);
    this.posted.fire(message);
  }

  private html(): string {
    const webview = this.panel.webview;
    // Web Crypto (a global in every extension host), so that activation does not load node:crypto.
    const nonce = Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(16))).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'wizard.css'));
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `font-src ${webview.cspSource}`,
      `img-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Choose a Message Queue</title>
</head>
<body>
<main id="app" aria-live="polite"><p class="loading">Loading the wizard…</p></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  dispose(): void {
    if (WizardPanel.current === this) WizardPanel.current = undefined;
    for (const s of this.subscriptions) s.dispose();
    this.posted.dispose();
    this.panel.dispose();
  }
}

function options(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** The first workspace folder's `mqLens.workload` (general when unset or not a profile). */
function workspaceProfile(): Profile {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const value = vscode.workspace.getConfiguration('mqLens', folder?.uri).get<string>('workload', 'general');
  return (PROFILES as readonly string[]).includes(value) ? (value as Profile) : 'general';
}

/** Creates `dir` and the parents it lacks; returns the folders it created, deepest first. */
async function createMissingFolders(dir: vscode.Uri): Promise<vscode.Uri[]> {
  const missing: vscode.Uri[] = [];
  for (let folder = dir; !(await exists(folder)); folder = vscode.Uri.joinPath(folder, '..')) {
    missing.push(folder);
    if (folder.path === '/' || missing.length > 8) break;
  }
  if (missing.length > 0) await vscode.workspace.fs.createDirectory(dir);
  return missing;
}

async function isEmptyDirectory(uri: vscode.Uri): Promise<boolean> {
  try {
    return (await vscode.workspace.fs.readDirectory(uri)).length === 0;
  } catch {
    return false;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
