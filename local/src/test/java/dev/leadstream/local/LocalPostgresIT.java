package dev.leadstream.local;

import dev.leadstream.local.infra.LocalPostgres;
import dev.leadstream.local.testing.SharedInfra;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

class LocalPostgresIT {

    @Test
    void aRealServerIsReadyForLogicalDecoding() throws Exception {
        LocalPostgres postgres = SharedInfra.postgres();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), LocalPostgres.USER, LocalPostgres.PASSWORD);
             ResultSet rs = c.createStatement().executeQuery("show wal_level")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("logical");
        }
    }
}
