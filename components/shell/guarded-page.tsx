// The one way a console page turns a refusal into the refusal page and a missing record into the 404
// page: services throw typed errors (and audit the refusal), pages let them through.
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { AppError } from "@/lib/errors";
import { Refused } from "./refused";

export function guardedPage<P>(page: (props: P) => Promise<ReactNode>): (props: P) => Promise<ReactNode> {
  return async (props: P) => {
    try {
      return await page(props);
    } catch (error) {
      if (error instanceof AppError && error.code === "forbidden") return <Refused message={error.message} />;
      if (error instanceof AppError && error.code === "not_found") notFound();
      // Anything else (Next's redirects included) goes on, to Next or to error.tsx.
      throw error;
    }
  };
}
