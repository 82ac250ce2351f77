// The engine scenario tests, again on SQLite (each engine its own in-memory database).
process.env.TEST_STORE = 'sqlite';
