import { AppError } from "@/server/errors";
import { route } from "@/server/http/route";

// Any /api/v1 path no route knows answers the API's own JSON 404, never the console's HTML page.
const missing = route(async () => {
  throw new AppError("NOT_FOUND", "No such API endpoint.");
});

export { missing as GET, missing as POST, missing as PUT, missing as PATCH, missing as DELETE };
