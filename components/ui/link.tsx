// The console's links: Next's Link without prefetching. Next prefetches each link as it scrolls into view,
// and on every page view of the console that was 16–18 requests to the server (the sidebar, the header, a
// list's sort headers and pages), each costing the server most of what the page itself did, for pages the
// user mostly never opens. A click still navigates without reloading the page. biome.json keeps next/link
// out of the rest of the code.
// biome-ignore lint/style/noRestrictedImports: the one place that wraps it
import NextLink from "next/link";
import type { ComponentProps } from "react";

export function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
