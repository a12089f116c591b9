import * as vscode from 'vscode';

export const EXTENSION_ID = 'mq-lens.mq-lens';

/** Polls until `predicate` holds for the value `read` returns, or fails with the last value seen. */
export async function waitFor<T>(read: () => T | Promise<T>, predicate: (value: T) => boolean, what: string, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!predicate(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${describe(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await read();
  }
  return last;
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v: unknown) => (v instanceof vscode.Uri ? v.toString() : v));
  } catch {
    return String(value);
  }
}

export function workspaceFile(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export function mqLensDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'MQ Lens');
}

export async function setWorkload(uri: vscode.Uri, workload: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('mqLens', uri).update('workload', workload, vscode.ConfigurationTarget.WorkspaceFolder);
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}
