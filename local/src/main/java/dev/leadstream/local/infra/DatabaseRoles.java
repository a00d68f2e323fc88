package dev.leadstream.local.infra;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may do what in the local PostgreSQL, set up by the superuser each time the server starts:
 * hitl-api's role owns the LeadStream database and its schema (so Flyway migrates as it) but is
 * no superuser; the relay's role may only replicate; the superuser has a password and nothing
 * uses it at run time. Then every connection needs a password (scram-sha-256).
 *
 * <p>Creating the outbox's logical replication slot needs the replication privilege: hitl-api's
 * migration V2 makes it right after V1 made the outbox and its publication (a slot older than its
 * publication cannot be decoded). So hitl-api's role may replicate only while that slot is
 * missing, and loses the right as soon as the slot is there ({@link #withdrawReplicationOnceTheSlotExists}).
 * Its sessions may never open a replication connection: only the relay's role may.
 */
final class DatabaseRoles {

    static final String OUTBOX_SLOT = "leadstream_outbox";

    @FunctionalInterface
    interface Connector {
        Connection connect() throws SQLException;
    }

    private final Credentials credentials;
    private final String database;

    DatabaseRoles(Credentials credentials, String database) {
        this.credentials = credentials;
        this.database = database;
    }

    /** {@code server} is the maintenance database; {@code leadstream} connects to LeadStream's as the superuser. */
    void apply(DataSource server, Connector leadstream, Path dataDir) throws SQLException, IOException {
        boolean slotMissing;
        try (Connection c = server.getConnection(); Statement s = c.createStatement()) {
            slotMissing = !slotExists(s);
            s.execute("alter role " + Credentials.DB_SUPERUSER + " password '" + password(Credentials.DB_SUPERUSER) + "'");
            role(s, Credentials.DB_HITL_API, "nosuperuser nocreatedb nocreaterole " + (slotMissing ? "replication" : "noreplication"));
            role(s, Credentials.DB_RELAY, "nosuperuser nocreatedb nocreaterole replication");
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                s.execute(rs.next() ? "alter database " + database + " owner to " + Credentials.DB_HITL_API
                        : "create database " + database + " owner " + Credentials.DB_HITL_API);
            }
        }
        try (Connection c = leadstream.connect(); Statement s = c.createStatement()) {
            handOverToHitlApi(s);
            Files.writeString(dataDir.resolve("pg_hba.conf"), """
                    # written by LeadStream: every connection needs its role's password
                    local   all          all                        scram-sha-256
                    host    all          all          127.0.0.1/32  scram-sha-256
                    host    replication  %s  127.0.0.1/32  scram-sha-256
                    """.formatted(Credentials.DB_RELAY));
            s.execute("select pg_reload_conf()");
        }
    }

    /** Whether the replication right was left to hitl-api's role for its migration V2. */
    static boolean hitlApiMayReplicate(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("select rolreplication from pg_roles where rolname = '" + Credentials.DB_HITL_API + "'")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** Takes the replication right from hitl-api's role once the outbox slot exists; true when it did (or had). */
    static boolean withdrawReplicationOnceTheSlotExists(Statement s) throws SQLException {
        if (!slotExists(s)) {
            return false;
        }
        s.execute("alter role " + Credentials.DB_HITL_API + " noreplication");
        return true;
    }

    private static boolean slotExists(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("select 1 from pg_replication_slots where slot_name = '" + OUTBOX_SLOT + "'")) {
            return rs.next();
        }
    }

    private void role(Statement s, String role, String attributes) throws SQLException {
        try (ResultSet rs = s.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
            s.execute((rs.next() ? "alter role " : "create role ") + role + " login " + attributes
                    + " password '" + password(role) + "'");
        }
    }

    /** A workspace made before the roles existed holds objects the superuser owns: hitl-api's role takes them over. */
    private static void handOverToHitlApi(Statement s) throws SQLException {
        List<String> changes = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("""
                select case c.relkind when 'v' then 'view' when 'm' then 'materialized view' else 'table' end,
                       quote_ident(c.relname)
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm')
                  and pg_get_userbyid(c.relowner) = '%s'""".formatted(Credentials.DB_SUPERUSER))) {
            while (rs.next()) {
                changes.add("alter " + rs.getString(1) + " public." + rs.getString(2));
            }
        }
        try (ResultSet rs = s.executeQuery("""
                select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where n.nspname = 'public' and pg_get_userbyid(p.proowner) = '%s'""".formatted(Credentials.DB_SUPERUSER))) {
            while (rs.next()) {
                changes.add("alter function " + rs.getString(1));
            }
        }
        try (ResultSet rs = s.executeQuery("select quote_ident(pubname) from pg_publication where pg_get_userbyid(pubowner) = '"
                + Credentials.DB_SUPERUSER + "'")) {
            while (rs.next()) {
                changes.add("alter publication " + rs.getString(1));
            }
        }
        for (String change : changes) {
            s.execute(change + " owner to " + Credentials.DB_HITL_API);
        }
        // sequences a table owns moved with it; any left are free-standing
        List<String> sequences = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("""
                select quote_ident(c.relname) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind = 'S' and pg_get_userbyid(c.relowner) = '%s'"""
                .formatted(Credentials.DB_SUPERUSER))) {
            while (rs.next()) {
                sequences.add(rs.getString(1));
            }
        }
        for (String sequence : sequences) {
            s.execute("alter sequence public." + sequence + " owner to " + Credentials.DB_HITL_API);
        }
    }

    private String password(String role) {
        return credentials.databasePassword(role);
    }
}
