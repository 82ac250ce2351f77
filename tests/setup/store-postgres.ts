// The engine scenario tests, again on PostgreSQL (DATABASE_URL; each engine its own schema).
process.env.TEST_STORE = 'postgres';
