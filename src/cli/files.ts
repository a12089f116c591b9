// Finds and reads the files a CLI run analyses. Unreadable, binary or oversized files are reported, never fatal.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatOf } from '../core/formats';

export interface Skipped {
  file: string;
  reason: string;
}

export interface SourceFile {
  /** Path as reported: relative to the working directory, with forward slashes. */
  file: string;
  text: string;
}

const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules', '.hg', '.svn']);
export const DEFAULT_MAX_BYTES = 1024 * 1024;

export function reportPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute) || path.basename(absolute);
  return relative.split(path.sep).join('/');
}

export interface FoundFile {
  absolute: string;
  /** Size in bytes from the listing, so that reading need not ask the file system again. */
  size: number;
}

/** Lists the files under the given paths that MQ Lens reads, in a stable order. */
export function collectFiles(paths: readonly string[], cwd: string, skipped: Skipped[], wanted: (name: string) => boolean = (name) => formatOf(name) !== undefined): FoundFile[] {
  const found: FoundFile[] = [];
  const visit = (absolute: string, named: boolean): void => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      skipped.push({ file: reportPath(absolute, cwd), reason: describeError(error) });
      return;
    }
    if (stat.isDirectory()) {
      let names: string[];
      try {
        names = fs.readdirSync(absolute).sort();
      } catch (error) {
        skipped.push({ file: reportPath(absolute, cwd), reason: describeError(error) });
        return;
      }
      for (const name of names) {
        if (SKIPPED_DIRECTORIES.has(name)) continue;
        visit(path.join(absolute, name), false);
      }
      return;
    }
    if (!stat.isFile()) return;
    if (wanted(absolute)) found.push({ absolute, size: stat.size });
    else if (named) skipped.push({ file: reportPath(absolute, cwd), reason: 'not a file type MQ Lens reads' });
  };
  for (const p of paths) visit(path.resolve(cwd, p), true);
  return found;
}

/** Reads a file as UTF-8 text, or says why it cannot be analysed. */
export function readSource(found: FoundFile, cwd: string, maxBytes: number): SourceFile | Skipped {
  const { absolute, size } = found;
  const file = reportPath(absolute, cwd);
  try {
    if (size > maxBytes) return { file, reason: `larger than ${maxBytes} bytes (${size})` };
    const bytes = fs.readFileSync(absolute);
    if (bytes.includes(0)) return { file, reason: 'binary file (contains a NUL byte)' };
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { file, text };
  } catch (error) {
    return { file, reason: describeError(error) };
  }
}

function describeError(error: unknown): string {
  if (error instanceof TypeError) return 'not valid UTF-8 text';
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
