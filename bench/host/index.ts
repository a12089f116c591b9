// Loaded by the real extension host (code-server) through VS Code's extensionTestsPath contract, like
// test/integration/index.ts, but it measures instead of testing. One page load of the workbench = one fresh extension
// host = one run of this file. It writes what it measured to $MQ_LENS_BENCH_OUT:
//   - activateMs: the duration of MQ Lens's activate(), as activate() itself recorded it (api.timings.activateMs);
//   - openToDiagnosticsMs: opening the generated 2,000-line producer.properties until its diagnostics exist;
//   - with MQ_LENS_BENCH_EDITS=N: N edits in that file (typing a character, then deleting it, alternately), each
//     changing the findings, timed from the edit until onDidChangeDiagnostics reports the new diagnostics;
//   - firstStatusMs: from the start of activate() until the status bar first named a broker (MQ Lens records it);
//   - with MQ_LENS_BENCH_SCAN=1 (on a large generated workspace instead): a full workspace scan, timed, while a 10 ms
//     timer records how late it fires: the longest of those delays is the longest the extension host was blocked;
//   - with MQ_LENS_BENCH_FIRST=1: nothing after the first scan (a workspace measured for its first status only).
// It never judges a time; it only rejects (host exit 1) when something could not be measured at all.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { MqLensApi } from '../../src/vscode/extension';

const EXTENSION_ID = 'mq-lens.mq-lens';
/** The debounce of diagnostics on typing, in src/vscode/diagnostics.ts. */
const CHANGE_DELAY_MS = 150;
/** A guard against hangs only: no figure is ever compared with it. */
const HANG_GUARD_MS = 60000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The hang guard while a large workspace is scanned. */
const SCAN_GUARD_MS = 300000;
const LAG_TICK_MS = 10;

async function until(predicate: () => boolean, what: string, pollMs = 5, guardMs = HANG_GUARD_MS): Promise<void> {
  const deadline = Date.now() + guardMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${guardMs / 1000} s`);
    await sleep(pollMs);
  }
}

const mqLensCount = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'MQ Lens').length;

interface EditSample {
  kind: 'type' | 'deleteLeft';
  /** From issuing the edit until the extension host saw the document change. */
  editToChangeMs: number;
  /** From the edit until getDiagnostics() returned the new diagnostics (the collection was set). */
  editToDiagnosticsSetMs: number;
  /** From the edit until onDidChangeDiagnostics reported them (what the brief measures). */
  editToEventMs: number;
  findingsBefore: number;
  findingsAfter: number;
}

/**
 * A full rescan of the workspace, with the event loop watched throughout: each tick of a 10 ms interval records how
 * much later than due it ran. Anything MQ Lens does synchronously shows up as a late tick.
 */
async function measureScan(api: MqLensApi, result: Record<string, unknown>): Promise<void> {
  const delays: number[] = [];
  let due = performance.now() + LAG_TICK_MS;
  const timer = setInterval(() => {
    const now = performance.now();
    delays.push(Math.max(0, now - due));
    due = now + LAG_TICK_MS;
  }, LAG_TICK_MS);
  const start = performance.now();
  try {
    await api.scanner.scan();
  } finally {
    clearInterval(timer);
  }
  result.scan = {
    scanMs: performance.now() - start,
    filesWithEvidence: api.scanner.entries().length,
    ticks: delays.length,
    longestStallMs: Math.max(0, ...delays),
    stallsOver50Ms: delays.filter((d) => d > 50).length,
    delays,
  };
}

export async function run(): Promise<void> {
  const out = process.env.MQ_LENS_BENCH_OUT;
  if (!out) throw new Error('MQ_LENS_BENCH_OUT is not set');
  const result: Record<string, unknown> = { node: process.version, pid: process.pid };
  const write = () => fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  try {
    await measure(result);
  } catch (error) {
    result.error = error instanceof Error ? error.stack ?? error.message : String(error);
    write();
    throw error;
  }
  write();
}

async function measure(result: Record<string, unknown>): Promise<void> {
  const started = performance.now();
  const extension = vscode.extensions.getExtension<MqLensApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed`);
  result.extensionPath = extension.extensionPath;
  await until(() => extension.isActive, 'activation');
  const api = extension.exports;
  const activateMs = api.timings?.activateMs;
  if (typeof activateMs !== 'number') throw new Error('the extension does not report timings.activateMs');
  result.activateMs = activateMs;
  // Steady state before measuring the editor: the first workspace scan (started after activation) is done. The
  // workspace has message-queue files, so a finished first scan has entries.
  await until(() => !api.scanner.scanning && api.scanner.entries().length > 0, 'the first workspace scan', 5, SCAN_GUARD_MS);
  result.firstScanDoneMs = performance.now() - started;
  result.firstStatusMs = api.timings.firstStatusMs;
  if (process.env.MQ_LENS_BENCH_FIRST === '1') return;
  if (process.env.MQ_LENS_BENCH_SCAN === '1') {
    await measureScan(api, result);
    return;
  }

  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the benchmark needs a workspace folder');
  const uri = vscode.Uri.joinPath(folder.uri, process.env.MQ_LENS_BENCH_FILE ?? 'producer.properties');
  let start = performance.now();
  const document = await vscode.workspace.openTextDocument(uri);
  // Opening is mostly VS Code's (the workbench loads the file and sends it to the host); MQ Lens analyses it when the
  // host hears of it, so its diagnostics are usually there by the time openTextDocument resolves.
  result.openTextDocumentMs = performance.now() - start;
  await until(() => mqLensCount(uri) > 0, 'the first diagnostics', 1);
  result.openToDiagnosticsMs = performance.now() - start;
  // lineCount counts the empty line after the final newline.
  result.lines = document.lineCount - (document.lineAt(document.lineCount - 1).text === '' ? 1 : 0);
  result.initialFindings = mqLensCount(uri);

  const edits = Number(process.env.MQ_LENS_BENCH_EDITS ?? '0');
  if (edits <= 0) return;
  const editor = await vscode.window.showTextDocument(document);
  // The edited line: `linger.ms=5` in the middle of the file. Typing `0` makes it 50 (a warning under the file's
  // online workload); deleting it makes it 5 again (no warning).
  let line = -1;
  for (let i = Math.floor(document.lineCount / 2); i < document.lineCount && line < 0; i++) if (document.lineAt(i).text === 'linger.ms=5') line = i;
  if (line < 0) throw new Error('no `linger.ms=5` line in the second half of the file');
  result.editedLine = line + 1;
  const end = document.lineAt(line).text.length;
  editor.selection = new vscode.Selection(line, end, line, end);
  await sleep(500);

  // `type` goes through the editor as a keystroke does; when it cannot (no editor focus), a WorkspaceEdit is used.
  let method: 'type' | 'TextEditor.edit' = 'type';
  const samples: EditSample[] = [];
  // The first edits in a fresh window meet a workbench still busy starting up (tokenising the file, loading language
  // features): they are kept apart as warm-up, and the measured edits start after a pause.
  const warmup = 4;
  for (let i = 0; i < warmup + edits; i++) {
    if (i === warmup) await sleep(1000);
    const kind = i % 2 === 0 ? 'type' : 'deleteLeft';
    const key = uri.toString();
    const before = mqLensCount(uri);
    const versionBefore = document.version;
    let changeAt = NaN;
    let setAt = NaN;
    const changed = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.toString() === key && Number.isNaN(changeAt)) changeAt = performance.now();
    });
    let eventAt = NaN;
    const event = vscode.languages.onDidChangeDiagnostics((e) => {
      if (Number.isNaN(eventAt) && e.uris.some((u) => u.toString() === key) && mqLensCount(uri) !== before) eventAt = performance.now();
    });
    try {
      start = performance.now();
      if (method === 'type') {
        await vscode.commands.executeCommand(kind, kind === 'type' ? { text: '0' } : undefined);
        if (document.version === versionBefore) {
          // The command did not reach the editor: fall back, and redo this edit.
          method = 'TextEditor.edit';
          start = performance.now();
        }
      }
      if (method === 'TextEditor.edit') {
        const at = document.lineAt(line).range.end;
        await editor.edit((b) => (kind === 'type' ? b.insert(at, '0') : b.delete(new vscode.Range(at.translate(0, -1), at))));
      }
      // Polled every millisecond: the time the collection was set, before VS Code's own 50 ms event batching.
      await until(() => {
        if (Number.isNaN(setAt) && mqLensCount(uri) !== before) setAt = performance.now();
        return !Number.isNaN(eventAt);
      }, `diagnostics after edit ${i + 1}`, 1);
    } finally {
      changed.dispose();
      event.dispose();
    }
    samples.push({
      kind, editToChangeMs: changeAt - start, editToDiagnosticsSetMs: setAt - start, editToEventMs: eventAt - start,
      findingsBefore: before, findingsAfter: mqLensCount(uri),
    });
    // Let the last events settle so one edit's timers never overlap the next.
    await sleep(300);
  }
  result.editMethod = method;
  result.debounceMs = CHANGE_DELAY_MS;
  result.warmupEdits = samples.slice(0, warmup);
  result.edits = samples.slice(warmup);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}
