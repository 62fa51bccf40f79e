import { readRepoFile } from './deploy-files';

/** One nginx directive: `name args...;` or `name args... { children }`. */
export interface NginxDirective {
  name: string;
  args: string[];
  children: NginxDirective[];
}

/** Splits nginx configuration text into words, quoted strings, `;`, `{` and `}`; drops comments. */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const pattern = /#[^\n]*|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([;{}])|([^\s;{}"'#]+)/g;
  for (const match of text.matchAll(pattern)) {
    if (match[0].startsWith('#')) continue;
    tokens.push(match[1] ?? match[2] ?? match[3] ?? match[4]);
  }
  return tokens;
}

/** A small parser for the subset of nginx syntax a server configuration uses. */
export function parseNginx(text: string): NginxDirective[] {
  const tokens = tokenize(text);
  let position = 0;
  const block = (): NginxDirective[] => {
    const directives: NginxDirective[] = [];
    while (position < tokens.length && tokens[position] !== '}') {
      const words: string[] = [];
      while (position < tokens.length && tokens[position] !== ';' && tokens[position] !== '{') words.push(tokens[position++]);
      if (position >= tokens.length) throw new Error(`nginx config ends inside the directive "${words.join(' ')}"`);
      const [name, ...args] = words;
      if (tokens[position++] === '{') {
        directives.push({ name, args, children: block() });
        if (tokens[position++] !== '}') throw new Error(`nginx block "${name}" is not closed`);
      } else {
        directives.push({ name, args, children: [] });
      }
    }
    return directives;
  };
  const parsed = block();
  if (position < tokens.length) throw new Error('nginx config has a "}" without a block');
  return parsed;
}

export function loadNginxConfig(): NginxDirective[] {
  return parseNginx(readRepoFile('deploy/nginx.conf'));
}

export function find(directives: NginxDirective[], name: string, ...args: string[]): NginxDirective[] {
  return directives.filter((directive) => directive.name === name && args.every((arg, index) => directive.args[index] === arg));
}

/** `proxy_set_header` values of a block, by header name in lower case. */
export function proxyHeaders(location: NginxDirective): Record<string, string> {
  return Object.fromEntries(
    find(location.children, 'proxy_set_header').map((directive) => [directive.args[0].toLowerCase(), directive.args[1]]),
  );
}
