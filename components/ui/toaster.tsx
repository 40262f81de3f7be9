"use client";
// Where toasts show (bottom left): sonner's Toaster, loaded after the page (toast.ts says why).
import dynamic from "next/dynamic";

export const Toaster = dynamic(() => import("sonner").then((sonner) => sonner.Toaster), { ssr: false });
