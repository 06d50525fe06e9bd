package kz.qujat.e2e;

import kz.qujat.testsupport.TestPostgres;

/** The multi-instance suite on the embedded PostgreSQL of the tests: runs everywhere. */
class MultiInstanceEmbeddedTest extends MultiInstanceSuite {
    @Override
    Databases databases() {
        return new Databases(TestPostgres.freshJdbcUrl(), TestPostgres.freshJdbcUrl(), null, null);
    }
}
