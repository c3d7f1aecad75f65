import { strict as assert } from 'assert';
import { LineIndex } from '../../../src/core/model/lines';

/** Every offset's line and character, as `line:character`. */
function positions(text: string): string[] {
  const lines = new LineIndex(text);
  return Array.from({ length: text.length + 1 }, (_, offset) => {
    const { line, character } = lines.positionAt(offset);
    return `${line}:${character}`;
  });
}

describe('line index', () => {
  it('counts lines as VS Code does, whatever ends them', () => {
    const cases: [string, number][] = [
      ['', 1],
      ['a', 1],
      ['a\n', 2],
      ['a\nb\n\nc', 4],
      ['a\r\nb\r\n', 3],
      ['a\rb\rc', 3],
      ['a\r\n\rb\nc', 4],
    ];
    for (const [text, count] of cases) assert.equal(new LineIndex(text).lineCount, count, JSON.stringify(text));
  });

  it('places every offset of a text with \\n breaks where it places it with \\r\\n breaks, line for line', () => {
    const lf = 'Resources:\n  Fn:\n    Type: X\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const lfPositions = positions(lf);
    assert.deepEqual(lfPositions.slice(0, 12), [
      '0:0',
      '0:1',
      '0:2',
      '0:3',
      '0:4',
      '0:5',
      '0:6',
      '0:7',
      '0:8',
      '0:9',
      '0:10',
      '1:0',
    ]);
    // The same characters (the \r\n pair counted as the line's end) give the same lines and characters.
    const crlfPositions = positions(crlf).filter((_, offset) => crlf[offset - 1] !== '\r' || crlf[offset] !== '\n');
    assert.deepEqual(crlfPositions, lfPositions);
  });

  it('turns a line and character back into the offset, clamped to the line', () => {
    for (const text of ['ab\ncd\n', 'ab\r\ncd\r\n', 'ab\rcd\r']) {
      const lines = new LineIndex(text);
      const breakLength = text.includes('\r\n') ? 2 : 1;
      assert.equal(lines.offsetAt({ line: 1, character: 1 }), 2 + breakLength + 1, JSON.stringify(text));
      assert.equal(lines.offsetAt({ line: 0, character: 99 }), 2 + breakLength, JSON.stringify(text));
      assert.equal(lines.offsetAt({ line: 9, character: 0 }), text.length, JSON.stringify(text));
    }
  });
});
