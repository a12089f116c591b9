// The "Message Queues" view in the Explorer: brokers → clients (or configuration, URLs) → files and lines.
import * as vscode from 'vscode';
import { engine } from './lazyEngine';
import type { Detection } from '../core/detect/types';
import type { WorkspaceScanner } from './workspaceScanner';

type Node =
  | { kind: 'broker'; broker: string }
  | { kind: 'client'; broker: string; client: string | null; evidence: string }
  /** `findings`: the file's findings about this broker. */
  | { kind: 'place'; uri: vscode.Uri; detection: Detection; findings: number; broker: string };

const EVIDENCE_LABELS: Record<string, string> = {
  import: 'imported in code', dependency: 'declared in a manifest', config: 'configuration', url: 'connection URL', code: 'framework call',
};

export class QueuesView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly scanner: WorkspaceScanner) {
    this.subscription = scanner.onDidChange(() => this.changed.fire(undefined));
  }

  getChildren(node?: Node): Node[] {
    const entries = this.scanner.entries();
    const all = entries.flatMap((entry) => entry.detections.map((detection) => ({ entry, detection })));
    if (!node) {
      return [...new Set(all.map((a) => a.detection.broker))].sort((a, b) => brokerName(a).localeCompare(brokerName(b))).map((broker) => ({ kind: 'broker', broker }));
    }
    if (node.kind === 'broker') {
      const groups = new Map<string, Node>();
      for (const { detection } of all.filter((a) => a.detection.broker === node.broker)) {
        const key = detection.client ?? `:${detection.evidence}`;
        if (!groups.has(key)) groups.set(key, { kind: 'client', broker: node.broker, client: detection.client, evidence: detection.evidence });
      }
      return [...groups.values()];
    }
    if (node.kind === 'client') {
      return all
        .filter((a) => a.detection.broker === node.broker && (node.client ? a.detection.client === node.client : a.detection.client === null && a.detection.evidence === node.evidence))
        .sort((a, b) => a.detection.file.localeCompare(b.detection.file) || a.detection.line - b.detection.line)
        .map((a) => ({ kind: 'place', uri: a.entry.uri, detection: a.detection, broker: node.broker, findings: a.entry.findings.filter((f) => f.system === node.broker).length }));
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const entries = this.scanner.entries();
    if (node.kind === 'broker') {
      const files = entries.filter((e) => e.detections.some((d) => d.broker === node.broker));
      // This broker's findings only: a file that uses two brokers counts each finding under its own.
      const findings = files.reduce((sum, e) => sum + e.findings.filter((f) => f.system === node.broker).length, 0);
      const item = new vscode.TreeItem(brokerName(node.broker), vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${files.length} file${files.length === 1 ? '' : 's'}${findings > 0 ? ` · ${findings} finding${findings === 1 ? '' : 's'}` : ''}`;
      item.iconPath = new vscode.ThemeIcon('server-process');
      item.contextValue = 'broker';
      item.tooltip = engine().knowledge.brokers.find((b) => b.id === node.broker)?.summary ?? node.broker;
      return item;
    }
    if (node.kind === 'client') {
      const client = node.client ? engine().knowledge.clients.find((c) => c.id === node.client) : undefined;
      const label = client?.name ?? EVIDENCE_LABELS[node.evidence] ?? node.evidence;
      const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
      if (client) {
        item.description = client.status === 'active' ? client.language : `${client.language} · ${client.status}`;
        item.iconPath = new vscode.ThemeIcon(client.status === 'active' ? 'package' : 'warning');
        item.tooltip = [client.name, ...client.notes].join('\n');
      } else {
        item.iconPath = new vscode.ThemeIcon(node.evidence === 'url' ? 'link' : 'settings-gear');
      }
      return item;
    }
    // The file's name and line as the label, its folder as the description: a long path never crowds out the name.
    const file = node.detection.file.replace(/\\/g, '/');
    const slash = file.lastIndexOf('/');
    const item = new vscode.TreeItem(`${file.slice(slash + 1)}:${node.detection.line}`, vscode.TreeItemCollapsibleState.None);
    const evidence = EVIDENCE_LABELS[node.detection.evidence] ?? node.detection.evidence;
    item.description = [slash > 0 ? file.slice(0, slash) : undefined, evidence, node.findings > 0 ? `${node.findings} finding${node.findings === 1 ? '' : 's'}` : undefined]
      .filter(Boolean).join(' · ');
    item.tooltip = `${file}:${node.detection.line}: ${evidence}${node.findings > 0 ? `; ${node.findings} ${brokerName(node.broker)} finding${node.findings === 1 ? '' : 's'} in the file` : ''}`;
    item.resourceUri = node.uri;
    item.iconPath = vscode.ThemeIcon.File;
    const line = Math.max(0, node.detection.line - 1);
    item.command = { command: 'vscode.open', title: 'Open', arguments: [node.uri, { selection: new vscode.Range(line, 0, line, 0) }] };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

export function brokerName(id: string): string {
  return engine().knowledge.brokers.find((b) => b.id === id)?.name ?? id;
}
