import { can, type Permission } from "@/lib/policy";
import type { Ctx } from "@/server/auth/context";
import { PageHead } from "./page-head";

function Forbidden({ permission, role }: { permission: Permission; role: string }) {
  return (
    <div className="page">
      <PageHead title="Not allowed" />
      <section className="card empty" role="alert">
        <h2>You cannot open this page</h2>
        <p>
          It needs the <code>{permission}</code> permission, which the {role} role does not have. Ask an admin
          if you need it.
        </p>
      </section>
    </div>
  );
}

/**
 * For pages: the refusal to render instead, or null when the caller may see the page. A page has no target,
 * so the role table alone decides, as `refusal` would.
 */
export function denyPage(ctx: Ctx, permission: Permission): React.ReactElement | null {
  if (ctx.actor && can(ctx.actor.role, permission)) return null;
  return <Forbidden permission={permission} role={ctx.actor?.role ?? "anonymous"} />;
}
