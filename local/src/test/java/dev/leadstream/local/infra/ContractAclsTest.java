package dev.leadstream.local.infra;

import dev.leadstream.topics.Topics;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The ACLs as made from the contract, before any broker: who may write what. */
class ContractAclsTest {

    private final List<AclBinding> acls = ContractAcls.bindings();

    @Test
    void onlyTheRelayWritesApprovalsAndDiscoveryRequests() {
        assertThat(writersOf(Topics.APPROVED.name())).containsExactly("User:outbox-relay");
        assertThat(writersOf(Topics.DISCOVERY_REQUESTS.name())).containsExactly("User:outbox-relay");
    }

    @Test
    void eachTopicIsWrittenByItsProducersAndItsDeadLettersByItsConsumersToo() {
        assertThat(writersOf(Topics.RAW_LEADS.name())).containsExactly("User:scraper-agent");
        assertThat(writersOf(Topics.SCORING_MODEL.name())).containsExactly("User:feedback-stream");
        assertThat(writersOf(Topics.APPROVED.dlq()))
                .containsExactlyInAnyOrder("User:outbox-relay", "User:persona-agent", "User:outreach-agent");
    }

    @Test
    void theRelaysDeadLettersForRowsRoutedNowhereAreAContractTopicTheTapReads() {
        assertThat(writersOf(Topics.UNROUTABLE_OUTBOX_ROWS)).containsExactly("User:outbox-relay");
        assertThat(acls).anyMatch(a -> a.pattern().resourceType() == ResourceType.TOPIC
                && a.pattern().patternType() == PatternType.LITERAL && a.pattern().name().equals(Topics.UNROUTABLE_OUTBOX_ROWS)
                && a.entry().principal().equals("User:" + Credentials.KAFKA_TAP) && a.entry().operation() == AclOperation.READ);
    }

    @Test
    void theTapWritesNothingAndNobodyButTheAdminHoldsClusterRights() {
        assertThat(acls).noneMatch(a -> a.entry().principal().equals("User:" + Credentials.KAFKA_TAP)
                && a.entry().operation() != AclOperation.READ && a.entry().operation() != AclOperation.DESCRIBE);
        assertThat(acls).noneMatch(a -> a.pattern().resourceType() == ResourceType.CLUSTER);
        assertThat(acls).noneMatch(a -> a.pattern().patternType() == PatternType.PREFIXED && a.pattern().name().isEmpty());
    }

    @Test
    void anAgentOwnsOnlyWhatIsNamedAfterIt() {
        Set<String> prefixes = acls.stream().filter(a -> a.pattern().patternType() == PatternType.PREFIXED
                        && a.entry().principal().equals("User:scoring-stream"))
                .map(a -> a.pattern().resourceType() + ":" + a.pattern().name()).collect(Collectors.toSet());
        assertThat(prefixes).containsExactlyInAnyOrder("TOPIC:scoring-stream", "GROUP:scoring-stream",
                "TRANSACTIONAL_ID:scoring-stream", "TOPIC:leadstream-scoring-stream", "GROUP:leadstream-scoring-stream",
                "TRANSACTIONAL_ID:leadstream-scoring-stream");
    }

    private Set<String> writersOf(String topic) {
        return acls.stream().filter(a -> a.pattern().resourceType() == ResourceType.TOPIC && a.pattern().name().equals(topic)
                        && a.entry().operation() == AclOperation.WRITE)
                .map(a -> a.entry().principal()).collect(Collectors.toSet());
    }
}
