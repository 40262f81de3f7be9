// The console's areas, shown to a user only when they may view at least something in them.
// Areas not built yet are not listed at all.
import {
  ArrowLeftRight,
  FileClock,
  KeyRound,
  MessageSquareText,
  MessagesSquare,
  Settings,
  ShieldCheck,
  Users,
} from "lucide-react";
import type { Actor } from "@/lib/auth/actor";
import { mayOpenArea } from "@/lib/rights/capability";
import type { ObjectType } from "@/lib/rights/catalog";

export const NAV_ITEMS = [
  { href: "/messaging-services", label: "Messaging Services", objectType: "messaging_service", icon: MessagesSquare },
  { href: "/communities", label: "Communities", objectType: "community", icon: KeyRound },
  { href: "/sms-channels", label: "SMS Channels", objectType: "sms_channel", icon: MessageSquareText },
  { href: "/users", label: "Users", objectType: "user", icon: Users },
  { href: "/roles", label: "Roles", objectType: "role", icon: ShieldCheck },
  { href: "/audit", label: "Audit", objectType: "audit", icon: FileClock },
  { href: "/settings", label: "Settings", objectType: "settings", icon: Settings },
  {
    href: "/import-export",
    label: "Import / Export",
    // Shown to whoever may view any area an export holds (lib/transfer/areas.ts).
    objectType: ["messaging_service", "user", "role", "settings"],
    icon: ArrowLeftRight,
  },
] as const satisfies readonly {
  href: string;
  label: string;
  objectType: ObjectType | readonly ObjectType[];
  icon: unknown;
}[];

export function visibleNavItems(actor: Actor) {
  return NAV_ITEMS.filter((item) => [item.objectType].flat().some((objectType) => mayOpenArea(actor, objectType)));
}
