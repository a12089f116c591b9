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
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('mqLens.workload')) this.update();
      }),
    );
    this.update();
  }

  update(): void {
    const brokers = [...new Set(this.scanner.entries().flatMap((e) => e.detections.map((d) => d.broker)))].map(brokerName).sort();
    const uri = vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    const profile = uri ? this.analyzer.configuredProfile(uri) : 'general';
    if (brokers.length === 0 && !this.scanner.scanning) {
      this.item.hide();
      return;
    }
    const names = brokers.length > 2 ? `${brokers.slice(0, 2).join(', ')} +${brokers.length - 2}` : brokers.join(', ');
    this.item.text = `$(server-process) ${this.scanner.scanning && brokers.length === 0 ? 'MQ Lens…' : names} · ${profile}`;
    this.item.tooltip = new vscode.MarkdownString(`**MQ Lens**\n\nMessage queues: ${brokers.join(', ') || 'none found yet'}\n\nWorkload profile: \`${profile}\` (click to change)`);
    this.item.accessibilityInformation = { label: `MQ Lens: ${brokers.join(', ')}; workload ${profile}` };
    this.item.show();
    if (brokers.length > 0 && this.onFirstBrokers) {
      this.onFirstBrokers();
      this.onFirstBrokers = undefined;
    }
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
