// MQ Lens's entry point. Activation only wires providers; analysis happens when documents are opened or hovered.
import * as vscode from 'vscode';
import { PROFILES, type Profile } from '../core/knowledgeTypes';
import { FindingCodeActionProvider } from './codeActions';
import { DiagnosticsController } from './diagnostics';
import { DocumentAnalyzer } from './documentAnalyzer';
import { KeyHoverProvider } from './hoverProvider';
import { openRuleDocs } from './ruleDocs';
import { QueuesView } from './queuesView';
import { StatusBar } from './statusBar';
import { WizardPanel, WIZARD_VIEW_TYPE } from './wizardPanel';
import { WorkspaceFacts } from './workspaceFacts';
import { WorkspaceScanner } from './workspaceScanner';

/** Documents MQ Lens reads, by pattern; the analyzer decides per file name, so the selector only narrows. */
const SELECTOR: vscode.DocumentSelector = [
  { pattern: '**/*.{properties,yml,yaml,conf,py,java,kt,scala,go,cs,rs,js,mjs,cjs,jsx,ts,mts,cts,tsx}' },
  { pattern: '**/{package.json,pom.xml,build.gradle,build.gradle.kts,go.mod,Cargo.toml,pyproject.toml,Pipfile,requirements*.txt,*.csproj,*.fsproj}' },
  { scheme: 'untitled', language: 'properties' },
  { scheme: 'untitled', language: 'yaml' },
];

const PROFILE_DESCRIPTIONS: Record<Profile, string> = {
  general: 'Asynchronous decoupling: only loss, duplication and ordering hazards',
  online: 'Latency-sensitive request paths: orders, payments, user-facing flows',
  streaming: 'High-volume logs, metrics, tracking and big-data pipelines',
};

/** What the extension exports, for its own integration tests. */
export interface MqLensApi {
  scanner: WorkspaceScanner;
  /**
   * Read by the benchmarks in bench/: how long activate() took, and how long after its start the status bar first
   * named a broker (undefined until it has), in milliseconds.
   */
  timings: { activateMs: number; firstStatusMs?: number };
  /** The open selection wizard, if any. */
  activeWizard(): WizardPanel | undefined;
}

export function activate(context: vscode.ExtensionContext): MqLensApi {
  const started = performance.now();
  const timings: MqLensApi['timings'] = { activateMs: 0 };
  const log = vscode.window.createOutputChannel('MQ Lens', { log: true });
  // What the whole workspace shows (a dead-letter exchange declared anywhere): read by the scanner, used by every
  // document's analysis, and the Problems panel is judged again when it changes.
  const facts = new WorkspaceFacts();
  const analyzer = new DocumentAnalyzer(log, facts);
  const scanner = new WorkspaceScanner(analyzer, log, facts);
  const diagnostics = new DiagnosticsController(analyzer, context.extensionUri, scanner);
  const view = new QueuesView(scanner);
  const treeView = vscode.window.createTreeView('mqLens.queues', { treeDataProvider: view, showCollapseAll: true });
  context.subscriptions.push(
    facts,
    facts.onDidChange(() => diagnostics.refreshAll()),
    scanner,
    view,
    treeView,
    new StatusBar(scanner, analyzer, () => (timings.firstStatusMs = performance.now() - started)),
    vscode.commands.registerCommand('mqLens.refresh', () => rescan(scanner)),
    log,
    diagnostics,
    vscode.languages.registerHoverProvider(SELECTOR, new KeyHoverProvider(analyzer, context.extensionUri)),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new FindingCodeActionProvider(analyzer), FindingCodeActionProvider.metadata),
    vscode.commands.registerCommand('mqLens.openRuleDocs', (ruleId: unknown) => openRuleDocs(context.extensionUri, ruleId)),
    vscode.commands.registerCommand('mqLens.setWorkload', () => pickWorkload()),
    // The walkthrough (package.json, contributes.walkthroughs), also reachable from the Welcome page.
    vscode.commands.registerCommand('mqLens.gettingStarted', () => vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#mqLens.gettingStarted`, false)),
    vscode.commands.registerCommand('mqLens.chooseQueue', () => WizardPanel.show(context.extensionUri, scanner)),
    vscode.window.registerWebviewPanelSerializer(WIZARD_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => {
        WizardPanel.revive(panel, context.extensionUri, scanner, state);
      },
    }),
  );
  // The first scan starts after activation returns, so activation stays cheap.
  setTimeout(() => void scanner.scan(), 0);
  timings.activateMs = performance.now() - started;
  return { scanner, timings, activeWizard: () => WizardPanel.active };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

/** "MQ Lens: Rescan Workspace": a full scan, and a word in the status bar when it is done (returned for tests). */
async function rescan(scanner: WorkspaceScanner): Promise<string> {
  const done = await scanner.scan();
  const files = scanner.entries().length;
  const message = done ? `MQ Lens: rescan done, ${files} file${files === 1 ? '' : 's'} with message-queue evidence` : 'MQ Lens: rescan cancelled';
  vscode.window.setStatusBarMessage(message, 5000);
  return message;
}

async function pickWorkload(): Promise<void> {
  const folder = vscode.window.activeTextEditor
    ? vscode.workspace.getWorkspaceFolder(vscode.window.activeTextEditor.document.uri)
    : vscode.workspace.workspaceFolders?.[0];
  const current = vscode.workspace.getConfiguration('mqLens', folder?.uri).get<string>('workload', 'general');
  // The current profile is the one selected when the picker opens, so Enter keeps it.
  const quickPick = vscode.window.createQuickPick<vscode.QuickPickItem & { label: Profile }>();
  quickPick.title = 'MQ Lens: workload profile';
  quickPick.placeholder = 'Which workload does this code serve?';
  quickPick.items = PROFILES.map((profile) => ({ label: profile, description: profile === current ? '(current)' : '', detail: PROFILE_DESCRIPTIONS[profile] }));
  quickPick.activeItems = quickPick.items.filter((item) => item.label === current);
  const picked = await new Promise<(vscode.QuickPickItem & { label: Profile }) | undefined>((resolve) => {
    quickPick.onDidAccept(() => {
      resolve(quickPick.selectedItems[0] ?? quickPick.activeItems[0]);
      quickPick.hide();
    });
    quickPick.onDidHide(() => resolve(undefined));
    quickPick.show();
  });
  quickPick.dispose();
  if (!picked) return;
  const target = folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration('mqLens', folder?.uri).update('workload', picked.label, target);
}
