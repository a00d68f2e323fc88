package dev.leadstream.local;

import dev.leadstream.local.infra.Credentials;
import dev.leadstream.local.infra.LocalPostgres;
import dev.leadstream.local.testing.PostgresTestResource;
import dev.leadstream.local.testing.SharedInfra;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalPostgresIT {

    private final LocalPostgres postgres = SharedInfra.postgres();

    @Test
    void aRealServerIsReadyForLogicalDecoding() throws Exception {
        try (Connection c = postgres.connectAsSuperuser(); ResultSet rs = c.createStatement().executeQuery("show wal_level")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("logical");
        }
    }

    @Test
    void theRoleHitlApiIsGivenOwnsItsDatabaseAndIsNoSuperuser() throws Exception {
        Map<String, String> settings = new PostgresTestResource().start();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), settings.get("quarkus.datasource.username"),
                settings.get("quarkus.datasource.password")); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    select r.rolsuper, r.rolcreaterole, pg_get_userbyid(d.datdba) = current_user
                    from pg_roles r, pg_database d where r.rolname = current_user and d.datname = current_database()""")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("superuser").isFalse();
                assertThat(rs.getBoolean(2)).as("create role").isFalse();
                assertThat(rs.getBoolean(3)).as("owns the database").isTrue();
            }
            s.execute("create table if not exists role_check (id int)");
            s.execute("drop table role_check");
            assertThatThrownBy(() -> s.execute("alter role " + Credentials.DB_RELAY + " superuser"))
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void theRelaysRoleMayReplicateAndNothingMore() throws Exception {
        try (Connection c = postgres.connectAs(Credentials.DB_RELAY);
             ResultSet rs = c.createStatement().executeQuery(
                     "select rolsuper, rolreplication from pg_roles where rolname = current_user")) {
            rs.next();
            assertThat(rs.getBoolean(1)).isFalse();
            assertThat(rs.getBoolean(2)).isTrue();
        }
    }

    @Test
    void everyRoleNeedsItsPassword() {
        for (String role : new String[] {Credentials.DB_SUPERUSER, Credentials.DB_HITL_API, Credentials.DB_RELAY}) {
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), role, "")).as(role + " without")
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), role, "postgres")).as(role + " guessed")
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        }
    }

    @Test
    void hitlApiMakesTheOutboxSlotOnceAndMayNotReplicateAfter() throws Exception {
        try (Connection c = postgres.connectAs(Credentials.DB_HITL_API); Statement s = c.createStatement()) {
            assertThat(mayReplicate(s)).as("before its migration V2").isTrue();
            // what hitl-api's V2 does
            s.execute("select pg_create_logical_replication_slot('leadstream_outbox', 'pgoutput') where not exists "
                    + "(select 1 from pg_replication_slots where slot_name = 'leadstream_outbox')");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (mayReplicate(s) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(mayReplicate(s)).as("once the slot exists").isFalse();
        }
        try (Connection c = postgres.connectAs(Credentials.DB_HITL_API); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("select pg_create_logical_replication_slot('another', 'pgoutput')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("replication role");
        }
    }

    private static boolean mayReplicate(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("select rolreplication from pg_roles where rolname = current_user")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
