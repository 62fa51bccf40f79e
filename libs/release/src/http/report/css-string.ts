/**
 * `text` as a quoted CSS string for `content:` in a style block. Every character but ASCII letters,
 * digits, spaces and Hangul syllables becomes a hex escape (`\3c `), so no quote, backslash,
 * newline or `</style>` can end the string or the element.
 */
export function toCssString(text: string): string {
  const body = [...text]
    .map((char) => (/^[A-Za-z0-9 \uAC00-\uD7A3]$/.test(char) ? char : `\\${char.codePointAt(0)!.toString(16)} `))
    .join('');
  return `"${body}"`;
}
