// For pages: run a read, turning "not found" into Next's 404 and "forbidden" into a message to show.
import { notFound } from "next/navigation";
import { AppError } from "../errors";

export async function pageLoad<T>(
  read: () => Promise<T>,
): Promise<{ ok: true; data: T } | { ok: false; message: string }> {
  try {
    return { ok: true, data: await read() };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    if (error instanceof AppError && error.code === "forbidden") return { ok: false, message: error.message };
    throw error;
  }
}
