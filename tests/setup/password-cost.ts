// Argon2id at OWASP's cost takes tens of milliseconds a hash; the suite hashes every demo person for every server it starts.
// Tests that measure the real cost unset it themselves.
process.env.YC_PASSWORD_COST ??= 'low';
