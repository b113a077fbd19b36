// Stands in for the server-only marker outside Next (scripts, tests, the server entry).
export {};
