// Finds and reads the files a CLI run analyses. Unreadable, binary or oversized files are reported, never fatal.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatOf } from '../core/formats';
import { VENDOR_MARKERS } from '../core/paths';
import { WalkIgnore, type IgnoreOptions } from './ignore';

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
  /** The folder walked to find it (the path argument), or the working directory for a file named directly. */
  root: string;
}

/**
 * Lists the files under the given paths that MQ Lens reads, in a stable order. Symbolic links are followed, but each
 * directory and each file is visited once by its real path, so a link loop ends and a tree reachable twice is
 * reported once. Directory entries say what they are, so only links and files named on the command line cost a
 * `stat`; a file's size is asked when it is read.
 */
export function collectFiles(paths: readonly string[], cwd: string, skipped: Skipped[], wanted: (name: string) => boolean = (name) => formatOf(name) !== undefined, ignoring: IgnoreOptions = { exclude: [], gitignore: true }): FoundFile[] {
  const found: FoundFile[] = [];
  const seen = new Set<string>();
  const fail = (absolute: string, error: unknown) => skipped.push({ file: reportPath(absolute, cwd), reason: describeError(error) });
  const walk = (directory: string, root: string, ignore: WalkIgnore): void => {
    let real: string;
    let entries: fs.Dirent[];
    try {
      real = fs.realpathSync.native(directory);
      if (seen.has(real)) return;
      seen.add(real);
      entries = fs.readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      fail(directory, error);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    ignore.enter(directory, entries);
    for (const entry of entries) {
      if (SKIPPED_DIRECTORIES.has(entry.name)) continue;
      const absolute = path.join(directory, entry.name);
      // Ignored entries (--exclude, .gitignore) are left out silently, as ripgrep does; a folder is not entered.
      if (ignore.ignored(absolute, entry.isDirectory())) continue;
      if (entry.isDirectory() && entry.name === 'vendor' && isVendoredDependencies(absolute)) continue;
      if (entry.isDirectory()) walk(absolute, root, ignore);
      else if (entry.isFile()) {
        if (wanted(absolute)) addFile(absolute, root, false, path.join(real, entry.name));
      } else if (entry.isSymbolicLink()) visit(absolute, false, root, ignore);
    }
    ignore.leave();
  };
  /** `real` is the file's real path when the caller knows it (a plain entry of a directory whose real path is known). */
  const addFile = (absolute: string, root: string, named: boolean, real?: string): void => {
    if (!wanted(absolute)) {
      if (named) skipped.push({ file: reportPath(absolute, cwd), reason: 'not a file type MQ Lens reads' });
      return;
    }
    try {
      // A file reached twice (through a link to it, or to a folder above it) is read once.
      real ??= fs.realpathSync.native(absolute);
      if (seen.has(real)) return;
      seen.add(real);
      found.push({ absolute, root });
    } catch (error) {
      fail(absolute, error);
    }
  };
  const visit = (absolute: string, named: boolean, root: string, ignore: WalkIgnore): void => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      const broken = fs.lstatSync(absolute, { throwIfNoEntry: false })?.isSymbolicLink();
      if (broken) skipped.push({ file: reportPath(absolute, cwd), reason: 'broken symbolic link' });
      else fail(absolute, error);
      return;
    }
    if (stat.isDirectory()) walk(absolute, root, ignore);
    else if (stat.isFile()) addFile(absolute, root, named);
  };
  for (const p of paths) {
    const absolute = path.resolve(cwd, p);
    let directory = false;
    try {
      directory = fs.statSync(absolute).isDirectory();
    } catch {
      // visit reports it.
    }
    const root = directory ? absolute : cwd;
    // A path named on the command line is read even when ignored; what lies below a named folder is not.
    visit(absolute, true, root, new WalkIgnore(root, ignoring));
  }
  return found;
}

/** Whether a `vendor` folder holds third-party code (VENDOR_MARKERS). */
function isVendoredDependencies(directory: string): boolean {
  return VENDOR_MARKERS.some((marker) => fs.existsSync(path.join(directory, marker)));
}

/** One buffer for every read of a run, grown as needed: most files are small, and a fresh buffer each is garbage. */
let readBuffer = Buffer.allocUnsafe(64 * 1024);
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a file as UTF-8 text, or says why it cannot be analysed: open, ask the size of the open file, read it whole
 * into the shared buffer, close (the system calls of one read, and no `stat` before it).
 */
export function readSource(found: FoundFile, cwd: string, maxBytes: number): SourceFile | Skipped {
  const { absolute } = found;
  const file = reportPath(absolute, cwd);
  let fd: number | undefined;
  try {
    fd = fs.openSync(absolute, 'r');
    const size = fs.fstatSync(fd).size;
    if (size > maxBytes) return { file, reason: `larger than ${maxBytes} bytes (${size})` };
    if (readBuffer.length < size + 1) readBuffer = Buffer.allocUnsafe(Math.max(size + 1, readBuffer.length * 2));
    // Read until the end (the file may have grown since it was asked its size), but never past the limit.
    let length = 0;
    for (;;) {
      if (length === readBuffer.length) readBuffer = Buffer.concat([readBuffer, Buffer.allocUnsafe(readBuffer.length)]);
      const read = fs.readSync(fd, readBuffer, length, readBuffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > maxBytes) return { file, reason: `larger than ${maxBytes} bytes (${length}+)` };
    }
    const bytes = readBuffer.subarray(0, length);
    if (bytes.includes(0)) return { file, reason: 'binary file (contains a NUL byte)' };
    return { file, text: decoder.decode(bytes) };
  } catch (error) {
    return { file, reason: describeError(error) };
  } finally {
    try {
      if (fd !== undefined) fs.closeSync(fd);
    } catch {
      // Closing a file that was only read cannot lose anything.
    }
  }
}

function describeError(error: unknown): string {
  if (error instanceof TypeError) return 'not valid UTF-8 text';
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
