// Schemas every area shares: identifiers, versions and the text builders that keep bytes the database
// cannot store (NUL) or people cannot see (control characters, broken UTF-16) out of every field.
import { z } from "zod";

export const ZId = z.uuid("Not a valid identifier.");
export const ZVersion = z.number().int().positive();

/** A moment as /api/v1 writes it: ISO 8601 in UTC, as Date.toISOString() gives it. */
export const ZTimestamp = z.iso.datetime();

/** Deleting a versioned record names the version the user saw. */
export const ZDeleteRequest = z.object({ id: ZId, version: ZVersion });

export type TextKind = "line" | "multiline" | "secret";

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

const isControl = (unit: number) => unit <= 0x1f || (unit >= 0x7f && unit <= 0x9f);
const isLineBreak = (unit: number) =>
  unit === LINE_FEED || unit === CARRIAGE_RETURN || unit === 0x2028 || unit === 0x2029;
// Bidi embeddings, overrides and isolates make a name read differently from what it is
// (in lists and in the audit trail); free text and secrets may carry them.
const isBidiControl = (unit: number) => (unit >= 0x202a && unit <= 0x202e) || (unit >= 0x2066 && unit <= 0x2069);
const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** Which characters a kind of field refuses, besides NUL (refused everywhere). */
const REFUSES: Record<TextKind, (unit: number) => boolean> = {
  line: (unit) => isControl(unit) || isLineBreak(unit) || isBidiControl(unit),
  multiline: (unit) => isControl(unit) && unit !== TAB && unit !== LINE_FEED && unit !== CARRIAGE_RETURN,
  secret: () => false,
};

const codePoint = (unit: number) => `U+${unit.toString(16).toUpperCase().padStart(4, "0")}`;

/** Why a text cannot be stored in a field of this kind, or null when it can. */
export function textProblem(value: string, kind: TextKind): string | null {
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (isHighSurrogate(unit) && isLowSurrogate(value.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    // Half of a surrogate pair is no character, and would be stored as U+FFFD: two inputs would collide.
    if (isHighSurrogate(unit) || isLowSurrogate(unit)) {
      return "Remove the broken character (an unpaired UTF-16 surrogate).";
    }
    if (unit === 0) return "Remove the NUL character (U+0000): it cannot be stored.";
    if (!REFUSES[kind](unit)) continue;
    if (isLineBreak(unit)) return "Use a single line, without line breaks.";
    return `Remove the invisible control character (${codePoint(unit)}).`;
  }
  return null;
}

function clean(schema: z.ZodString, kind: TextKind): z.ZodString {
  return schema.superRefine((value, ctx) => {
    const problem = textProblem(value, kind);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}

interface TextOptions {
  /** The most characters the field holds. */
  max: number;
  /** The message for an empty field; without it the field may be left empty. */
  required?: string;
}

function text({ max, required }: TextOptions, kind: "line" | "multiline") {
  const trimmed = z.string().trim();
  const present = required ? trimmed.min(1, required) : trimmed;
  return clean(present.max(max, `Use at most ${max} characters.`), kind);
}

/** One line of text (names, IDs, URLs): trimmed, without control characters or line breaks. */
export const zLine = (options: TextOptions) => text(options, "line");

/** Free text over several lines (descriptions): trimmed; tab and line breaks allowed, other controls not. */
export const zMultiline = (options: TextOptions) => text(options, "multiline");

/**
 * A password or secret: used exactly as typed (not trimmed), any printable character allowed, but
 * never NUL (argon2 and the systems a secret is sent to would cut it there) or broken UTF-16.
 */
export const zSecretText = (max: number) => clean(z.string().max(max, `Use at most ${max} characters.`), "secret");
