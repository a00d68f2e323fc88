package dev.leadstream.local.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialsTest {

    @Test
    void aWorkspaceKeepsItsPasswordsInAFileOnlyItsOwnerReads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secrets/credentials.properties");
        Credentials first = Credentials.readOrMake(file);
        Credentials again = Credentials.readOrMake(file);

        assertThat(again.kafkaPassword("outbox-relay")).isEqualTo(first.kafkaPassword("outbox-relay"));
        assertThat(again.databasePassword(Credentials.DB_HITL_API)).isEqualTo(first.databasePassword(Credentials.DB_HITL_API));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void everyUserAndRoleHasItsOwnPassword() {
        Credentials credentials = Credentials.random();
        assertThat(Credentials.kafkaUsers()).contains(Credentials.KAFKA_ADMIN, Credentials.KAFKA_TAP, "outbox-relay",
                "hitl-api", "scraper-agent", "scoring-stream", "enrichment-agent", "persona-agent", "outreach-agent",
                "feedback-stream");
        long distinct = Credentials.kafkaUsers().stream().map(credentials::kafkaPassword).distinct().count();
        assertThat(distinct).isEqualTo(Credentials.kafkaUsers().size());
        assertThat(credentials.databasePassword(Credentials.DB_SUPERUSER))
                .isNotEqualTo(credentials.databasePassword(Credentials.DB_HITL_API))
                .hasSizeGreaterThanOrEqualTo(32);
        assertThatThrownBy(() -> credentials.kafkaPassword("mallory")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPasswordMissingFromAnOlderFileIsAddedAndTheOthersKept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("credentials.properties");
        Files.writeString(file, "kafka.admin=kept-from-before\n");
        Credentials credentials = Credentials.readOrMake(file);
        assertThat(credentials.kafkaPassword(Credentials.KAFKA_ADMIN)).isEqualTo("kept-from-before");
        assertThat(Files.readString(file)).contains("kafka.admin=kept-from-before", "kafka.outbox-relay=", "db.hitl_api=");
    }
}
