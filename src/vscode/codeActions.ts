// Code actions for MQ Lens findings: the rule's own minimal edit, "fix all of this rule in the file",
// `source.fixAll.mqLens`, an "ignore this line" directive, and a link to the rule's documentation.
import * as vscode from 'vscode';
import type { FullAnalysis } from '../core/analyze';
import { ignoreLineEdit } from '../core/suppress';
import type { Finding, TextEdit } from '../core/types';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { DocumentAnalyzer } from './documentAnalyzer';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('mqLens');

export class FindingCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly analyzer: DocumentAnalyzer) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const result = this.analyzer.analyze(document);
    if (!result) return [];
    const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind) || kind.contains(context.only);
    const actions: vscode.CodeAction[] = [];
    if (context.only && wants(FIX_ALL_KIND)) {
      const all = fixableEdits(result.findings);
      if (all.length > 0) actions.push(this.editAction(document, 'Fix all MQ Lens problems', FIX_ALL_KIND, all));
    }
    if (!wants(vscode.CodeActionKind.QuickFix)) return actions;
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const ruleId = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
      const finding = result.findings.find((f) => f.ruleId === ruleId && document.positionAt(f.span.start).isEqual(diagnostic.range.start));
      if (!finding) continue;
      actions.push(...this.actionsFor(document, result, finding, diagnostic));
    }
    return actions;
  }

  private actionsFor(document: vscode.TextDocument, result: FullAnalysis, finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    if (finding.fix) {
      const fix = this.editAction(document, finding.fix.title, vscode.CodeActionKind.QuickFix, [finding.fix.edit]);
      fix.diagnostics = [diagnostic];
      fix.isPreferred = true;
      actions.push(fix);
      const sameRule = fixableEdits(result.findings.filter((f) => f.ruleId === finding.ruleId));
      if (sameRule.length > 1) {
        actions.push(this.editAction(document, `Fix all ${finding.ruleId} problems in this file`, vscode.CodeActionKind.QuickFix, sameRule));
      }
    }
    const ignore = this.editAction(document, `Ignore ${finding.ruleId} on this line`, vscode.CodeActionKind.QuickFix,
      [ignoreLineEdit(document.getText(), finding, result.lineComment, result.lines)]);
    ignore.diagnostics = [diagnostic];
    actions.push(ignore);
    const learn = new vscode.CodeAction(`Learn more about ${finding.ruleId}`, vscode.CodeActionKind.QuickFix);
    learn.command = { command: 'mqLens.openRuleDocs', title: `Learn more about ${finding.ruleId}`, arguments: [finding.ruleId] };
    learn.diagnostics = [diagnostic];
    actions.push(learn);
    return actions;
  }

  private editAction(document: vscode.TextDocument, title: string, kind: vscode.CodeActionKind, edits: readonly TextEdit[]): vscode.CodeAction {
    const action = new vscode.CodeAction(title, kind);
    action.edit = new vscode.WorkspaceEdit();
    for (const edit of edits) {
      action.edit.replace(document.uri, new vscode.Range(document.positionAt(edit.span.start), document.positionAt(edit.span.end)), edit.newText);
    }
    return action;
  }
}

/** The fix edits of these findings, in order, without any two that overlap (the first one wins). */
export function fixableEdits(findings: readonly Finding[]): TextEdit[] {
  const edits = findings.flatMap((f) => (f.fix ? [f.fix.edit] : [])).sort((a, b) => a.span.start - b.span.start);
  const kept: TextEdit[] = [];
  for (const edit of edits) {
    const last = kept[kept.length - 1];
    if (!last || edit.span.start >= last.span.end) kept.push(edit);
  }
  return kept;
}
