package dev.leadstream.scoring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadstream.scoring.model.LeadScorer;
import dev.leadstream.scoring.normalise.SectorTaxonomy;
import dev.leadstream.scoring.streams.ScoringTopology;
import dev.leadstream.topics.CloudEvents;
import dev.leadstream.topics.DeadLetters;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.FieldValue;
import dev.leadstream.topics.event.Firmographics;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.RawLead;
import dev.leadstream.topics.event.ScoredLead;
import dev.leadstream.topics.event.ScoringModel;
import dev.leadstream.topics.streams.DeadLetterProcessingHandler;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class ScoringTopologyTest {

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestInputTopic<String, ScoringModel> models;
    private TestOutputTopic<String, ScoredLead> scored;
    private TestOutputTopic<String, byte[]> dlq;

    @BeforeEach
    void start() {
        driver = newDriver();
    }

    private TopologyTestDriver newDriver() {
        return newDriver(Leads.scorer());
    }

    private TopologyTestDriver newDriver(LeadScorer scorer) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "scoring-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        // as application.properties configures the app
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class.getName());
        props.put(DeadLetterProcessingHandler.AGENT_CONFIG, "scoring-stream");
        TopologyTestDriver d = new TopologyTestDriver(ScoringTopology.build(scorer), props);
        raw = d.createInputTopic(Topics.RAW_LEADS.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        models = d.createInputTopic(Topics.SCORING_MODEL.name(), Serdes.String().serializer(),
                Topics.SCORING_MODEL.valueSerde().serializer());
        scored = d.createOutputTopic(Topics.SCORED_LEADS.name(), Serdes.String().deserializer(),
                Topics.SCORED_LEADS.valueSerde().deserializer());
        dlq = d.createOutputTopic(Topics.RAW_LEADS.dlq(), Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
        return d;
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void duplicatePagesOfOneBusinessBecomeOneLeadWithMergedFieldsAndTheirEvidence() {
        send(Leads.page("rose.test", "https://rose.test/", "Rose Bakery", null, null));
        send(Leads.page("rose.test", "https://rose.test/contact", null, "hello@rose.test", "+441134960001"));
        send(Leads.page("rose.test", "https://rose.test/about", "Rose Bakery", "hello@rose.test", null));

        Map<String, ScoredLead> table = scored.readKeyValuesToMap();
        assertThat(table).containsOnlyKeys("rose.test");
        ScoredLead lead = table.get("rose.test");
        assertThat(lead.name()).isEqualTo("Rose Bakery");
        assertThat(lead.emails()).containsExactly("hello@rose.test");
        assertThat(lead.phones()).containsExactly("+441134960001");
        assertThat(lead.sourceUrls()).containsExactly("https://rose.test/", "https://rose.test/contact", "https://rose.test/about");
        assertThat(lead.evidence().get("emails")).extracting(FieldValue::sourceUrl)
                .containsExactly("https://rose.test/contact", "https://rose.test/about");
        assertThat(lead.requestIds()).containsExactly("req-1");
    }

    @Test
    void theFoundingYearAndOpeningHoursTravelAsEvidenceForEnrichment() {
        send(Leads.lead("mill.test").name("Mill Bakery", "json-ld", 0.95).foundingYear("1987")
                .openingHours("Mo-Fr 07:00-17:00").openingHours("Sa 08:00-13:00").build());
        ScoredLead lead = scored.readKeyValuesToMap().get("mill.test");
        assertThat(lead.evidence().get("foundingYear")).extracting(FieldValue::value, FieldValue::sourceUrl)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1987", "https://mill.test/"));
        assertThat(lead.evidence().get("openingHours")).extracting(FieldValue::value)
                .containsExactly("Mo-Fr 07:00-17:00", "Sa 08:00-13:00");
    }

    @Test
    void theHomePagesMakeUpFromTheNewestCrawlTravelsForEnrichment() {
        send(Leads.lead("elm.test").name("Elm", "json-ld", 0.9).fetchedAt("2026-11-02T10:00:00Z").site("WordPress 6.5").build());
        send(Leads.lead("elm.test").name("Elm", "json-ld", 0.9).fetchedAt("2026-11-03T10:00:00Z").site("WordPress 6.6").build());
        // a listing without a crawl, and an older crawl arriving late, leave the newest make-up in place
        send(Leads.lead("elm.test").name("Elm", "json-ld", 0.9).fetchedAt("2026-11-04T10:00:00Z").build());
        send(Leads.lead("elm.test").name("Elm", "json-ld", 0.9).fetchedAt("2026-10-01T10:00:00Z").site("Wix.com").build());

        assertThat(scored.readKeyValuesToMap().get("elm.test").site().generator()).isEqualTo("WordPress 6.6");
    }

    @Test
    void whatTheNewestCrawlStatesAboutSizeReplacesWhatAnOlderOneStatedAndTheRestIsKept() {
        String team = "https://elm.test/team";
        send(Leads.lead("elm.test").name("Elm", "json-ld", 0.9).fetchedAt("2026-11-02T10:00:00Z")
                .firmographics(new Firmographics(FieldValue.of("££", "https://elm.test/", "json-ld", 0.95), List.of(),
                        null, FieldValue.of("5", team, "microdata", 0.9), null)).build());
        send(Leads.lead("elm.test").name("Elm", "json-ld", 0.9).fetchedAt("2026-11-03T10:00:00Z")
                .firmographics(new Firmographics(null, List.of(), null, FieldValue.of("6", team, "microdata", 0.9), null)).build());
        // an older crawl arriving late states nothing new
        send(Leads.lead("elm.test").name("Elm", "json-ld", 0.9).fetchedAt("2026-10-01T10:00:00Z")
                .firmographics(new Firmographics(null, List.of(), null, FieldValue.of("3", team, "microdata", 0.9), null)).build());

        Map<String, List<FieldValue>> evidence = scored.readKeyValuesToMap().get("elm.test").evidence();
        assertThat(evidence.get("teamSize")).extracting(FieldValue::value).containsExactly("6");
        assertThat(evidence.get("priceRange")).extracting(FieldValue::value).containsExactly("££");
    }

    @Test
    void aMoreConfidentValueWinsATieGoesToTheNewerPageAndEveryChangeIsKept() {
        send(Leads.lead("oak.test").name("Oak", "title", 0.5).fetchedAt("2026-11-01T10:00:00Z").build());
        send(Leads.lead("oak.test").name("Oak Dental Care", "json-ld", 0.95).fetchedAt("2026-11-02T10:00:00Z").build());
        send(Leads.lead("oak.test").name("OAK DENTAL", "opengraph", 0.7).fetchedAt("2026-11-03T10:00:00Z").build());
        send(Leads.lead("oak.test").name("Oak Dental Care Ltd", "microdata", 0.95).fetchedAt("2026-11-04T10:00:00Z").build());
        // an older page arriving late does not win a tie
        send(Leads.lead("oak.test").name("Oak Dentistry", "json-ld", 0.95).fetchedAt("2026-10-01T10:00:00Z").build());

        ScoredLead lead = scored.readKeyValuesToMap().get("oak.test");
        assertThat(lead.name()).isEqualTo("Oak Dental Care Ltd");
        assertThat(lead.history()).extracting(ScoredLead.FieldChange::field, ScoredLead.FieldChange::from, ScoredLead.FieldChange::to)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("name", null, "Oak"),
                        org.assertj.core.groups.Tuple.tuple("name", "Oak", "Oak Dental Care"),
                        org.assertj.core.groups.Tuple.tuple("name", "Oak Dental Care", "Oak Dental Care Ltd"));
        assertThat(lead.evidence().get("name")).extracting(FieldValue::value)
                .containsExactly("Oak", "Oak Dental Care", "OAK DENTAL", "Oak Dental Care Ltd", "Oak Dentistry");
        assertThat(lead.updatedAt()).isEqualTo(Instant.parse("2026-11-04T10:00:00Z"));
    }

    @Test
    void fieldsAreNormalisedClassifiedAndSplit() {
        send(Leads.lead("harbour-cafe.co.uk").website("http://harbour-cafe.co.uk/")
                .name("Harbour Coffee House", "json-ld", 0.95)
                .email("Info@Harbour-Cafe.co.uk").email("jane.doe@harbour-cafe.co.uk").email("hello@example.com")
                .email("not-an-email").phone("0113 496 0123").phone("12")
                .address("4 Kirkgate, Leeds LS2 7DJ").category("CafeOrCoffeeShop")
                .social("https://www.instagram.com/harbourcafe/").social("https://www.linkedin.com/company/harbour-cafe")
                .build());

        ScoredLead lead = scored.readValue();
        assertThat(lead.emails()).containsExactly("info@harbour-cafe.co.uk", "jane.doe@harbour-cafe.co.uk");
        assertThat(lead.emailDetails()).extracting(ScoredLead.Email::kind).containsExactly("role", "personal");
        assertThat(lead.phones()).containsExactly("+441134960123");
        assertThat(lead.location()).isEqualTo(new ScoredLead.Location("4 Kirkgate", "LS2 7DJ", "Leeds", null, "GB"));
        assertThat(lead.sector()).isEqualTo("cafe");
        assertThat(lead.socialHandles()).containsEntry("instagram", "harbourcafe")
                .containsEntry("linkedin", "company/harbour-cafe");
        assertThat(lead.signals().https()).isFalse();
        assertThat(lead.signals().reachable()).isTrue();
        assertThat(lead.signals().contactChannels()).isEqualTo(3);
        assertThat(lead.signals().completeness()).isEqualTo(0.88); // 7 of 8: no description
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Bäckerei Krüger|Hauptstraße 12, 50672 Köln|+49 221 4710 123|bakery|Hauptstraße 12|50672|Köln|DE",
            "Bakkerij De Eik|Molenstraat 33, Utrecht, 3517 AB|+31 30 000 0296|bakery|Molenstraat 33|3517 AB|Utrecht|NL",
            "Bloemenzaak De Linde|Stationsweg 4, 1016 AB Amsterdam|+31 20 000 0359|florist|Stationsweg 4|1016 AB|Amsterdam|NL",
            "Cabinet dentaire du Chêne|27 place du Marché, Lyon, 69006, FR|+33 4 65 71 18 52|dentist|27 place du Marché|69006|Lyon|FR"})
    void addressesAndSectorsAreReadInGermanDutchAndFrench(String name, String address, String phone, String sector,
                                                           String street, String postcode, String city, String country) {
        send(Leads.lead("x.test").name(name, "json-ld", 0.95).address(address).phone(phone).build());
        ScoredLead lead = scored.readValue();
        assertThat(lead.sector()).isEqualTo(sector);
        assertThat(lead.location()).isEqualTo(new ScoredLead.Location(street, postcode, city, null, country));
    }

    @Test
    void everyPointOfTheScoreIsExplained() {
        send(Leads.page("oak.test", "https://oak.test/", "Oak Dental", "info@oak.test", null));
        ScoredLead lead = scored.readValue();

        double explained = lead.explanation().stream().mapToDouble(ScoredLead.FeatureContribution::points).sum();
        double possible = lead.explanation().stream().mapToDouble(ScoredLead.FeatureContribution::weight).sum();
        assertThat(lead.score()).isEqualTo((int) Math.round(100 * explained / possible));
        // name 10 + email 30 + https 5 + json-ld 10 = 55 of 100
        assertThat(lead.score()).isEqualTo(55);
        assertThat(lead.tier()).isEqualTo("B");
        assertThat(lead.segment()).isEqualTo("default");
        assertThat(lead.explanation()).filteredOn(c -> c.feature().equals("has_phone"))
                .singleElement().satisfies(c -> assertThat(c.reason()).isEqualTo("no valid phone number"));
        assertThat(lead.modelVersion()).isEqualTo(LeadScorer.PRIOR_VERSION);
        assertThat(lead.provenance().model()).isEqualTo(LeadScorer.RULES_VERSION);
    }

    @Test
    void aCampaignSegmentScoresItsSectorAndPlaceAndItsKnockoutsRuleLeadsOut() {
        send(Leads.lead("rose.test").name("Rose Bakery", "json-ld", 0.95).category("Bakery").email("hello@rose.test")
                .address("1 Mill Lane, Leeds LS1 3AB").build());
        send(Leads.lead("crust.test").name("Crust Bakery", "json-ld", 0.95).category("Bakery").email("hi@crust.test")
                .address("12 Main St, Portland, OR 97201").build());
        send(Leads.lead("bun.test").name("Bun Bakery", "json-ld", 0.95).category("Bakery").phone("+441134960002")
                .address("2 Mill Lane, Leeds LS1 3AB").build());
        send(Leads.lead("ghost.test").name("Ghost Books", "json-ld", 0.95).build());

        Map<String, ScoredLead> table = scored.readKeyValuesToMap();
        ScoredLead rose = table.get("rose.test");
        assertThat(rose.segment()).isEqualTo("uk-food");
        assertThat(rose.knockouts()).isEmpty();
        assertThat(rose.explanation()).filteredOn(c -> c.feature().equals("sector_match"))
                .singleElement().satisfies(c -> assertThat(c.points()).isEqualTo(20.0));
        assertThat(rose.explanation()).filteredOn(c -> c.feature().equals("geo_match"))
                .singleElement().satisfies(c -> assertThat(c.reason()).isEqualTo("located in Leeds, GB"));

        // a bakery in Oregon is not claimed by the UK campaign: it is scored against the default profile
        assertThat(table.get("crust.test").segment()).isEqualTo("default");
        assertThat(table.get("crust.test").score()).isPositive();

        ScoredLead bun = table.get("bun.test");
        assertThat(bun.segment()).isEqualTo("uk-food");
        assertThat(bun.score()).isZero();
        assertThat(bun.tier()).isEqualTo("D");
        assertThat(bun.knockouts()).containsExactly("missing-required-channel: no email");

        assertThat(table.get("ghost.test").knockouts()).containsExactly("no-contact: no valid email address or phone number");
        assertThat(table.get("ghost.test").score()).isZero();
    }

    @Test
    void leadsWithDifferentDomainsButOnePhoneOrOneNameAndAddressAreLinkedNotDropped() {
        send(Leads.lead("rose.test").name("Rose Bakery", "json-ld", 0.95).phone("+441134960001").build());
        send(Leads.lead("rose-bakery-leeds.test").name("The Rose Bakery Ltd", "json-ld", 0.95).phone("+44 113 496 0001").build());
        send(Leads.lead("oak.test").name("Oak Dental", "json-ld", 0.95).address("3 Park Row, Leeds LS1 5AB").email("a@oak.test").build());
        send(Leads.lead("oak-dental.test").name("OAK DENTAL", "microdata", 0.9).address("3 Park Row, Leeds, LS1 5AB").email("b@oak-dental.test").build());
        send(Leads.lead("elm.test").name("Elm Florist", "json-ld", 0.95).phone("+441134960099").build());

        Map<String, ScoredLead> table = scored.readKeyValuesToMap();
        assertThat(table).hasSize(5);
        assertThat(table.get("rose.test").duplicates()).singleElement().satisfies(link -> {
            assertThat(link.leadId()).isEqualTo("rose-bakery-leeds.test");
            assertThat(link.matchedOn()).isEqualTo("phone");
            assertThat(link.reason()).isEqualTo("both list the phone number +441134960001");
        });
        assertThat(table.get("rose-bakery-leeds.test").duplicates()).extracting(ScoredLead.DuplicateLink::leadId)
                .containsExactly("rose.test");
        assertThat(table.get("oak-dental.test").duplicates()).singleElement().satisfies(link -> {
            assertThat(link.leadId()).isEqualTo("oak.test");
            assertThat(link.matchedOn()).isEqualTo("name-and-address");
            assertThat(link.reason()).isEqualTo("same name and address (oak dental at LS1 5AB)");
        });
        assertThat(table.get("elm.test").duplicates()).isEmpty();
    }

    @Test
    void aLinkGoesWhenTheSharedNameAndAddressNoLongerHold() {
        send(Leads.lead("oak.test").name("Oak Dental", "json-ld", 0.9).address("3 Park Row, Leeds LS1 5AB").email("a@oak.test").build());
        send(Leads.lead("oak-dental.test").name("Oak Dental", "json-ld", 0.9).address("3 Park Row, Leeds LS1 5AB").email("b@oak-dental.test").build());
        assertThat(scored.readKeyValuesToMap().get("oak.test").duplicates()).hasSize(1);

        // a more confident page says the second business is somewhere else
        send(Leads.lead("oak-dental.test").name("Oak Dental", "json-ld", 0.9).address("9 High Street, Sheffield S1 2AB", 0.99)
                .build());
        Map<String, ScoredLead> table = scored.readKeyValuesToMap();
        assertThat(table.get("oak.test").duplicates()).isEmpty();
        assertThat(table.get("oak-dental.test").duplicates()).isEmpty();
    }

    @Test
    void aNewScoringModelReScoresTheLeadsOfItsSegmentFromTheStore() {
        send(Leads.page("oak.test", "https://oak.test/", "Oak Dental", "info@oak.test", null));
        send(Leads.lead("rose.test").name("Rose Bakery", "json-ld", 0.95).category("Bakery").email("hello@rose.test").build());
        Map<String, ScoredLead> before = scored.readKeyValuesToMap();
        assertThat(before.get("oak.test").score()).isEqualTo(55);

        models.pipeInput("default", new ScoringModel("default", "learned-7", Map.of("has_email", 90.0, "has_phone", 0.0), 40,
                Instant.parse("2026-11-05T00:00:00Z"), Provenance.of("feedback-stream", "1", null)));
        driver.advanceWallClockTime(Duration.ofSeconds(2));

        List<TestRecord<String, ScoredLead>> rescored = scored.readRecordsToList();
        assertThat(rescored).extracting(TestRecord::key).containsExactly("oak.test"); // rose.test is in uk-food
        ScoredLead oak = rescored.getFirst().value();
        assertThat(oak.modelVersion()).isEqualTo("learned-7");
        assertThat(oak.explanation()).filteredOn(c -> c.feature().equals("has_email"))
                .singleElement().satisfies(c -> assertThat(c.weight()).isEqualTo(60.0));
        assertThat(oak.score()).isGreaterThan(55);

        driver.advanceWallClockTime(Duration.ofSeconds(2));
        assertThat(scored.isEmpty()).as("an applied model is not applied again").isTrue();
    }

    @Test
    void replayingTheSameRecordsGivesTheSameTable() {
        List<RawLead> input = List.of(
                Leads.page("rose.test", "https://rose.test/", "Rose Bakery", null, "+441134960001"),
                Leads.lead("rose-leeds.test").name("Rose Bakery", "json-ld", 0.9).phone("+441134960001").build(),
                Leads.page("rose.test", "https://rose.test/contact", null, "hello@rose.test", null),
                Leads.lead("oak.test").name("Oak Dental", "json-ld", 0.95).address("3 Park Row, Leeds LS1 5AB").build());
        input.forEach(this::send);
        Map<String, String> first = tableAsJson();

        driver.close();
        driver = newDriver();
        input.forEach(this::send);
        assertThat(tableAsJson()).isEqualTo(first);
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndTheStreamFlowsOn() {
        raw.pipeInput("bad", "{oops".getBytes(StandardCharsets.UTF_8));
        send(Leads.page("rose.test", "https://rose.test/", "Rose Bakery", null, null));

        TestRecord<String, byte[]> dead = dlq.readRecord();
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{oops");
        assertThat(CloudEvents.value(dead.headers(), DeadLetters.REASON)).contains("not a valid RawLead");
        assertThat(CloudEvents.value(dead.headers(), DeadLetters.SOURCE_TOPIC)).isEqualTo(Topics.RAW_LEADS.name());
        assertThat(scored.readKeyValuesToMap()).containsOnlyKeys("rose.test");
    }

    @Test
    void aLeadWithoutAnIdGoesToTheDeadLetterTopicWithTheReason() {
        raw.pipeInput("nameless.test", Topics.RAW_LEADS.valueSerde().serializer().serialize(Topics.RAW_LEADS.name(),
                Leads.page(" \u00a0", "https://nameless.test/", "Nameless", "a@nameless.test", null)));
        TestRecord<String, byte[]> dead = dlq.readRecord();
        assertThat(CloudEvents.value(dead.headers(), DeadLetters.REASON)).contains("leadId is blank");
        assertThat(scored.isEmpty()).isTrue();
    }

    @Test
    void recordsWithoutAKeyAreDeadLetteredNotDroppedByTheGrouping() {
        byte[] lead = Topics.RAW_LEADS.valueSerde().serializer().serialize(Topics.RAW_LEADS.name(),
                Leads.page("rose.test", "https://rose.test/", "Rose Bakery", null, null));
        raw.pipeInput(null, lead);
        raw.pipeInput("", lead);
        raw.pipeInput(" ", lead);

        List<TestRecord<String, byte[]>> dead = dlq.readRecordsToList();
        assertThat(dead).hasSize(3).allSatisfy(d -> {
            assertThat(CloudEvents.value(d.headers(), DeadLetters.REASON)).isEqualTo("record without a key");
            assertThat(CloudEvents.value(d.headers(), DeadLetters.AGENT)).isEqualTo("scoring-stream");
            assertThat(d.value()).isEqualTo(lead);
        });
        assertThat(scored.isEmpty()).isTrue();
    }

    @Test
    void aValueThatIsNotUtf8IsDeadLetteredNotReadAsAnotherLead() {
        byte[] lead = EventJson.toBytes(Leads.page("rose.test", "https://rose.test/", "Rose Bakery", null, null));
        byte[] corrupted = java.util.Arrays.copyOf(lead, lead.length);
        int at = new String(lead, StandardCharsets.UTF_8).indexOf("rose.test");
        corrupted[at] = (byte) 0xC3;
        corrupted[at + 1] = (byte) 0x28;
        raw.pipeInput("rose.test", corrupted);

        TestRecord<String, byte[]> dead = dlq.readRecord();
        assertThat(CloudEvents.value(dead.headers(), DeadLetters.REASON)).isEqualTo("value is not valid UTF-8 (at byte " + at + ")");
        assertThat(dead.value()).isEqualTo(corrupted);
        assertThat(scored.isEmpty()).isTrue();
    }

    @Test
    void aValueLargerThanAStreamTakesIsDeadLetteredWithItsSize() {
        byte[] big = EventJson.toBytes(Leads.lead("big.test").name("x".repeat(600_000), "json-ld", 0.9).build());
        raw.pipeInput("big.test", big);

        TestRecord<String, byte[]> dead = dlq.readRecord();
        assertThat(CloudEvents.value(dead.headers(), DeadLetters.REASON)).contains(big.length + " bytes is larger than");
        assertThat(dead.value()).isEqualTo(big);
        assertThat(scored.isEmpty()).isTrue();
    }

    @Test
    void aScorerBugDeadLettersTheLeadItFailedOnOnceAndTheNextLeadIsScored() {
        driver.close();
        driver = newDriver(new LeadScorer(Leads.segments(), SectorTaxonomy.standard(), 0.5, "test") {
            @Override
            public ScoredLead score(Assessment assessment, List<ScoredLead.DuplicateLink> duplicates, ScoringModel model) {
                if (assessment.lead().leadId().equals("bug.test")) {
                    throw new IllegalStateException("scorer bug on purpose");
                }
                return super.score(assessment, duplicates, model);
            }
        });
        send(Leads.page("bug.test", "https://bug.test/", "Bug Bakery", null, null));
        send(Leads.page("rose.test", "https://rose.test/", "Rose Bakery", null, null));

        List<TestRecord<String, byte[]>> dead = dlq.readRecordsToList();
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).key()).isEqualTo("bug.test");
        assertThat(EventJson.read(dead.get(0).value(), RawLead.class).leadId()).isEqualTo("bug.test");
        assertThat(CloudEvents.value(dead.get(0).headers(), DeadLetters.REASON)).isEqualTo("scorer bug on purpose");
        assertThat(CloudEvents.value(dead.get(0).headers(), DeadLetters.AGENT)).isEqualTo("scoring-stream");
        assertThat(CloudEvents.value(dead.get(0).headers(), DeadLetters.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(scored.readKeyValuesToMap()).containsOnlyKeys("rose.test");
    }

    @Test
    void aScoredLeadTooLargeForTheBrokerIsNotWrittenAndItsInputIsDeadLettered() {
        driver.close();
        driver = newDriver(new LeadScorer(Leads.segments(), SectorTaxonomy.standard(), 0.5, "test") {
            @Override
            public ScoredLead score(Assessment assessment, List<ScoredLead.DuplicateLink> duplicates, ScoringModel model) {
                ScoredLead lead = super.score(assessment, duplicates, model);
                return assessment.lead().leadId().equals("huge.test") ? withDescription(lead, "é".repeat(600_000)) : lead;
            }
        });
        send(Leads.page("huge.test", "https://huge.test/", "Huge Bakery", null, null));
        send(Leads.page("rose.test", "https://rose.test/", "Rose Bakery", null, null));

        TestRecord<String, byte[]> dead = dlq.readRecord();
        assertThat(dead.key()).isEqualTo("huge.test");
        assertThat(CloudEvents.value(dead.headers(), DeadLetters.REASON)).contains("scored-leads record of").contains("larger than");
        assertThat(dlq.isEmpty()).isTrue();
        assertThat(scored.readKeyValuesToMap()).containsOnlyKeys("rose.test");
    }

    @Test
    void theOutputCarriesItsOwnCloudEventsType() {
        send(Leads.page("rose.test", "https://rose.test/", "Rose Bakery", null, null));
        TestRecord<String, ScoredLead> record = scored.readRecord();
        assertThat(CloudEvents.value(record.headers(), CloudEvents.TYPE)).isEqualTo(Topics.SCORED_LEADS.eventType());
        assertThat(record.headers().toArray()).filteredOn(h -> h.key().equals(CloudEvents.TYPE)).hasSize(1);
        assertThat(record.headers().toArray()).filteredOn(h -> h.key().equals(CloudEvents.ID)).hasSize(1);
    }

    private static ScoredLead withDescription(ScoredLead lead, String description) {
        ObjectNode json = EventJson.MAPPER.valueToTree(lead);
        json.put("description", description);
        return EventJson.MAPPER.convertValue(json, ScoredLead.class);
    }

    private Map<String, String> tableAsJson() {
        Map<String, String> table = new TreeMap<>();
        scored.readKeyValuesToMap().forEach((k, v) -> table.put(k, EventJson.toJson(v)));
        return table;
    }

    private void send(RawLead lead) {
        TestRecord<String, byte[]> record = new TestRecord<>(lead.leadId(),
                Topics.RAW_LEADS.valueSerde().serializer().serialize(Topics.RAW_LEADS.name(), lead));
        CloudEvents.addTo(record.headers(), Topics.RAW_LEADS.eventType(), "/test");
        raw.pipeInput(record);
    }
}
