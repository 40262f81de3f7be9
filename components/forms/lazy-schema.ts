"use client";
// A form's schema loaded after the page rather than with it: zod and the schemas (some 32 kB gzip) stay out of
// every console page's first load (issue 10: under 180 kB). It is still the one schema the server re-checks
// with; LiveForm starts loading it once the page is idle, so a submit does not wait for it.
import { useEffect, useState } from "react";
import type { FieldValues, Resolver } from "react-hook-form";
import type * as z from "zod/v4/core";

export interface LazySchema<S extends z.$ZodType> {
  /** The schema, loaded once (a failed load is tried again on the next call). */
  load(): Promise<S>;
  /** The schema when it has loaded, for what the page renders from it. */
  loaded(): S | undefined;
}

const loaders = new Set<() => Promise<unknown>>();

/** `load`: `() => import("@/lib/<area>/schemas").then((m) => m.ZSomething)`, a chunk of its own. */
export function lazySchema<S extends z.$ZodType>(load: () => Promise<S>): LazySchema<S> {
  let loading: Promise<S> | undefined;
  let schema: S | undefined;
  const once = () => {
    loading ??= load().then(
      (loaded) => {
        schema = loaded;
        return loaded;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  loaders.add(once);
  return { load: once, loaded: () => schema };
}

/** The schema once it has loaded, for what a form shows from it; undefined before (on the server too). */
export function useLoadedSchema<S extends z.$ZodType>(schema: LazySchema<S>): S | undefined {
  const [loaded, setLoaded] = useState(schema.loaded);
  useEffect(() => {
    let mounted = true;
    schema.load().then(
      (value) => mounted && setLoaded(value),
      () => undefined,
    );
    return () => {
      mounted = false;
    };
  }, [schema]);
  return loaded;
}

const loadResolver = () => import("@hookform/resolvers/zod");

/**
 * react-hook-form's zodResolver on a schema that loads on first use: the same issues, messages and paths as
 * `zodResolver(schema)`.
 */
export function lazyZodResolver<S extends z.$ZodType<FieldValues, FieldValues>>(
  schema: LazySchema<S>,
): Resolver<z.input<S>, unknown, z.output<S>> {
  loaders.add(loadResolver);
  return async (values, context, options) => {
    const resolverModule = loadResolver();
    const loaded = await schema.load();
    const { zodResolver } = await resolverModule;
    return zodResolver(loaded)(values, context, options);
  };
}

/** Starts loading every lazy schema the page's forms use, when the browser has nothing better to do. */
export function preloadSchemas() {
  const start = () => {
    // A chunk that fails to load here is loaded again when the form needs it (and then says so).
    for (const load of loaders) load().catch(() => undefined);
  };
  if (typeof requestIdleCallback === "function") requestIdleCallback(start, { timeout: 2000 });
  else setTimeout(start, 0);
}
