"use client";
import type { ComponentProps } from "react";
import { cn } from "@/lib/ui/cn";
import { Link } from "./link";
import { useHydrated } from "./use-hydrated";

const variants = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 disabled:bg-slate-300",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:text-slate-400",
  danger: "bg-red-600 text-white hover:bg-red-700 disabled:bg-slate-300",
  ghost: "text-slate-700 hover:bg-slate-100",
} as const;

export type ButtonVariant = keyof typeof variants;

const base =
  "inline-flex items-center justify-center gap-2 rounded-md px-3.5 py-2 text-sm font-medium transition-colors disabled:cursor-not-allowed";

export function Button({
  variant = "primary",
  className,
  type = "button",
  disabled,
  ...props
}: ComponentProps<"button"> & { variant?: ButtonVariant }) {
  // A button that acts through a click handler does nothing until the page is live: it waits until then.
  const hydrated = useHydrated();
  return (
    <button
      type={type}
      className={cn(base, variants[variant], className)}
      disabled={disabled || (!!props.onClick && !hydrated)}
      {...props}
    />
  );
}

export function ButtonLink({
  variant = "primary",
  className,
  ...props
}: ComponentProps<typeof Link> & { variant?: ButtonVariant }) {
  return <Link className={cn(base, variants[variant], className)} {...props} />;
}
