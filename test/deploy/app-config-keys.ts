import { configVariables } from '@app/core';

/** Names and default values of every setting the app reads, from the config groups themselves. */
export function environmentVariables(): Map<string, unknown> {
  return new Map(configVariables().map(({ variable, defaultValue }) => [variable, defaultValue]));
}
