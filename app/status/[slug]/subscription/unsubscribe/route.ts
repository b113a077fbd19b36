import { isAppError } from "@/server/errors";
import { unsubscribe } from "@/server/subscribers/manage";

// RFC 8058 one-click unsubscribe: mail clients POST `List-Unsubscribe=One-Click` to the URL in the
// List-Unsubscribe header. The signed token in the URL is the whole authorization; no cookie, no form.

type Props = { params: Promise<{ slug: string }> };

const text = (body: string, status: number) =>
  new Response(body, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });

export async function POST(request: Request): Promise<Response> {
  const token = new URL(request.url).searchParams.get("token");
  try {
    await unsubscribe(token);
    return text("You are unsubscribed. Nothing more will be sent to you.\n", 200);
  } catch (error) {
    if (isAppError(error)) return text(`${error.message}\n`, 404);
    throw error;
  }
}

/**
 * A person who clicked the link: the manage page, where unsubscribing is one button. A GET never
 * unsubscribes, because link scanners in mail systems fetch every link they see.
 */
export async function GET(request: Request, { params }: Props): Promise<Response> {
  const { slug } = await params;
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const to = `/status/${encodeURIComponent(slug)}/subscription?token=${encodeURIComponent(token)}&leave=1`;
  return new Response(null, { status: 303, headers: { location: to, "cache-control": "no-store" } });
}
