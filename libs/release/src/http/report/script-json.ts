const ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON that can sit inside a `<script type="application/json">` element. The HTML parser ends a
 * script element at the first `</script` whatever the JSON means, and `<!--` changes how it reads
 * the rest, so `<`, `>` and `&` are written as `\u003c`, `\u003e`, `\u0026` (the same string to
 * `JSON.parse`). U+2028 and U+2029 are escaped too: older JavaScript parsers end a line on them.
 */
export function toScriptJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('Cannot embed a value JSON cannot represent');
  return json.replace(/[<>&\u2028\u2029]/g, (char) => ESCAPES[char]);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}
