import { readRepoFile } from './deploy-files';

/** One `.dockerignore` line: a glob anchored at the context root, `!` to let a path back in. */
export interface DockerIgnoreRule {
  pattern: RegExp;
  negated: boolean;
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/^\/+/, '')
    .replace(/\/+$/, '')
    .split(/(\*\*\/?|\*|\?)/)
    .map((part) => {
      if (part === '**/') return '(?:.*/)?';
      if (part === '**') return '.*';
      if (part === '*') return '[^/]*';
      if (part === '?') return '[^/]';
      return part.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${body}$`);
}

export function parseDockerIgnore(text: string): DockerIgnoreRule[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) =>
      line.startsWith('!') ? { pattern: globToRegExp(line.slice(1)), negated: true } : { pattern: globToRegExp(line), negated: false },
    );
}

export function loadDockerIgnore(): DockerIgnoreRule[] {
  return parseDockerIgnore(readRepoFile('.dockerignore'));
}

/**
 * Whether Docker leaves `path` (relative to the context root) out of the build context: the last
 * rule that matches the path or one of its parent folders decides, as in Docker's own matcher.
 */
export function isDockerIgnored(path: string, rules: DockerIgnoreRule[]): boolean {
  const segments = path.replace(/^\.?\/+/, '').split('/');
  const candidates = segments.map((_, index) => segments.slice(0, index + 1).join('/'));
  let ignored = false;
  for (const rule of rules) {
    if (candidates.some((candidate) => rule.pattern.test(candidate))) ignored = !rule.negated;
  }
  return ignored;
}
