// Keeps the Problems panel in step with the workspace: open documents are analysed on open and (debounced) on change;
// files that are not open show what the workspace scan found in them (`mqLens.problems`: "workspace", the default),
// or nothing ("openFiles"). Everything is re-judged when the settings or the workspace's facts change.
import * as vscode from 'vscode';
import type { Severity } from '../core/knowledgeTypes';
import type { Finding } from '../core/types';
import type { DocumentAnalyzer } from './documentAnalyzer';
import { ruleDocUri } from './ruleDocs';
import type { WorkspaceScanner } from './workspaceScanner';

export const DIAGNOSTIC_SOURCE = 'MQ Lens';
const CHANGE_DELAY_MS = 150;

const SEVERITIES: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export class DiagnosticsController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('mq-lens');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Files whose problems come from the workspace scan (not open), by URI string. */
  private fromWorkspace = new Set<string>();

  constructor(private readonly analyzer: DocumentAnalyzer, private readonly extensionUri: vscode.Uri, private readonly scanner: WorkspaceScanner) {
    this.subscriptions.push(
      scanner.onDidChange(() => this.syncWorkspace()),
      vscode.workspace.onDidOpenTextDocument((d) => this.refresh(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.clear(d)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('mqLens')) this.refreshAll();
      }),
    );
    // The documents already open (restored editors) are analysed right after activation, not inside it.
    this.initial = setTimeout(() => this.refreshAll(), 0);
  }

  private initial: NodeJS.Timeout | undefined;

  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) this.refresh(document);
    this.syncWorkspace();
  }

  /** Whether files that are not open show the problems the workspace scan found (`mqLens.problems`). */
  private showWorkspace(): boolean {
    return vscode.workspace.getConfiguration('mqLens').get<string>('problems', 'workspace') !== 'openFiles';
  }

  /** The problems of files that are not open, from the scan; an open document's come from its own analysis. */
  private syncWorkspace(): void {
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    const shown = new Set<string>();
    if (this.showWorkspace()) {
      for (const entry of this.scanner.entries()) {
        const key = entry.uri.toString();
        if (open.has(key)) continue;
        this.collection.set(entry.uri, entry.findings.map((f) => this.toDiagnostic(entry.uri, f)));
        shown.add(key);
      }
    }
    for (const key of this.fromWorkspace) if (!shown.has(key) && !open.has(key)) this.collection.delete(vscode.Uri.parse(key));
    this.fromWorkspace = shown;
  }

  refresh(document: vscode.TextDocument): void {
    const result = this.analyzer.analyze(document);
    if (!result) {
      // An excluded file, or one whose name no longer matches, keeps no stale problems.
      this.collection.delete(document.uri);
      return;
    }
    this.collection.set(document.uri, result.findings.map((f) => this.toDiagnostic(document.uri, f, document)));
    this.fromWorkspace.delete(document.uri.toString());
  }

  private schedule(document: vscode.TextDocument): void {
    if (!this.analyzer.handles(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    // The timer reads the document when it fires, so a burst of keystrokes costs one analysis of the latest text.
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (!document.isClosed) this.refresh(document);
    }, CHANGE_DELAY_MS));
  }

  private clear(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.collection.delete(document.uri);
    this.analyzer.forget(document);
    // A closed file shows what the scan found on disk again (an unsaved edit is gone with the editor).
    this.syncWorkspace();
  }

  /**
   * A finding as a diagnostic: ranges from the open document's offsets, or for a file that is not open from the
   * finding's own lines and columns (1-based, in UTF-16 code units, as VS Code counts them).
   */
  private toDiagnostic(uri: vscode.Uri, finding: Finding, document?: vscode.TextDocument): vscode.Diagnostic {
    const at = (offset: number, line: number, column: number) => (document ? document.positionAt(offset) : new vscode.Position(Math.max(0, line - 1), Math.max(0, column - 1)));
    const range = new vscode.Range(at(finding.span.start, finding.line, finding.column), at(finding.span.end, finding.endLine, finding.endColumn));
    // The context that changed a finding (a test file, a single-broker setup) is said with it.
    const message = finding.context ? `${finding.message} ${finding.context.note}` : finding.message;
    const diagnostic = new vscode.Diagnostic(range, message, SEVERITIES[finding.severity]);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = { value: finding.ruleId, target: ruleDocUri(this.extensionUri, finding.ruleId) };
    if (finding.related) {
      diagnostic.relatedInformation = finding.related.map((place) => {
        const start = at(place.span.start, place.line, place.column);
        // Without the document, the place is where it starts.
        const end = document ? document.positionAt(place.span.end) : start;
        return new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, new vscode.Range(start, end)), place.message);
      });
    }
    if (finding.tags) {
      diagnostic.tags = finding.tags.map((tag) => (tag === 'deprecated' ? vscode.DiagnosticTag.Deprecated : vscode.DiagnosticTag.Unnecessary));
    }
    return diagnostic;
  }

  dispose(): void {
    clearTimeout(this.initial);
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.collection.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
