// Custom fields of a community and the rules their values follow: the type (string, text, choices,
// checkbox, integer, float) and an optional custom regex. Regexes run in re2js, a linear-time engine, so no
// pasted pattern can hang the server however it is written.
import { RE2JS } from "re2js";
import type { CustomFieldType } from "./custom-field-types";

export const MAX_REGEX_LENGTH = 500;

/** Why a custom regex cannot be used (RE2 syntax: no backreferences, no lookaround), or null. */
export function regexProblem(pattern: string): string | null {
  if (pattern.length > MAX_REGEX_LENGTH) return `Use at most ${MAX_REGEX_LENGTH} characters.`;
  try {
    RE2JS.compile(pattern);
    return null;
  } catch (error) {
    const detail = error instanceof Error ? error.message : "invalid pattern";
    return `This regex cannot be used: ${detail}. Patterns follow RE2 syntax (no backreferences or lookaround).`;
  }
}

/** Whether the whole value matches the pattern (a regex that only matches part of it does not accept it). */
export function matchesWhole(pattern: string, value: string): boolean {
  return RE2JS.compile(pattern).matcher(value).matches();
}

export interface FieldRule {
  type: CustomFieldType;
  choices: readonly string[];
  regex: string | null;
}

const INTEGER = /^[+-]?\d{1,15}$/;
const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const CHECKBOX = new Set(["true", "false", "1", "0"]);

/** Why a value cannot go into a field of this kind, or null when it can. */
export function valueProblem(rule: FieldRule, value: string): string | null {
  switch (rule.type) {
    case "string":
      if (value.length > 255 || /[\r\n]/.test(value)) return "not_a_string";
      break;
    case "text":
      if (value.length > 10_000) return "too_long";
      break;
    case "integer":
      if (!INTEGER.test(value)) return "not_an_integer";
      break;
    case "float":
      if (!FLOAT.test(value) || value.length > 50) return "not_a_number";
      break;
    case "checkbox":
      if (!CHECKBOX.has(value.toLowerCase())) return "not_a_checkbox_value";
      break;
    case "single_choice":
      if (!rule.choices.includes(value)) return "not_a_choice";
      break;
    case "multiple_choice":
      if (!value.split(",").every((part) => rule.choices.includes(part.trim()))) return "not_a_choice";
      break;
  }
  if (rule.regex && !matchesWhole(rule.regex, value)) return "regex_mismatch";
  return null;
}
