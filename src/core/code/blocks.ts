// The block structure of tokenized code, for the flow rules: the token range of each `{…}` block (or Python indented
// block), what opened it (a function, a loop, try/catch/finally, an if or an else), and the try statements with their
// exception handlers; Go's `if err != nil { … }` counts as a handler. It is not a parser: it reads what braces and
// indentation say, and a caller treats anything it cannot place as unknown.
import type { LineIndex } from '../text';
import { matchingOpen } from './entities';
import type { Language, Token } from './lexer';

export type BlockKind = 'function' | 'loop' | 'try' | 'catch' | 'finally' | 'if' | 'else' | 'class' | 'other';

export interface Block {
  kind: BlockKind;
  /** Index of the token that heads the statement (`try`, `catch`, `for`, `def`, a method's name…). */
  head: number;
  /** Index of the first token inside the block, and index just past the last. */
  start: number;
  end: number;
  parent?: Block;
  /** Handlers: whether the handler catches every exception (`catch (Exception e)`, bare `except:`, Go's `err != nil`). */
  catchAll?: boolean;
}

export interface TryStatement {
  body: Block;
  handlers: Block[];
  finally?: Block;
  /** Index just past the whole statement (its last handler or finally block). */
  end: number;
}

export interface Structure {
  blocks: Block[];
  tries: TryStatement[];
  /** The innermost block of each token (by index), computed once: looked up for every call and exit word. */
  innermost: Array<Block | undefined>;
}

const CONTROL: Readonly<Record<string, BlockKind>> = {
  if: 'if', elif: 'if', unless: 'if', for: 'loop', foreach: 'loop', while: 'loop', do: 'loop', loop: 'loop',
  try: 'try', catch: 'catch', except: 'catch', finally: 'finally', else: 'else',
  switch: 'other', select: 'other', match: 'other', when: 'other', using: 'other', lock: 'other', synchronized: 'other',
  with: 'other', unsafe: 'other', checked: 'other', fixed: 'other', case: 'other', default: 'other',
  class: 'class', interface: 'class', struct: 'class', enum: 'class', object: 'class', impl: 'class', trait: 'class',
  namespace: 'class', record: 'class', def: 'function', fun: 'function', func: 'function', fn: 'function', function: 'function', lambda: 'function',
};

/** Calls that take a lambda run once per element: the lambda body is a loop body, and `return` in it is a `continue`. */
const EACH_CALLS = new Set(['forEach', 'forEachIndexed', 'foreach', 'each', 'ForEach', 'onEach', 'for_each']);
/** Kotlin and Scala scope functions: their lambda runs in place, once. */
const INLINE_CALLS = new Set(['use', 'let', 'also', 'apply', 'run', 'with', 'synchronized', 'runCatching']);

export function blockStructure(tokens: readonly Token[], language: Language, lines: LineIndex): Structure {
  const blocks = language === 'python' ? pythonBlocks(tokens, lines) : braceBlocks(tokens, language);
  blocks.sort((a, b) => a.start - b.start || b.end - a.end);
  const stack: Block[] = [];
  for (const block of blocks) {
    while (stack.length > 0 && stack[stack.length - 1]!.end <= block.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent && block.end <= parent.end) block.parent = parent;
    stack.push(block);
  }
  // Blocks are sorted outermost first among those that start together, so painting them in order leaves each token
  // with its innermost block.
  const innermost: Array<Block | undefined> = new Array(tokens.length);
  for (const block of blocks) for (let i = block.start; i < block.end && i < tokens.length; i++) innermost[i] = block;
  return { blocks, tries: tryStatements(blocks, tokens, language), innermost };
}

/** The innermost block holding token `index`. */
export function blockAt(structure: Structure, index: number): Block | undefined {
  return structure.innermost[index];
}

/** The function (or lambda) whose body holds `block`, or undefined at module level. */
export function functionOf(block: Block | undefined): Block | undefined {
  for (let b = block; b; b = b.parent) if (b.kind === 'function') return b;
  return undefined;
}

function braceBlocks(tokens: readonly Token[], language: Language): Block[] {
  const blocks: Block[] = [];
  const open: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const text = tokens[i]!.text;
    if (tokens[i]!.kind !== 'punct') continue;
    if (text === '{') open.push(i);
    else if (text === '}' && open.length > 0) {
      const at = open.pop()!;
      blocks.push({ ...classifyBrace(tokens, at, language), start: at + 1, end: i });
    }
  }
  return blocks;
}

/** What opened the `{` at `at`: the statement's keyword, a lambda arrow, a method's parameter list, a type. */
function classifyBrace(tokens: readonly Token[], at: number, language: Language): { kind: BlockKind; head: number } {
  const before = tokens[at - 1];
  if (!before) return { kind: 'other', head: at };
  if (before.text === '=>' || before.text === '->') {
    // An arm of Kotlin's `when` (a Kotlin lambda's arrow is inside its braces), of Java's arrow `switch`
    // (`case X -> {`) or of a Scala `match` (`case x => {`) runs in place: it is no lambda.
    if (language === 'kotlin' && before.text === '->') return { kind: 'other', head: at - 1 };
    if (armOfCase(tokens, at - 1)) return { kind: 'other', head: at - 1 };
    // A lambda: `msg => {`, `(a, b) => {`, Java's `(r) -> {`. Passed to forEach, it is a loop body.
    const call = lambdaCall(tokens, at - 1);
    return { kind: call !== undefined && EACH_CALLS.has(tokens[call]!.text) ? 'loop' : 'function', head: at - 1 };
  }
  // Kotlin and Scala trailing lambdas: `records.forEach { r -> … }`, `thread { … }`.
  if ((language === 'kotlin' || language === 'scala') && before.kind === 'ident' && CONTROL[before.text] === undefined && !isDeclarationTail(tokens, at)) {
    if (EACH_CALLS.has(before.text)) return { kind: 'loop', head: at - 1 };
    if (INLINE_CALLS.has(before.text)) return { kind: 'other', head: at - 1 };
    return { kind: 'function', head: at - 1 };
  }
  // Walk back to the start of the statement, over balanced brackets; Go ends statements at the line's end.
  let i = at - 1;
  let first = at;
  while (i >= 0) {
    const token = tokens[i]!;
    if (token.text === ')' || token.text === ']') {
      const back = matchingOpen(tokens, i);
      if (back === undefined) break;
      i = back;
    } else if (token.text === '{' || token.text === '}' || (token.text === ';' && language !== 'go')) {
      break;
    }
    first = i;
    if (language === 'go' && tokens[i]!.lineStart) break;
    i--;
  }
  // The first keyword decides (`} else if (x) {` is an if; `} catch (e) {` a handler).
  for (let k = first; k < at; k++) {
    const token = tokens[k]!;
    // Words inside brackets are parameters or conditions (`(object sender, …)`), not the statement's keyword.
    if (token.text === '(' || token.text === '[') {
      k = matchForwardIn(tokens, k, at) ?? at;
      continue;
    }
    if (token.kind !== 'ident') continue;
    const kind = CONTROL[token.text];
    if (kind === undefined) continue;
    if (token.text === 'else' && tokens[k + 1]?.text === 'if') continue;
    if (token.text === 'when' && language !== 'kotlin') continue;
    if ((token.text === 'record' || token.text === 'object') && language === 'javascript') continue;
    if (token.text === 'default' || token.text === 'case' || token.text === 'lambda') continue;
    return { kind, head: k };
  }
  // `x = new Consumer(channel) {`: an anonymous class.
  for (let k = first; k < at; k++) if (tokens[k]!.text === 'new') return { kind: 'class', head: k };
  // `name(params) {` or `name(params) throws X {`: a method or function declaration (a call never takes a block in
  // these languages, apart from Kotlin and Scala trailing lambdas, handled above).
  for (let k = at - 1; k > first; k--) {
    if (tokens[k]!.text !== ')') continue;
    const back = matchingOpen(tokens, k);
    if (back !== undefined && back > 0 && tokens[back - 1]!.kind === 'ident') return { kind: 'function', head: back - 1 };
    break;
  }
  return { kind: 'other', head: first };
}

/** Whether the arrow at `arrow` ends a `case …` or `default` label (back to the previous statement boundary). */
function armOfCase(tokens: readonly Token[], arrow: number): boolean {
  for (let k = arrow - 1; k >= 0 && k > arrow - 40; k--) {
    const text = tokens[k]!.text;
    if (text === ';' || text === '{' || text === '}' || text === '=>' || text === '->') return false;
    if ((text === 'case' || text === 'default') && tokens[k]!.kind === 'ident') return true;
  }
  return false;
}

/** For a lambda arrow at `arrow`, the name of the call it is an argument of (`forEach` in `xs.forEach((x) => {`). */
function lambdaCall(tokens: readonly Token[], arrow: number): number | undefined {
  let i = arrow - 1;
  if (tokens[i]?.text === ')') {
    const back = matchingOpen(tokens, i);
    if (back === undefined) return undefined;
    i = back - 1;
  } else {
    i--;
  }
  if (tokens[i]?.text === 'async') i--;
  if (tokens[i]?.text !== '(') return undefined;
  return tokens[i - 1]?.kind === 'ident' ? i - 1 : undefined;
}

/** Kotlin: `fun name(…): Type {` and `class X : Y {` end in a type name before the brace. */
function isDeclarationTail(tokens: readonly Token[], at: number): boolean {
  for (let k = at - 1; k >= Math.max(0, at - 40); k--) {
    const text = tokens[k]!.text;
    if (text === ';' || text === '{' || text === '}') return false;
    if (text === 'fun' || text === 'class' || text === 'object' || text === 'interface' || text === 'def') return true;
    if (tokens[k]!.lineStart) return false;
  }
  return false;
}

/** The bracket closing the one at `open`, looked for before `limit` only (a statement's own brackets). */
function matchForwardIn(tokens: readonly Token[], open: number, limit: number): number | undefined {
  const opener = tokens[open]!.text;
  const closer = opener === '(' ? ')' : ']';
  let depth = 0;
  for (let k = open; k < limit; k++) {
    if (tokens[k]!.kind !== 'punct') continue;
    if (tokens[k]!.text === opener) depth++;
    else if (tokens[k]!.text === closer && --depth === 0) return k;
  }
  return undefined;
}

/** Python: a header line (`def`, `for`, `try:`, `except …:`) owns the following lines indented deeper. */
function pythonBlocks(tokens: readonly Token[], lines: LineIndex): Block[] {
  // Logical lines: a line starting outside brackets, up to the next one.
  const starts: number[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.lineStart && depth === 0) starts.push(i);
    if (token.kind === 'punct') {
      if (token.text === '(' || token.text === '[' || token.text === '{') depth++;
      else if ((token.text === ')' || token.text === ']' || token.text === '}') && depth > 0) depth--;
    }
  }
  const indent = starts.map((i) => lines.positionAt(tokens[i]!.span.start).column);
  const blocks: Block[] = [];
  for (let s = 0; s < starts.length; s++) {
    const first = starts[s]!;
    const lineEnd = starts[s + 1] ?? tokens.length;
    let k = first;
    if (tokens[k]!.text === 'async' || tokens[k]!.text === '@') k++;
    // A file may end on `@` or `async` (a decorator being typed): nothing follows to read.
    if (k >= lineEnd) continue;
    const keyword = tokens[k]!.text;
    const kind = PYTHON_HEADERS[keyword];
    if (kind === undefined || tokens[k]!.kind !== 'ident') continue;
    // The header's colon: the first `:` outside brackets.
    let colon = -1;
    let d = 0;
    for (let j = k + 1; j < lineEnd; j++) {
      const text = tokens[j]!.text;
      if (text === '(' || text === '[' || text === '{') d++;
      else if (text === ')' || text === ']' || text === '}') d--;
      else if (text === ':' && d === 0) {
        colon = j;
        break;
      }
    }
    if (colon < 0) continue;
    let end: number;
    if (colon + 1 < lineEnd) {
      end = lineEnd; // `except Exception: pass` on one line
    } else {
      let t = s + 1;
      while (t < starts.length && indent[t]! > indent[s]!) t++;
      end = starts[t] ?? tokens.length;
    }
    const block: Block = { kind, head: k, start: colon + 1, end };
    if (kind === 'catch') block.catchAll = pythonCatchAll(tokens, k + 1, colon);
    blocks.push(block);
  }
  return blocks;
}

const PYTHON_HEADERS: Readonly<Record<string, BlockKind>> = {
  def: 'function', class: 'class', for: 'loop', while: 'loop', try: 'try', except: 'catch', finally: 'finally',
  if: 'if', elif: 'if', else: 'else', with: 'other', match: 'other', case: 'other',
};

const CATCH_ALL_TYPES = new Set(['Exception', 'BaseException', 'Throwable', 'RuntimeException', 'System.Exception', 'NonFatal', 'Error']);

function pythonCatchAll(tokens: readonly Token[], from: number, to: number): boolean {
  if (from >= to) return true; // bare `except:`
  for (let j = from; j < to; j++) {
    const text = tokens[j]!.text;
    if (text === 'as') break;
    if (CATCH_ALL_TYPES.has(text) && text !== 'Error') return true;
  }
  return false;
}

/** Try statements: a try block followed by its handlers and finally block; Go's `if err != nil {` blocks too. */
function tryStatements(blocks: readonly Block[], tokens: readonly Token[], language: Language): TryStatement[] {
  const tries: TryStatement[] = [];
  // Handlers follow their try at once: look them up by where their statement starts.
  const byHead = new Map<number, Block>();
  for (const block of blocks) if (!byHead.has(block.head)) byHead.set(block.head, block);
  for (const block of blocks) {
    if (block.kind === 'try') {
      const statement: TryStatement = { body: block, handlers: [], end: language === 'python' ? block.end : block.end + 1 };
      // The next blocks, in order, while they are this statement's handlers.
      let next = followingBlock(byHead, statement.end, language === 'python' ? block : undefined, tokens);
      while (next && (next.kind === 'catch' || next.kind === 'finally' || (language === 'python' && next.kind === 'else'))) {
        if (next.kind === 'catch') {
          if (next.catchAll === undefined) next.catchAll = catchAllIn(tokens, next, language);
          statement.handlers.push(next);
        } else if (next.kind === 'finally') {
          statement.finally = next;
        }
        statement.end = language === 'python' ? next.end : next.end + 1;
        next = followingBlock(byHead, statement.end, language === 'python' ? block : undefined, tokens);
      }
      if (statement.handlers.length > 0 || statement.finally) tries.push(statement);
    } else if (language === 'go' && block.kind === 'if' && isErrorCheck(tokens, block)) {
      block.kind = 'catch';
      // `if err != nil && errors.Is(err, ErrDuplicate) {` handles one kind of error only.
      block.catchAll = !tokens.slice(block.head, block.start).some((t) => t.text === '&&' || t.text === '||');
      const body: Block = { kind: 'try', head: block.head, start: block.head, end: block.head };
      if (block.parent) body.parent = block.parent;
      tries.push({ body, handlers: [block], end: block.end + 1 });
    }
  }
  return tries;
}

/** The block that starts its statement at `from` (Python: `async` may come first): the try's next handler, if any. */
function followingBlock(byHead: ReadonlyMap<number, Block>, from: number, pythonTry: Block | undefined, tokens: readonly Token[]): Block | undefined {
  const block = byHead.get(from) ?? (pythonTry && tokens[from]?.text === 'async' ? byHead.get(from + 1) : undefined);
  return block;
}

function catchAllIn(tokens: readonly Token[], block: Block, language: Language): boolean {
  const head = block.head;
  const open = tokens[head + 1];
  if (!open || open.text !== '(') {
    // `catch {` (C#, JS, Swift), Scala's `catch { case … }`.
    if (language === 'scala') {
      for (let j = block.start; j < block.end && j < block.start + 12; j++) {
        const text = tokens[j]!.text;
        if (CATCH_ALL_TYPES.has(text) || (text === '_' && tokens[j - 1]?.text === 'case')) return true;
      }
      return false;
    }
    return true;
  }
  const types: string[] = [];
  let j = head + 2;
  for (; j < block.start - 1; j++) {
    const token = tokens[j]!;
    if (token.text === ')') break;
    if (token.kind === 'ident') types.push(token.text);
  }
  // C#'s exception filter (`catch (Exception ex) when (ex is JsonException)`) picks some exceptions only.
  if (tokens[j + 1]?.text === 'when') return false;
  if (language === 'javascript') return true; // `catch (e)` catches everything
  if (types.length <= 1 && language === 'csharp') return types.length === 0 || types[0] === 'Exception';
  return types.some((t) => CATCH_ALL_TYPES.has(t) && t !== 'Error');
}

/** Go: `if err != nil {`, `if err := f(); err != nil {`. */
function isErrorCheck(tokens: readonly Token[], block: Block): boolean {
  for (let j = block.head + 1; j < block.start - 1; j++) {
    if (tokens[j]!.kind === 'ident' && /^err/i.test(tokens[j]!.text) && tokens[j + 1]?.text === '!=' && tokens[j + 2]?.text === 'nil') {
      return tokens[j + 3]?.text === '{' || tokens[j + 3]?.text === '&&' || tokens[j + 3]?.text === '||';
    }
  }
  return false;
}
