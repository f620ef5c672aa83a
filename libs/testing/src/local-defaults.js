// Where the integration tests find PostgreSQL when neither DATABASE_URL nor Docker says otherwise:
// the developer's or CI box's own server (trust auth, user postgres), in a database of its own.
module.exports = { LOCAL_TEST_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/ecris_test' };
