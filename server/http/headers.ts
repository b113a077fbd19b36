/** Stamped by the server entry from the socket; any value a client sends is overwritten. */
export const CLIENT_IP_HEADER = "x-orrery-client-ip";
export const REQUEST_ID_HEADER = "x-request-id";
