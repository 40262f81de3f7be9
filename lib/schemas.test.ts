import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { textProblem, zLine, zMultiline, zSecretText } from "./schemas";

const line = zLine({ max: 100, required: "Enter a name." });
const multiline = zMultiline({ max: 500 });
const secret = zSecretText(200);

const C0 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i));
const C1 = Array.from({ length: 0x21 }, (_, i) => String.fromCharCode(0x7f + i)); // DEL and C1
const controls = [...C0, ...C1];

/** Characters people type: letters of any script, digits, punctuation, emoji (surrogate pairs). */
const printable = fc
  .string({ unit: "grapheme", minLength: 1, maxLength: 40 })
  .filter((s) => s.trim().length > 0 && textProblem(s, "line") === null);

const messages = (schema: typeof line, value: string) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe("zLine", () => {
  it("refuses NUL with a message that names it", () => {
    expect(messages(line, "a\u0000b")).toEqual(["Remove the NUL character (U+0000): it cannot be stored."]);
  });

  it("refuses every C0 control, DEL and C1 control inside a name, whatever surrounds it", () => {
    fc.assert(
      fc.property(printable, fc.constantFrom(...controls), printable, (before, control, after) => {
        expect(line.safeParse(`${before}${control}${after}`).success).toBe(false);
      }),
    );
  });

  it("says which invisible character it found, and that a name is one line", () => {
    expect(messages(line, "a\u0007b")).toEqual(["Remove the invisible control character (U+0007)."]);
    expect(messages(line, "a\u009bb")).toEqual(["Remove the invisible control character (U+009B)."]);
    expect(messages(line, "a\nb")).toEqual(["Use a single line, without line breaks."]);
    expect(messages(line, "a\u2028b")).toEqual(["Use a single line, without line breaks."]);
    expect(messages(line, "a\u202Eb")).toEqual(["Remove the invisible control character (U+202E)."]);
  });

  it("refuses a lone surrogate, at the start, in the middle or at the end, but not a pair", () => {
    for (const value of ["\uD800abc", "ab\uDC00c", "abc\uD83D", "\uDE00\uD83D"]) {
      expect(messages(line, value), JSON.stringify(value)).toEqual([
        "Remove the broken character (an unpaired UTF-16 surrogate).",
      ]);
    }
    expect(line.parse("Night shift \uD83D\uDE00")).toBe("Night shift \uD83D\uDE00");
  });

  it("accepts printable text of any script, trimmed", () => {
    fc.assert(
      fc.property(printable, (value) => {
        expect(line.parse(` ${value}\t`)).toBe(value.trim());
      }),
    );
    expect(line.parse("Zoë Ångström 王小明 Дарья ")).toBe("Zoë Ångström 王小明 Дарья");
  });

  it("keeps the emptiness and length messages", () => {
    expect(messages(line, "   ")).toEqual(["Enter a name."]);
    expect(messages(line, "x".repeat(101))).toEqual(["Use at most 100 characters."]);
    expect(zLine({ max: 10 }).parse("")).toBe("");
  });
});

describe("zMultiline", () => {
  it("keeps line breaks and tabs but refuses NUL and the other controls", () => {
    expect(multiline.parse("First line\r\n\tsecond line")).toBe("First line\r\n\tsecond line");
    expect(messages(multiline, "a\u0000b")).toEqual(["Remove the NUL character (U+0000): it cannot be stored."]);
    for (const control of controls.filter((c) => !"\t\n\r".includes(c))) {
      expect(multiline.safeParse(`a${control}b`).success, control.charCodeAt(0).toString(16)).toBe(false);
    }
  });
});

describe("zSecretText", () => {
  it("refuses NUL and broken UTF-16, nothing else a person could type", () => {
    expect(messages(secret, "pass\u0000word")).toEqual(["Remove the NUL character (U+0000): it cannot be stored."]);
    expect(secret.safeParse("pass\uDC00word").success).toBe(false);
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (value) => {
        expect(secret.safeParse(value).success).toBe(!value.includes("\u0000"));
      }),
    );
  });

  it("keeps the secret exactly as typed, spaces included", () => {
    expect(secret.parse("  spaced \u00e9 secret  ")).toBe("  spaced \u00e9 secret  ");
  });
});
