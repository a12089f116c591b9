import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseProperties } from '../../src/core/parsers/properties';

const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

describe('properties parser', () => {
  it('reads key=value, key: value and key value, with exact spans', () => {
    const text = 'a=1\nb: 2\nc 3\n  d   =   four  \n';
    const { entries } = parseProperties(text);
    assert.deepEqual(entries.map((e) => [e.key, e.value]), [['a', '1'], ['b', '2'], ['c', '3'], ['d', 'four  ']]);
    assert.deepEqual(entries.map((e) => slice(text, e.keySpan)), ['a', 'b', 'c', 'd']);
    // The value span stops at the last non-blank character, so fixes keep trailing blanks.
    assert.deepEqual(entries.map((e) => slice(text, e.valueSpan)), ['1', '2', '3', 'four']);
  });

  it('keeps comments apart from entries, for # and ! alike', () => {
    const { entries, comments } = parseProperties('# one\n  ! two\nx=1 # not a comment\n');
    assert.deepEqual(comments.map((c) => c.text), [' one', ' two']);
    assert.deepEqual(entries.map((e) => e.value), ['1 # not a comment']);
  });

  it('joins continuation lines and drops their leading blanks', () => {
    const text = 'servers=a:9092,\\\n    b:9092\nnext=1';
    const { entries } = parseProperties(text);
    assert.equal(entries[0]!.value, 'a:9092,b:9092');
    assert.equal(slice(text, entries[0]!.valueSpan), 'a:9092,\\\n    b:9092');
    assert.equal(entries[1]!.key, 'next');
  });

  it('treats an even number of trailing backslashes as an escaped backslash, not a continuation', () => {
    const { entries } = parseProperties('path=C:\\\\\nnext=1\n');
    assert.deepEqual(entries.map((e) => [e.key, e.value]), [['path', 'C:\\'], ['next', '1']]);
  });

  it('decodes escapes in keys and values', () => {
    const { entries } = parseProperties('my\\ key=tab\\there \\u0041\nbad=\\u00zz\n');
    assert.equal(entries[0]!.key, 'my key');
    assert.equal(entries[0]!.value, 'tab\there A');
    assert.equal(entries[1]!.value, 'u00zz');
  });

  it('handles CRLF and lone CR line ends', () => {
    const { entries } = parseProperties('a=1\r\nb=2\rc=3');
    assert.deepEqual(entries.map((e) => [e.key, e.value]), [['a', '1'], ['b', '2'], ['c', '3']]);
  });

  it('accepts a key with no value and a file ending in a dangling backslash', () => {
    const text = 'flag\nlast=x\\';
    const { entries } = parseProperties(text);
    assert.deepEqual(entries.map((e) => [e.key, e.value]), [['flag', ''], ['last', 'x']]);
    assert.equal(slice(text, entries[0]!.valueSpan), '');
  });
});
