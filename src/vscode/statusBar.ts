// A status-bar item naming the detected brokers and the workload profile; clicking it changes the profile.
import * as vscode from 'vscode';
import type { DocumentAnalyzer } from './documentAnalyzer';
import { brokerName } from './queuesView';
import type { WorkspaceScanner } from './workspaceScanner';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('mqLens.status', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[] = [];

  /** `onFirstBrokers` is called once, when the item first names a broker (the benchmarks time it). */
  constructor(private readonly scanner: WorkspaceScanner, private readonly analyzer: DocumentAnalyzer, private onFirstBrokers?: () => void) {
    this.item.name = 'MQ Lens';
    this.item.command = 'mqLens.setWorkload';
    this.subscriptions.push(
      scanner.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      // The active file's own workload comment may change as it is edited: its new diagnostics say when.
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.update();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('mqLens.workload')) this.update();
      }),
    );
    // Right after activation, not inside it: the active editor's profile may need its analysis.
    this.initial = setTimeout(() => this.update(), 0);
  }

  private initial: NodeJS.Timeout | undefined;

  update(): void {
    const brokers = [...new Set(this.scanner.entries().flatMap((e) => e.detections.map((d) => d.broker)))].map(brokerName).sort();
    const { profile, from } = this.profile();
    if (brokers.length === 0 && !this.scanner.scanning) {
      this.item.hide();
      return;
    }
    const names = brokers.length > 2 ? `${brokers.slice(0, 2).join(', ')} +${brokers.length - 2}` : brokers.join(', ');
    this.item.text = `$(server-process) ${this.scanner.scanning && brokers.length === 0 ? 'MQ Lens…' : names} · ${profile}`;
    this.item.tooltip = new vscode.MarkdownString(`**MQ Lens**\n\nMessage queues: ${brokers.join(', ') || 'none found yet'}\n\nWorkload profile: \`${profile}\`, ${from} (click to change the setting)`);
    this.item.accessibilityInformation = { label: `MQ Lens: ${brokers.join(', ')}; workload ${profile}` };
    this.item.show();
    if (brokers.length > 0 && this.onFirstBrokers) {
      this.onFirstBrokers();
      this.onFirstBrokers = undefined;
    }
  }

  /**
   * The profile that applies to the active editor and where it comes from: the file's own `mq-lens: workload=`
   * comment, else `mqLens.workload` (folder, workspace or user), else the default.
   */
  private profile(): { profile: string; from: string } {
    const document = vscode.window.activeTextEditor?.document;
    const analysis = document && this.analyzer.handles(document) ? this.analyzer.analyze(document) : undefined;
    if (analysis?.profileFromFile) return { profile: analysis.profile, from: "from this file's `mq-lens: workload` comment" };
    const uri = document?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    const profile = uri ? this.analyzer.configuredProfile(uri) : 'general';
    const inspected = vscode.workspace.getConfiguration('mqLens', uri).inspect<string>('workload');
    const from = inspected?.workspaceFolderValue !== undefined ? 'from the `mqLens.workload` setting of this folder'
      : inspected?.workspaceValue !== undefined ? 'from the `mqLens.workload` setting of the workspace'
        : inspected?.globalValue !== undefined ? 'from your `mqLens.workload` user setting' : 'the default';
    return { profile, from };
  }

  dispose(): void {
    clearTimeout(this.initial);
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
