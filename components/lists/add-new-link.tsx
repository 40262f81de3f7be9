import { Plus } from "lucide-react";
import { ButtonLink } from "@/components/ui/button";

/** The list's "Add New", shown only to those who may create; the server refuses the others anyway. */
export function AddNewLink({ href, allowed }: { href: string; allowed: boolean }) {
  return allowed ? (
    <ButtonLink href={href}>
      <Plus aria-hidden className="size-4" /> Add New
    </ButtonLink>
  ) : null;
}
