// Keeps the Problems panel in step with open documents: analyse on open and (debounced) on change, clear on close,
// re-judge everything when the workload setting changes.
import * as vscode from 'vscode';
import type { Severity } from '../core/knowledgeTypes';
import type { Finding } from '../core/types';
import type { DocumentAnalyzer } from './documentAnalyzer';
import { ruleDocUri } from './ruleDocs';

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

  constructor(private readonly analyzer: DocumentAnalyzer, private readonly extensionUri: vscode.Uri) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.refresh(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.clear(d)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('mqLens')) this.refreshAll();
      }),
    );
    this.refreshAll();
  }

  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) this.refresh(document);
  }

  refresh(document: vscode.TextDocument): void {
    const result = this.analyzer.analyze(document);
    if (!result) {
      // An excluded file, or one whose name no longer matches, keeps no stale problems.
      this.collection.delete(document.uri);
      return;
    }
    this.collection.set(document.uri, result.findings.map((f) => this.toDiagnostic(document, f)));
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
  }

  private toDiagnostic(document: vscode.TextDocument, finding: Finding): vscode.Diagnostic {
    const range = new vscode.Range(document.positionAt(finding.span.start), document.positionAt(finding.span.end));
    // The context that changed a finding (a test file, a single-broker setup) is said with it.
    const message = finding.context ? `${finding.message} ${finding.context.note}` : finding.message;
    const diagnostic = new vscode.Diagnostic(range, message, SEVERITIES[finding.severity]);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = { value: finding.ruleId, target: ruleDocUri(this.extensionUri, finding.ruleId) };
    if (finding.related) {
      diagnostic.relatedInformation = finding.related.map((place) => new vscode.DiagnosticRelatedInformation(
        new vscode.Location(document.uri, new vscode.Range(document.positionAt(place.span.start), document.positionAt(place.span.end))),
        place.message,
      ));
    }
    if (finding.tags) {
      diagnostic.tags = finding.tags.map((tag) => (tag === 'deprecated' ? vscode.DiagnosticTag.Deprecated : vscode.DiagnosticTag.Unnecessary));
    }
    return diagnostic;
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.collection.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
