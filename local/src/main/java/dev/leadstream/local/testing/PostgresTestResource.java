package dev.leadstream.local.testing;

import dev.leadstream.local.infra.Credentials;
import dev.leadstream.local.infra.LocalPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the shared real PostgreSQL (logical decoding on), as hitl-api's
 * own role: it owns the schema and migrates it, and is no superuser.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        LocalPostgres postgres = SharedInfra.postgres();
        return Map.of(
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.username", Credentials.DB_HITL_API,
                "quarkus.datasource.password", postgres.credentials().databasePassword(Credentials.DB_HITL_API));
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; stopped at JVM exit
    }
}
