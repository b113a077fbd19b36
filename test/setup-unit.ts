// Unit tests have no database: a child process that tries to open one is pointed at a path that cannot
// exist, so a misfiled test fails loudly instead of touching data/orrery.db.
process.env.DATABASE_URL = "file:/nonexistent/unit-tests-have-no-database.db";
process.env.NEXTAUTH_SECRET ??= "orrery-test-secret-orrery-test-secret";
