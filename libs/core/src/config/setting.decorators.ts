import { applyDecorators } from '@nestjs/common';
import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, Min } from 'class-validator';

/** How one property of a settings group is read from the environment. */
export interface SettingSource {
  property: string;
  variable: string;
  parse: (raw: string) => unknown;
}

const SOURCES = Symbol('setting sources');

type SettingsTarget = { [SOURCES]?: SettingSource[] };

/** The environment variable a settings property is read from; `parse` turns its text into the value. */
export function Env(variable: string, parse: (raw: string) => unknown = (raw) => raw): PropertyDecorator {
  return (target, property) => {
    const holder = target as SettingsTarget;
    const own = Object.prototype.hasOwnProperty.call(holder, SOURCES) ? holder[SOURCES]! : [];
    holder[SOURCES] = [...own, { property: String(property), variable, parse }];
  };
}

/** The settings a group class declares, in declaration order. */
export function settingSources(group: abstract new () => object): SettingSource[] {
  return (group.prototype as SettingsTarget)[SOURCES] ?? [];
}

/** Digits become a number; anything else stays text, so `IsInt` names the variable in its refusal. */
const toInt = (raw: string): unknown => (/^-?\d+$/.test(raw.trim()) ? Number(raw) : raw);

/** An integer setting within bounds. */
export function IntSetting(variable: string, min: number, max?: number): PropertyDecorator {
  return applyDecorators(Env(variable, toInt), IsInt(), Min(min), ...(max === undefined ? [] : [Max(max)]));
}

/** A five-field cron expression, evaluated in the gym's time zone. */
export function CronSetting(variable: string): PropertyDecorator {
  return applyDecorators(Env(variable), Matches(/^(\S+\s+){4}\S+$/, { message: `${variable} must be a five-field cron expression` }));
}

/** A URL of one scheme family, with an example in the refusal. */
export function UrlSetting(variable: string, pattern: RegExp, example: string): PropertyDecorator {
  return applyDecorators(Env(variable), Matches(pattern, { message: `${variable} must look like ${example}` }));
}

/** One of a fixed set of words. */
export function ChoiceSetting(variable: string, choices: readonly string[]): PropertyDecorator {
  return applyDecorators(Env(variable), IsIn(choices));
}

/** Free text; `required` refuses an empty value. */
export function TextSetting(variable: string, required = false): PropertyDecorator {
  return applyDecorators(Env(variable), required ? IsNotEmpty() : IsString());
}
