// Awaits a call that must fail with an AppError and returns it, for assertions on its code and fields.
import { AppError } from "../errors";

export async function appError(call: Promise<unknown>): Promise<AppError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("Expected an AppError, but the call succeeded.");
}
