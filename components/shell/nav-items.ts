import type { Permission } from "@/server/auth/policy";

export type NavItem = { href: string; label: string; permission: Permission; icon: string };

// One list for the sidebar; each entry appears only for roles holding its permission.
export const NAV_ITEMS: NavItem[] = [
  {
    href: "/",
    label: "Overview",
    permission: "satellites.read",
    icon: "M3 12a9 9 0 1 0 18 0 9 9 0 0 0-18 0M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3",
  },
  {
    href: "/satellites",
    label: "Satellites",
    permission: "satellites.read",
    icon: "M4 6h16M4 12h16M4 18h16",
  },
  { href: "/rollouts", label: "Rollouts", permission: "rollouts.read", icon: "M4 17l5-5 4 4 7-8M15 8h5v5" },
  { href: "/commands", label: "Commands", permission: "commands.read", icon: "M5 7l5 5-5 5M12 17h7" },
  {
    href: "/incidents",
    label: "Incidents",
    permission: "incidents.read",
    icon: "M12 4l9 16H3zM12 10v4M12 17.5v.5",
  },
  {
    href: "/alerts",
    label: "Alerts",
    permission: "alerts.read",
    icon: "M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0",
  },
  {
    href: "/compliance",
    label: "Compliance",
    permission: "compliance.read",
    icon: "M12 3l7 3v5c0 4.4-3 8.3-7 10-4-1.7-7-5.6-7-10V6zM9 12l2 2 4-4",
  },
  { href: "/audit", label: "Audit", permission: "audit.read", icon: "M7 3h8l4 4v14H7zM10 11h6M10 15h6" },
  {
    href: "/admin",
    label: "Admin",
    permission: "users.manage",
    icon: "M12 3l8 3v6c0 4.5-3.4 8.3-8 9-4.6-.7-8-4.5-8-9V6z",
  },
];
