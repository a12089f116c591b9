// Quick fixes for MQ Lens findings: the rule's own minimal edit, and a link to the rule's documentation.
import * as vscode from 'vscode';
import type { Finding } from '../core/types';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { DocumentAnalyzer } from './documentAnalyzer';

export class FindingCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly analyzer: DocumentAnalyzer) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
    const result = this.analyzer.analyze(document);
    if (!result) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const ruleId = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
      const finding = result.findings.find((f) => f.ruleId === ruleId && document.positionAt(f.span.start).isEqual(diagnostic.range.start));
      if (finding?.fix) actions.push(this.fixAction(document, finding, diagnostic));
      const learn = new vscode.CodeAction(`Learn more about ${ruleId}`, vscode.CodeActionKind.QuickFix);
      learn.command = { command: 'mqLens.openRuleDocs', title: `Learn more about ${ruleId}`, arguments: [ruleId] };
      learn.diagnostics = [diagnostic];
      actions.push(learn);
    }
    return actions;
  }

  private fixAction(document: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction {
    const fix = finding.fix!;
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    const range = new vscode.Range(document.positionAt(fix.edit.span.start), document.positionAt(fix.edit.span.end));
    action.edit.replace(document.uri, range, fix.edit.newText);
    action.diagnostics = [diagnostic];
    action.isPreferred = true;
    return action;
  }
}
