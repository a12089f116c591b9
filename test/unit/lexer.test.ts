// The code tokenizer: what counts as code, string or comment in each language, exact spans, lines.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { lex, type Language, type Lexed, type Token } from '../../src/core/code/lexer';

const LANGUAGES: readonly Language[] = ['python', 'java', 'kotlin', 'scala', 'go', 'csharp', 'javascript', 'rust'];

/** Checks the invariants every lexing must keep, then returns the result. */
function lexChecked(text: string, language: Language): Lexed {
  const result = lex(text, language);
  let previousEnd = 0;
  const pieces = [...result.tokens.map((t) => ({ span: t.span, token: t as Token | undefined })), ...result.comments.map((c) => ({ span: c.span, token: undefined }))]
    .sort((a, b) => a.span.start - b.span.start);
  for (const { span, token } of pieces) {
    assert.ok(span.start >= previousEnd, `overlapping spans at ${span.start} in ${JSON.stringify(text)}`);
    assert.ok(span.end > span.start, `empty span at ${span.start} in ${JSON.stringify(text)}`);
    assert.ok(span.end <= text.length, `span past the end in ${JSON.stringify(text)}`);
    assert.ok(/^\s*$/.test(text.slice(previousEnd, span.start)), `text skipped before ${span.start} in ${JSON.stringify(text)}`);
    previousEnd = span.end;
    if (!token) continue;
    assert.equal(text.slice(token.span.start, token.span.end), token.text, 'token text is its span');
    if (token.kind === 'string') {
      const inner = token.inner!;
      assert.ok(inner.start >= token.span.start && inner.end <= token.span.end && inner.start <= inner.end, 'inner span inside the token');
      assert.equal(text.slice(inner.start, inner.end), token.value, 'string value is its inner span');
    }
  }
  assert.ok(/^\s*$/.test(text.slice(previousEnd)), `text skipped at the end of ${JSON.stringify(text)}`);
  for (const comment of result.comments) {
    const whole = text.slice(comment.span.start, comment.span.end);
    assert.ok(whole.includes(comment.text), 'comment text lies inside its span');
  }
  return result;
}

const tokensOf = (text: string, language: Language) => lexChecked(text, language).tokens;
const identsOf = (text: string, language: Language) => tokensOf(text, language).filter((t) => t.kind === 'ident').map((t) => t.text);
const stringsOf = (text: string, language: Language) => tokensOf(text, language).filter((t) => t.kind === 'string').map((t) => t.value);
const textsOf = (text: string, language: Language) => tokensOf(text, language).map((t) => t.text);
const commentsOf = (text: string, language: Language) => lexChecked(text, language).comments.map((c) => c.text);

/** Per language: code that hides the word `hidden` in every kind of comment and string it has. */
const HIDING: Record<Language, string> = {
  python: [
    '# hidden one',
    'a = "hidden" + \'hidden\' + f"hidden {x}" + rb\'hidden\' + R"hidden\\" still hidden"',
    '"""hidden',
    "'still' hidden \"\"\"",
    'b = \'\'\'hidden "quotes" \'\' hidden\'\'\'  # hidden',
    'c = u"hidden" // 2',
  ].join('\n'),
  java: [
    '// hidden',
    '/* hidden',
    '   hidden */ String a = "hidden \\" hidden";',
    'char q = \'"\'; char e = \'\\\'\';',
    'String b = """',
    '    hidden "quoted" \\""" hidden',
    '    """;',
    '/** hidden javadoc */ int c = 1;',
  ].join('\n'),
  kotlin: [
    '// hidden',
    '/* hidden /* nested hidden */ hidden */ val a = "hidden ${x} hidden"',
    'val b = """hidden "q" $y hidden"""',
    "val c = 'h'",
    'val d = "${m["hidden"]} hidden"',
  ].join('\n'),
  scala: [
    '// hidden',
    '/* hidden /* nested hidden */ hidden */ val a = s"hidden ${x} hidden"',
    'val b = """hidden "q" hidden"""',
    "val c = 'h'; val d = '\\u0041'",
    'val e = s"${m("hidden")} hidden"',
  ].join('\n'),
  go: [
    '// hidden',
    '/* hidden */ a := "hidden \\" hidden"',
    'b := `hidden \\` c := 1',
    'd := `hidden',
    'hidden "hidden"`',
    "r := 'h'",
  ].join('\n'),
  csharp: [
    '// hidden',
    '/* hidden */ var a = "hidden \\" hidden";',
    'var b = @"hidden ""hidden"" \\";',
    'var c = $"hidden {x} {{hidden}} {d["hidden"]}";',
    'var d = $@"hidden {x} ""hidden""";',
    'var e = """',
    '    hidden "hidden" ""hidden""',
    '    """;',
    'var f = $"""{x} hidden "hidden" """;',
    "char g = 'h';",
  ].join('\n'),
  javascript: [
    '// hidden',
    '/* hidden */ const a = "hidden \\" hidden" + \'hidden\';',
    'const b = `hidden ${x} hidden',
    'hidden ${`hidden ${y} hidden`} hidden`;',
    "const c = /hidden'[/]hidden/gi.test(s);",
    'const d = a / b / c; // hidden',
  ].join('\n'),
  rust: [
    '// hidden',
    '/* hidden /* nested hidden */ hidden */ let a = "hidden \\" hidden";',
    'let b = r#"hidden "hidden" hidden"#;',
    'let c = b"hidden"; let d = br"hidden\\";',
    "let e = 'h'; let f = '\\u{1F600}'; let g = '\\x41';",
    "fn h<'a>(x: &'a str) -> &'a str { x }",
  ].join('\n'),
};

describe('lexer: comments and strings never yield code', () => {
  for (const language of LANGUAGES) {
    it(`${language}: no identifier comes from inside a comment or a string`, () => {
      const idents = identsOf(HIDING[language], language);
      assert.ok(!idents.includes('hidden'), `${language} leaked: ${idents.join(' ')}`);
      assert.ok(!idents.includes('still') && !idents.includes('nested') && !idents.includes('quoted'), `${language} leaked: ${idents.join(' ')}`);
    });
  }

  it('python: exactly the code identifiers survive', () => {
    assert.deepEqual(identsOf(HIDING.python, 'python'), ['a', 'b', 'c']);
  });

  it('javascript: exactly the code identifiers survive', () => {
    assert.deepEqual(identsOf(HIDING.javascript, 'javascript'), ['const', 'a', 'const', 'b', 'const', 'c', 'test', 's', 'const', 'd', 'a', 'b', 'c']);
  });

  it('rust: lifetimes stay code, chars are strings', () => {
    assert.deepEqual(identsOf(HIDING.rust, 'rust'), ['let', 'a', 'let', 'b', 'let', 'c', 'let', 'd', 'let', 'e', 'let', 'f', 'let', 'g', 'fn', 'h', 'a', 'x', 'a', 'str', 'a', 'str', 'x']);
  });

  it('hash starts a comment only in Python, // only outside Python', () => {
    assert.deepEqual(commentsOf('a # b\nc // d', 'python'), [' b']);
    assert.deepEqual(identsOf('a # b\nc // d', 'python'), ['a', 'c', 'd']);
    assert.deepEqual(commentsOf('a # b\nc // d', 'go'), [' d']);
    assert.deepEqual(identsOf('a # b\nc // d', 'go'), ['a', 'b', 'c']);
  });
});

describe('lexer: Python strings', () => {
  it('reads every prefix, in either case, as part of the string', () => {
    for (const prefix of ['r', 'R', 'b', 'B', 'u', 'U', 'f', 'F', 'rb', 'Rb', 'bR', 'br', 'fr', 'rf', 'Fr', 'rF']) {
      const text = `x = ${prefix}'v' + y`;
      const tokens = tokensOf(text, 'python');
      assert.deepEqual(tokens.map((t) => t.text), ['x', '=', `${prefix}'v'`, '+', 'y'], prefix);
      assert.equal(tokens[2]!.value, 'v', prefix);
    }
  });

  it('does not take the end of an identifier for a prefix', () => {
    assert.deepEqual(textsOf('bar"x"', 'python'), ['bar', '"x"']);
    assert.deepEqual(textsOf('if"x"', 'python'), ['if', '"x"']);
  });

  it('keeps quotes inside triple-quoted strings', () => {
    const text = `s = """He said "hi" and ""twice"" """ + '''it's '' fine''' + t`;
    assert.deepEqual(stringsOf(text, 'python'), [`He said "hi" and ""twice"" `, "it's '' fine"]);
    assert.deepEqual(identsOf(text, 'python'), ['s', 't']);
  });

  it('lets an escaped quote not close a string, raw or not', () => {
    assert.deepEqual(stringsOf(String.raw`a = "x\"y" + 'p\'q'`, 'python'), [String.raw`x\"y`, String.raw`p\'q`]);
    // In a raw string the backslash stays, but the quote after it still does not end the string.
    assert.deepEqual(textsOf(String.raw`a = r"x\"y" + z`, 'python'), ['a', '=', String.raw`r"x\"y"`, '+', 'z']);
    assert.deepEqual(textsOf(String.raw`p = re.compile(r'\'(.*)\'')`, 'python'), ['p', '=', 're', '.', 'compile', '(', String.raw`r'\'(.*)\''`, ')']);
    assert.deepEqual(textsOf(String.raw`a = r'\\' + b`, 'python'), ['a', '=', String.raw`r'\\'`, '+', 'b']);
  });

  it('steps over strings inside f-string holes', () => {
    assert.deepEqual(textsOf(`x = f"{d["k"]} {{lit}} {y:{w}}" + z`, 'python'), ['x', '=', `f"{d["k"]} {{lit}} {y:{w}}"`, '+', 'z']);
    assert.deepEqual(textsOf(`x = f'{a!r:>10}' + z`, 'python'), ['x', '=', `f'{a!r:>10}'`, '+', 'z']);
  });

  it('continues a single-quoted string over an escaped line break, LF or CRLF', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = `x = "ab\\${eol}cd"${eol}y = 1`;
      const tokens = tokensOf(text, 'python');
      assert.deepEqual(tokens.map((t) => t.kind), ['ident', 'punct', 'string', 'ident', 'punct', 'number'], JSON.stringify(eol));
      assert.equal(tokens[3]!.line, 3);
    }
  });
});

describe('lexer: C# strings', () => {
  it('reads verbatim strings with doubled quotes and backslashes', () => {
    const tokens = tokensOf('var s = @"a""b\\"; x', 'csharp');
    assert.deepEqual(tokens.map((t) => t.text), ['var', 's', '=', '@"a""b\\"', ';', 'x']);
    assert.equal(tokens[3]!.value, 'a""b\\');
  });

  it('reads interpolated strings, holes with strings in them included', () => {
    assert.deepEqual(textsOf('var s = $"{x}"; y', 'csharp'), ['var', 's', '=', '$"{x}"', ';', 'y']);
    assert.deepEqual(textsOf('var s = $"{d["k"]} {{lit}} {f("a")}"; y', 'csharp'), ['var', 's', '=', '$"{d["k"]} {{lit}} {f("a")}"', ';', 'y']);
    assert.deepEqual(textsOf('var s = $@"{d["k"]} ""q"""; y', 'csharp'), ['var', 's', '=', '$@"{d["k"]} ""q"""', ';', 'y']);
    assert.deepEqual(textsOf('var s = @$"{x}\\"; y', 'csharp'), ['var', 's', '=', '@$"{x}\\"', ';', 'y']);
  });

  it('reads raw string literals, interpolated or not, over several lines', () => {
    const raw = 'var s = """\n  a "quoted" ""pair""\n  """;\nint y;';
    assert.deepEqual(textsOf(raw, 'csharp'), ['var', 's', '=', '"""\n  a "quoted" ""pair""\n  """', ';', 'int', 'y', ';']);
    const interpolated = 'var s = $"""\n  {x} "quoted"\n  """;\nint y;';
    assert.deepEqual(identsOf(interpolated, 'csharp'), ['var', 's', 'int', 'y']);
    const dollars = 'var s = $$""""\n  {{x}} """three""" \n  """";\nint y;';
    assert.deepEqual(identsOf(dollars, 'csharp'), ['var', 's', 'int', 'y']);
    assert.equal(tokensOf(dollars, 'csharp').find((t) => t.text === 'int')!.line, 4);
  });

  it('reads chars', () => {
    assert.deepEqual(textsOf("char c = '\\''; char d = '\"';", 'csharp'), ['char', 'c', '=', "'\\''", ';', 'char', 'd', '=', "'\"'", ';']);
  });
});

describe('lexer: JVM strings', () => {
  it('reads Java text blocks with quotes and escaped triple quotes', () => {
    const text = 'String s = """\n    a "q" \\""" b\n    """; int x;';
    const tokens = tokensOf(text, 'java');
    assert.deepEqual(tokens.map((t) => t.text), ['String', 's', '=', '"""\n    a "q" \\""" b\n    """', ';', 'int', 'x', ';']);
    assert.equal(tokens[3]!.value, '\n    a "q" \\""" b\n    ');
    assert.equal(tokens[5]!.line, 3);
  });

  it('reads Kotlin raw strings without escapes, and template holes with strings', () => {
    assert.deepEqual(textsOf('val s = """C:\\dir\\""" + t', 'kotlin'), ['val', 's', '=', '"""C:\\dir\\"""', '+', 't']);
    assert.deepEqual(textsOf('val x = "${m["k"]} $y"; z', 'kotlin'), ['val', 'x', '=', '"${m["k"]} $y"', ';', 'z']);
  });

  it('tells Scala chars from symbols', () => {
    assert.deepEqual(textsOf("val c = 'c'; val s = 'sym; val u = '\\u0041'", 'scala'), ['val', 'c', '=', "'c'", ';', 'val', 's', '=', "'", 'sym', ';', 'val', 'u', '=', "'\\u0041'"]);
  });

  it('steps over strings in Scala interpolator holes only', () => {
    assert.deepEqual(textsOf('val x = s"${m("k")}" + y', 'scala'), ['val', 'x', '=', 's', '"${m("k")}"', '+', 'y']);
  });
});

describe('lexer: JavaScript and TypeScript', () => {
  it('reads a / b / c as two divisions', () => {
    assert.deepEqual(tokensOf('a / b / c', 'javascript').map((t) => `${t.kind}:${t.text}`), ['ident:a', 'punct:/', 'ident:b', 'punct:/', 'ident:c']);
    assert.deepEqual(textsOf('(a + b) / 2 / c', 'javascript'), ['(', 'a', '+', 'b', ')', '/', '2', '/', 'c']);
    assert.deepEqual(textsOf('x[1] / 2 / y', 'javascript'), ['x', '[', '1', ']', '/', '2', '/', 'y']);
    assert.deepEqual(textsOf('x = a++ / 2; y = 1 / 3', 'javascript'), ['x', '=', 'a', '+', '+', '/', '2', ';', 'y', '=', '1', '/', '3']);
    assert.deepEqual(textsOf("n = 'a' / 2 / 'b'", 'javascript'), ['n', '=', "'a'", '/', '2', '/', "'b'"]);
  });

  it('reads a regex where an operand is expected', () => {
    const tokens = tokensOf("x = /'/.test(s)", 'javascript');
    assert.deepEqual(tokens.map((t) => t.text), ['x', '=', "/'/", '.', 'test', '(', 's', ')']);
    assert.equal(tokens[2]!.kind, 'string');
    assert.equal(tokens[2]!.value, "'");
    assert.deepEqual(textsOf('return /ab[/]c\\/d/gi.test(s)', 'javascript'), ['return', '/ab[/]c\\/d/gi', '.', 'test', '(', 's', ')']);
    assert.deepEqual(textsOf('f(/"/, 1)', 'javascript'), ['f', '(', '/"/', ',', '1', ')']);
    assert.deepEqual(textsOf('ok = a && /x/.test(b)', 'javascript'), ['ok', '=', 'a', '&&', '/x/', '.', 'test', '(', 'b', ')']);
    assert.deepEqual(textsOf('/^#/.test(line)', 'javascript'), ['/^#/', '.', 'test', '(', 'line', ')']);
    assert.deepEqual(textsOf("throw /'/", 'javascript'), ['throw', "/'/"]);
  });

  it('falls back to a division when no regex closes on the line', () => {
    assert.deepEqual(textsOf('x = /never closed\ny', 'javascript'), ['x', '=', '/', 'never', 'closed', 'y']);
  });

  it('reads template literals over several lines, with holes and nested templates', () => {
    const text = 'const t = `line ${a}\nline ${`inner ${"x"}`} ${ {k: 1}.k }\nend`; after';
    const tokens = tokensOf(text, 'javascript');
    assert.deepEqual(tokens.map((t) => t.text), ['const', 't', '=', '`line ${a}\nline ${`inner ${"x"}`} ${ {k: 1}.k }\nend`', ';', 'after']);
    assert.equal(tokens[3]!.line, 1);
    assert.equal(tokens[5]!.line, 3);
    assert.equal(tokens[4]!.lineStart, false, 'the token after a multi-line template is not first on its line');
  });

  it('does not treat comment markers in strings or regexes as comments', () => {
    assert.deepEqual(commentsOf('a = "http://x" + \'/*\' + f(/\\/\\//); // real', 'javascript'), [' real']);
  });
});

describe('lexer: Go strings', () => {
  it('reads raw strings with backslashes and line breaks', () => {
    const text = 's := `C:\\path\\` + y\nm := `a\n"b"\nc` + z';
    const tokens = tokensOf(text, 'go');
    assert.deepEqual(tokens.map((t) => t.text), ['s', ':=', '`C:\\path\\`', '+', 'y', 'm', ':=', '`a\n"b"\nc`', '+', 'z']);
    assert.equal(tokens[2]!.value, 'C:\\path\\');
    assert.equal(tokens[9]!.line, 4);
  });

  it('reads interpreted strings with escapes and runes', () => {
    assert.deepEqual(textsOf('s := "a\\"b"; r := \'\\\'\'', 'go'), ['s', ':=', '"a\\"b"', ';', 'r', ':=', "'\\''"]);
  });
});

describe('lexer: Rust', () => {
  it('tells lifetimes from chars', () => {
    assert.deepEqual(tokensOf("fn f<'a>(x: &'a str) -> char { 'a' }", 'rust').map((t) => `${t.kind}:${t.text}`), [
      'ident:fn', 'ident:f', 'punct:<', "punct:'", 'ident:a', 'punct:>', 'punct:(', 'ident:x', 'punct::', 'punct:&', "punct:'", 'ident:a',
      'ident:str', 'punct:)', 'punct:->', 'ident:char', 'punct:{', "string:'a'", 'punct:}',
    ]);
    assert.deepEqual(textsOf("let s: &'static str = \"x\";", 'rust'), ['let', 's', ':', '&', "'", 'static', 'str', '=', '"x"', ';']);
  });

  it('reads escaped, hex, unicode and astral chars', () => {
    for (const char of ["'\\''", "'\\n'", "'\\x41'", "'\\u{1F600}'", "'\u{1F600}'", "'\"'"]) {
      assert.deepEqual(textsOf(`let c = ${char}; x`, 'rust'), ['let', 'c', '=', char, ';', 'x'], char);
    }
  });

  it('reads raw and byte strings', () => {
    assert.deepEqual(textsOf('let s = r#"a "q" b"#; x', 'rust'), ['let', 's', '=', 'r#"a "q" b"#', ';', 'x']);
    assert.deepEqual(textsOf('let s = r##"a "# b"##; x', 'rust'), ['let', 's', '=', 'r##"a "# b"##', ';', 'x']);
    assert.deepEqual(textsOf('let s = r"C:\\"; x', 'rust'), ['let', 's', '=', 'r"C:\\"', ';', 'x']);
    assert.deepEqual(textsOf('let s = b"by"; let c = b\'c\'; let r = br"\\"; x', 'rust'), ['let', 's', '=', 'b"by"', ';', 'let', 'c', '=', "b'c'", ';', 'let', 'r', '=', 'br"\\"', ';', 'x']);
    assert.deepEqual(stringsOf('let s = b"by";', 'rust'), ['by']);
  });

  it('lets ordinary strings span lines', () => {
    const tokens = tokensOf('let s = "a\nb"; x', 'rust');
    assert.equal(tokens.find((t) => t.text === 'x')!.line, 2);
  });
});

describe('lexer: numbers', () => {
  it('reads ranges as two numbers around two dots (Kotlin, Rust, Scala)', () => {
    for (const language of ['kotlin', 'rust', 'scala'] as const) {
      assert.deepEqual(tokensOf('for (i in 1..2)', language).slice(-5).map((t) => `${t.kind}:${t.text}`), ['number:1', 'punct:.', 'punct:.', 'number:2', 'punct:)'], language);
    }
    assert.deepEqual(textsOf('0..=10', 'rust'), ['0', '.', '.', '=', '10']);
  });

  it('reads tuple fields as fields, and decimals and exponents as one number', () => {
    assert.deepEqual(textsOf('t.0 + t.1', 'rust'), ['t', '.', '0', '+', 't', '.', '1']);
    assert.deepEqual(textsOf('a = .5 + 1.5e-3 + 2E+4 - 3', 'python'), ['a', '=', '.5', '+', '1.5e-3', '+', '2E+4', '-', '3']);
    assert.deepEqual(textsOf('x = 0x1E-3', 'java'), ['x', '=', '0x1E', '-', '3']);
  });

  it('keeps suffixes and separators in the text and drops separators from the value', () => {
    const tokens = tokensOf('x = 1_000_000L + 0xFF + 10n', 'java');
    assert.deepEqual(tokens.filter((t) => t.kind === 'number').map((t) => [t.text, t.value]), [['1_000_000L', '1000000L'], ['0xFF', '0xFF'], ['10n', '10n']]);
  });
});

describe('lexer: comments', () => {
  it('nests block comments in Kotlin, Scala and Rust but not in Java, Go, C# or JavaScript', () => {
    for (const language of ['kotlin', 'scala', 'rust'] as const) {
      assert.deepEqual(identsOf('/* a /* b */ c */ d', language), ['d'], language);
      assert.deepEqual(commentsOf('/* a /* b */ c */ d', language), [' a /* b */ c '], language);
    }
    for (const language of ['java', 'go', 'csharp', 'javascript'] as const) {
      assert.deepEqual(identsOf('/* a /* b */ c */ d', language), ['c', 'd'], language);
    }
  });

  it('keeps comment texts without their markers', () => {
    assert.deepEqual(commentsOf('x = 1 # note\n# own', 'python'), [' note', ' own']);
    assert.deepEqual(commentsOf('x // note\n/* block\n */', 'java'), [' note', ' block\n ']);
  });

  it('tells comments on their own line from trailing ones', () => {
    const own = (text: string, language: Language) => lexChecked(text, language).comments.map((c) => c.ownLine);
    assert.deepEqual(own('# a\nx = 1  # b\n   # c', 'python'), [true, false, true]);
    assert.deepEqual(own('/* a */ x; // b\n  // c', 'java'), [true, false, true]);
    // A multi-line string ends on the comment's line, so the comment trails code.
    assert.deepEqual(own('s = """a\nb"""  # trailing', 'python'), [false]);
    assert.deepEqual(own('s = `a\nb` // trailing', 'javascript'), [false]);
  });
});

describe('lexer: lines', () => {
  it('numbers lines after multi-line strings and comments', () => {
    const text = 'a = """x\ny\nz"""\nb = 1 /* no */\n# c\n# d\nc = \'\'\'\n\'\'\'\nd';
    const lines = Object.fromEntries(tokensOf(text, 'python').filter((t) => t.kind === 'ident').map((t) => [t.text, t.line]));
    assert.deepEqual(lines, { a: 1, b: 4, no: 4, c: 7, d: 9 });
    const java = tokensOf('/* one\ntwo\nthree */ int x;\n"s"; // c\ny', 'java');
    assert.deepEqual(java.filter((t) => t.kind === 'ident').map((t) => [t.text, t.line]), [['int', 3], ['x', 3], ['y', 5]]);
  });

  it('gives a string its starting line', () => {
    const tokens = tokensOf('x = 1\ns = """a\nb"""', 'python');
    assert.equal(tokens.find((t) => t.kind === 'string')!.line, 2);
  });

  it('marks the first token of each line, not a token after a multi-line string', () => {
    const tokens = tokensOf('x = """a\nb""" + y\nz', 'python');
    assert.deepEqual(tokens.map((t) => [t.text, t.line, t.lineStart]), [
      ['x', 1, true], ['=', 1, false], ['"""a\nb"""', 1, false], ['+', 2, false], ['y', 2, false], ['z', 3, true],
    ]);
    const afterComment = tokensOf('/* a\n b */ import x', 'java');
    assert.equal(afterComment[0]!.lineStart, true, 'a comment is not a token');
  });

  it('counts CRLF once, and a lone CR as a line break', () => {
    const text = 'a\r\nb\rc\nd\r\n\r\ne';
    assert.deepEqual(tokensOf(text, 'go').map((t) => [t.text, t.line, t.lineStart]), [['a', 1, true], ['b', 2, true], ['c', 3, true], ['d', 4, true], ['e', 6, true]]);
    const crlf = 'x = 1 // note\r\n/* a\r\nb */ y = "s"\r\nz';
    const lexed = lexChecked(crlf, 'java');
    assert.deepEqual(lexed.comments.map((c) => c.text), [' note', ' a\r\nb ']);
    assert.deepEqual(lexed.tokens.filter((t) => t.kind === 'ident').map((t) => [t.text, t.line]), [['x', 1], ['y', 3], ['z', 4]]);
    assert.deepEqual(tokensOf('s = """a\r\nb"""\r\nt', 'python').map((t) => t.line), [1, 1, 1, 3]);
  });
});

describe('lexer: unterminated input', () => {
  const CASES: Array<[Language, string]> = [
    ['python', 'x = "abc'], ['python', "x = '''abc\n"], ['python', 'x = f"{a'], ['python', 'x = "abc\\'], ['python', 'x = r"'],
    ['java', 'x = "abc'], ['java', 'x = /* abc'], ['java', 'String s = """\nabc'], ['java', "c = '"], ['java', 'x = "\\'],
    ['kotlin', 'x = "${a'], ['kotlin', 'x = """abc'], ['kotlin', '/* a /* b */'],
    ['scala', 'x = s"${a'], ['scala', "x = '"], ['scala', '/* /* */'],
    ['go', 'x := `abc'], ['go', 'x := "abc'], ['go', '/*'],
    ['csharp', 'x = @"abc'], ['csharp', 'x = $"{a'], ['csharp', 'x = """'], ['csharp', 'x = $$"""\n{{'], ['csharp', 'x = @$"'],
    ['javascript', 'x = `abc ${'], ['javascript', 'x = `${`'], ['javascript', 'x = /abc'], ['javascript', 'x = "'], ['javascript', '/* a'], ['javascript', 'x = /[/'],
    ['rust', 'x = r#"abc'], ['rust', "x = '"], ['rust', 'x = b"'], ['rust', '/* /* */'], ['rust', "x = '\\u{"],
  ];

  for (const [language, text] of CASES) {
    it(`${language}: ${JSON.stringify(text)} ends without an error`, { timeout: 2000 }, () => {
      const lexed = lexChecked(text, language);
      const last = [...lexed.tokens.map((t) => t.span.end), ...lexed.comments.map((c) => c.span.end)];
      assert.ok(Math.max(0, ...last) >= text.trimEnd().length);
    });
  }

  it('ends an unterminated single-line string at its line end', () => {
    assert.deepEqual(tokensOf('x = "abc\ny = 1', 'javascript').map((t) => [t.text, t.line]), [['x', 1], ['=', 1], ['"abc', 1], ['y', 2], ['=', 2], ['1', 2]]);
    assert.deepEqual(identsOf("a = 'open\nb = 2", 'python'), ['a', 'b']);
  });
});

describe('lexer: any input', () => {
  const alphabet = fc.constantFrom(
    'a', 'b', 'r', 'f', '_', '0', '1', '.', ' ', '\n', '\r', '\r\n', '\t', '"', "'", '`', '"""', '/', '*', '/*', '*/', '//', '#', '\\', '$', '@',
    '{', '}', '(', ')', '[', ']', ',', ':', '=', '-', '+', '<', '>', 'é', '中', '\u{1F600}', 'r#"', '"#', '${',
  );
  for (const language of LANGUAGES) {
    it(`${language}: lexes without throwing, covering every non-blank character exactly once`, { timeout: 20000 }, () => {
      fc.assert(fc.property(fc.array(alphabet, { maxLength: 60 }).map((parts) => parts.join('')), (text) => {
        lexChecked(text, language);
      }), { numRuns: 400 });
    });
  }

  it('lexes every prefix of a realistic file in every language', { timeout: 20000 }, () => {
    for (const language of LANGUAGES) {
      const text = HIDING[language];
      for (let end = 0; end <= text.length; end++) lexChecked(text.slice(0, end), language);
    }
  });
});
