// Imports in languages MQ Lens detects clients in but reads no settings from: Ruby, PHP and Elixir. Their references
// are simple enough for a scan of the text with comments and strings blanked out:
// - Ruby: `require "bunny"`, and constants (`include Sneakers::Worker`, `Bunny.new`), since Bundler loads a Rails
//   application's gems without any require;
// - PHP: `use PhpAmqpLib\Connection\AMQPStreamConnection;`, qualified names (`new \RdKafka\Producer`) and global
//   classes (`new AMQPConnection`);
// - Elixir: module references (`AMQP.Basic.publish`, `{BroadwayRabbitMQ.Producer, …}`) and Erlang modules called as
//   atoms (`:brod.produce_sync`), since Elixir needs no import to call a module.
import { baseName } from '../paths';
import { LineIndex } from '../text';

export type ScriptLanguage = 'ruby' | 'php' | 'elixir';

const EXTENSIONS: Readonly<Record<string, ScriptLanguage>> = { rb: 'ruby', rake: 'ruby', php: 'php', ex: 'elixir', exs: 'elixir' };

export function scriptLanguageOf(fileName: string): ScriptLanguage | undefined {
  const base = baseName(fileName).toLowerCase();
  // Gemfiles, gemspecs and mix.exs are manifests, read as such.
  if (base === 'gemfile' || base === 'gems.rb' || base === 'mix.exs' || base.endsWith('.gemspec')) return undefined;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? EXTENSIONS[base.slice(dot + 1)] : undefined;
}

export interface ScriptReference {
  /** The module as written, with `::`, `/` and `\` between its parts turned into `.`. */
  module: string;
  line: number;
  /** An explicit import (`require`, `use`, `alias`) rather than a use of a name. */
  explicit: boolean;
}

/** A module name with `::` (Ruby), `\\` (PHP) and `/` (requires) between its parts written as `.`. */
export function moduleName(written: string): string {
  return written.replace(/::|[/\\]/g, '.').replace(/^\./, '');
}

/** The module references of a Ruby, PHP or Elixir file, in source order. */
export function scriptReferences(language: ScriptLanguage, text: string): ScriptReference[] {
  const masked = blank(language, text, false);
  const references: ScriptReference[] = [];
  const lines = new LineIndex(text);
  const add = (module: string, offset: number, explicit: boolean) => references.push({ module: moduleName(module), line: lines.positionAt(offset).line, explicit });
  if (language === 'ruby') {
    // The required name is a string, so it is read from the original text where the masked text has code.
    for (const match of masked.matchAll(/^[ \t]*require[ \t(]+(?=['"])/gm)) {
      const at = match.index! + match[0].length;
      const name = /^(['"])([\w./-]+)\1/.exec(text.slice(at, at + 200));
      if (name) add(name[2]!, match.index!, true);
    }
    for (const match of masked.matchAll(/(?<![\w:.@$])(?:::)?([A-Z]\w*(?:::[A-Z]\w*)*)/g)) add(match[1]!, match.index!, false);
  } else if (language === 'php') {
    for (const match of masked.matchAll(/^[ \t]*use[ \t]+(?:function[ \t]+|const[ \t]+)?\\?([A-Za-z_]\w*(?:\\\w+)*)/gm)) add(match[1]!, match.index!, true);
    for (const match of masked.matchAll(/(?<![\w\\$>:])\\?([A-Za-z_]\w*(?:\\\w+)+)/g)) add(match[1]!, match.index!, false);
    for (const match of masked.matchAll(/\bnew[ \t]+\\?([A-Z]\w*)\b(?!\\)|(?<![\w\\$>:])([A-Z]\w*)::/g)) add(match[1] ?? match[2]!, match.index!, false);
  } else {
    for (const match of masked.matchAll(/^[ \t]*(?:alias|use|import|require)[ \t]+([A-Z]\w*(?:\.[A-Z]\w*)*)/gm)) add(match[1]!, match.index!, true);
    for (const match of masked.matchAll(/(?<![\w.:@])([A-Z]\w*(?:\.[A-Z]\w*)*)/g)) add(match[1]!, match.index!, false);
    for (const match of masked.matchAll(/(?<![\w:]):([a-z]\w*)\.[a-z_]/g)) add(`:${match[1]!}`, match.index!, false);
  }
  return references.sort((a, b) => a.line - b.line);
}

/**
 * The text with comments and the insides of strings replaced by spaces (line breaks kept), so names in prose and in
 * messages are never taken for code. Ruby and Elixir comments start with `#`, PHP's with `//`, `#` or `/*`; Elixir's
 * `"""` heredocs (module docs) are strings too.
 */
export function blank(language: ScriptLanguage, text: string, keepStrings: boolean): string {
  const out = text.split('');
  const clear = (from: number, to: number) => {
    for (let k = from; k < to && k < out.length; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (language === 'elixir' && (text.startsWith('"""', i) || text.startsWith("'''", i))) {
      const end = text.indexOf(text.slice(i, i + 3), i + 3);
      const stop = end < 0 ? text.length : end + 3;
      if (!keepStrings) clear(i + 3, stop - 3);
      i = stop;
    } else if (c === '#' && !(language === 'ruby' && text[i + 1] === '{') || (language === 'php' && c === '/' && text[i + 1] === '/')) {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      clear(i, stop);
      i = stop;
    } else if (language === 'php' && c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      clear(i, stop);
      i = stop;
    } else if (c === '"' || (c === "'" && !(language === 'elixir' && /\w/.test(text[i - 1] ?? '')))) {
      let k = i + 1;
      while (k < text.length && text[k] !== c) k += text[k] === '\\' ? 2 : 1;
      if (!keepStrings) clear(i + 1, k);
      i = k + 1;
    } else {
      i++;
    }
  }
  return out.join('');
}
