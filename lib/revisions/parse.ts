// A revision's snapshot read back through today's form schema: a restore is validated like a save.
import { z } from "zod";
import { type FieldErrors, invalid } from "../errors";

export function parseForRestore<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const { fieldErrors, formErrors } = z.flattenError(parsed.error);
  throw invalid(
    fieldErrors as FieldErrors,
    formErrors[0] ?? "This revision does not pass today's checks; change the record by hand instead.",
  );
}

/** "role:view:*" → a right as the schemas take it. */
export function rightFromKey(key: string) {
  const [objectType, access, objectId = "*"] = key.split(":");
  return { objectType, access, objectId: objectId === "*" ? null : objectId };
}
