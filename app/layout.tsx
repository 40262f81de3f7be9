import type { Metadata } from "next";
import { connection } from "next/server";
import type { CSSProperties, ReactNode } from "react";
import { Toaster } from "@/components/ui/toaster";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Switchboard", template: "%s · Switchboard" },
  description: "Configure a contact center's messaging channels in one place.",
  icons: {
    icon: [
      { url: "/icon.svg", type: "image/svg+xml" },
      { url: "/favicon.ico", sizes: "32x32" },
    ],
  },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so that Next can put this request's CSP nonce on its scripts.
  await connection();
  return (
    <html lang="en">
      <body>
        {children}
        {/* In the sidebar's empty lower part, as wide as the sidebar: toasts cover no link or button. */}
        <Toaster position="bottom-left" offset="1rem" closeButton style={{ "--width": "13rem" } as CSSProperties} />
      </body>
    </html>
  );
}
