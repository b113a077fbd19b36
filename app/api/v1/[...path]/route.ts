import { dispatch } from "@/server/api/dispatch";

// The REST API: one dispatcher over the operations in server/api/ops, which also generate the OpenAPI
// document, so what is routed and what is documented are the same list. Unknown paths answer a problem 404.
const handle = (req: Request) => dispatch(req);

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
