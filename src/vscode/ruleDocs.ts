// Where a rule's documentation lives: the page generated into docs/rules/ and shipped in the VSIX.
import * as vscode from 'vscode';

export function ruleDocUri(extensionUri: vscode.Uri, ruleId: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${ruleId}.md`);
}

export async function openRuleDocs(extensionUri: vscode.Uri, ruleId: unknown): Promise<void> {
  if (typeof ruleId !== 'string' || !/^[a-z0-9-]+$/.test(ruleId)) return;
  await vscode.commands.executeCommand('markdown.showPreview', ruleDocUri(extensionUri, ruleId));
}
