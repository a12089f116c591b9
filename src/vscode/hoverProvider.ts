// Hover notes on every configuration key the knowledge base describes.
import * as vscode from 'vscode';
import { engine } from './lazyEngine';
import type { DocumentAnalyzer } from './documentAnalyzer';
import { ruleDocUri } from './ruleDocs';

export class KeyHoverProvider implements vscode.HoverProvider {
  constructor(private readonly analyzer: DocumentAnalyzer, private readonly extensionUri: vscode.Uri) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const result = this.analyzer.analyze(document);
    if (!result) return undefined;
    const offset = document.offsetAt(position);
    const use = result.clientUses.find((u) => offset >= u.span.start && offset <= u.span.end);
    if (use) {
      const links = [{ title: 'Choose a message queue…', target: 'command:mqLens.chooseQueue' }];
      const card = new vscode.MarkdownString(engine().brokerCardMarkdown({ knowledge: engine().knowledge, client: use.client, links }));
      // Only the wizard command may run from this hover.
      card.isTrusted = { enabledCommands: ['mqLens.chooseQueue'] };
      return new vscode.Hover(card, new vscode.Range(document.positionAt(use.span.start), document.positionAt(use.span.end)));
    }
    const setting = engine().settingAt(result.settings, offset);
    // Hover over the key only: the value's own hover space belongs to diagnostics and other extensions.
    if (!setting || document.offsetAt(position) > setting.keySpan.end) return undefined;
    const keys = engine().bundledKeyIndex();
    const info = keys.lookup(setting.system, setting.key);
    if (!info) return undefined;
    const markdown = engine().keyNoteMarkdown({
      info,
      setting,
      findings: result.findings.filter((f) => f.span.start === setting.keySpan.start),
      rules: keys.rulesFor(setting.system, setting.key),
      profile: result.profile,
      ruleLink: (ruleId) => ruleDocUri(this.extensionUri, ruleId).toString(),
      role: result.role,
      nonProduction: this.analyzer.roleOptions(document.uri).nonProduction,
    });
    const content = new vscode.MarkdownString(markdown);
    content.supportThemeIcons = true;
    const range = new vscode.Range(document.positionAt(setting.keySpan.start), document.positionAt(setting.keySpan.end));
    return new vscode.Hover(content, range);
  }
}
