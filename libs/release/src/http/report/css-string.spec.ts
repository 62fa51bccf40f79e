import { toCssString } from './css-string';

describe('toCssString', () => {
  it('keeps letters, digits, spaces and Hangul; escapes the rest as hex', () => {
    expect(toCssString('12가 3456')).toBe('"12가 3456"');
    expect(toCssString('a"b\\c')).toBe('"a\\22 b\\5c c"');
    expect(toCssString('</style><script>')).toBe('"\\3c \\2f style\\3e \\3c script\\3e "');
    expect(toCssString('x\ny')).toBe('"x\\a y"');
    expect(toCssString('🚚')).toBe('"\\1f69a "');
  });
});
