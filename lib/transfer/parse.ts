// An import's record read through its area's form schema: a record is validated like a save, with the
// same field errors.
import { z } from "zod";
import { type FieldErrors, invalid } from "../errors";

export function parseRequest<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const { fieldErrors, formErrors } = z.flattenError(parsed.error);
  throw invalid(fieldErrors as FieldErrors, formErrors[0] ?? "Some fields need attention.");
}
