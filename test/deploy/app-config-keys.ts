import * as ts from 'typescript';
import { readRepoFile } from './deploy-files';

const APP_CONFIG = 'libs/core/src/config/app-config.ts';

/** Names and default values of the `EnvironmentVariables` class, read from the source, not listed by hand. */
export function environmentVariables(): Map<string, string | undefined> {
  const file = ts.createSourceFile(APP_CONFIG, readRepoFile(APP_CONFIG), ts.ScriptTarget.ES2022, true);
  const found = new Map<string, string | undefined>();
  const visit = (node: ts.Node): void => {
    if (ts.isClassDeclaration(node) && node.name?.text === 'EnvironmentVariables') {
      for (const member of node.members) {
        if (ts.isPropertyDeclaration(member)) found.set(member.name.getText(file), member.initializer?.getText(file));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (found.size === 0) throw new Error(`no EnvironmentVariables class with properties in ${APP_CONFIG}`);
  return found;
}
