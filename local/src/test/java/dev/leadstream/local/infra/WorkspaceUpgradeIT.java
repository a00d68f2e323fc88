package dev.leadstream.local.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workspace made before the database had roles: trusted connections, a password-less superuser
 * that owns hitl-api's tables. Its next start gives it passwords and hands the tables to hitl-api.
 */
class WorkspaceUpgradeIT {

    @Test
    void anOldWorkspaceGetsPasswordsAndHitlApiTakesOverWhatTheSuperuserOwned(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");
        Credentials credentials = Credentials.random();
        LocalPostgres postgres = new LocalPostgres(data, FreePorts.any(), credentials).start();
        try (Connection c = postgres.connectAsSuperuser(); Statement s = c.createStatement()) {
            // what an older launcher left: the superuser owns everything and has no password
            s.execute("create table outbox (id uuid primary key, payload jsonb)");
            s.execute("create table leads (id bigserial primary key)");
            s.execute("create function no_rewrite() returns trigger language plpgsql as $$ begin return null; end $$");
            s.execute("create publication leadstream_outbox for table outbox");
            s.execute("alter role postgres password null");
        }
        postgres.close();
        Files.writeString(data.resolve("pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 trust\n");

        LocalPostgres upgraded = new LocalPostgres(data, postgres.port(), credentials).start();
        try (Connection c = upgraded.connectAs(Credentials.DB_HITL_API); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    select count(*) filter (where pg_get_userbyid(relowner) <> current_user) from pg_class
                    where relnamespace = 'public'::regnamespace and relkind in ('r', 'S')""")) {
                rs.next();
                assertThat(rs.getInt(1)).as("tables and sequences not yet hitl-api's").isZero();
            }
            try (ResultSet rs = s.executeQuery("""
                    select pg_get_userbyid(p.proowner) = current_user, pg_get_userbyid(b.pubowner) = current_user
                    from pg_proc p, pg_publication b where p.proname = 'no_rewrite' and b.pubname = 'leadstream_outbox'""")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("function").isTrue();
                assertThat(rs.getBoolean(2)).as("publication").isTrue();
            }
            s.execute("insert into leads default values");
            s.execute("alter table outbox add column created_at timestamptz");
        }
        assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContain("trust");
        upgraded.close();
    }
}
