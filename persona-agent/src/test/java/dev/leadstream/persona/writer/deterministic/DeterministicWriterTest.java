package dev.leadstream.persona.writer.deterministic;

import dev.leadstream.persona.Fixtures;
import dev.leadstream.persona.facts.CampaignFacts;
import dev.leadstream.persona.facts.LeadFacts;
import dev.leadstream.persona.writer.Brief;
import dev.leadstream.persona.writer.PlatformLimits;
import dev.leadstream.topics.event.Campaign;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.EnrichedLead;
import dev.leadstream.topics.event.ScoredLead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DeterministicWriterTest {

    static final List<String> FIRST = List.of("Rose", "Oak", "Mill", "Corner", "Harbour", "Golden", "Little", "Old", "River", "Green");
    static final List<String> SECOND = List.of("Bakery", "Kitchen", "House", "Table", "Room");
    static final List<String> CITIES = List.of("Leeds", "York", "Köln", "Utrecht", "Lyon");
    static final List<String> SECTORS = List.of("bakery", "restaurant", "dentist", "hair-beauty", "hotel");

    private final DeterministicWriter writer = new DeterministicWriter();

    static Brief brief(ScoredLead lead, List<EnrichedLead.Signal> signals, Campaign campaign, String language, String instruction) {
        List<Draft.Fact> facts = new ArrayList<>(LeadFacts.of(lead, signals));
        facts.addAll(CampaignFacts.of(campaign, language));
        return new Brief(lead, signals, campaign, null, facts, language, instruction, null, List.of());
    }

    static Brief brief(int n, String language) {
        String leadId = "lead-" + n + ".test";
        ScoredLead lead = Fixtures.lead(leadId, FIRST.get(n % 10) + " " + SECOND.get(n / 10 % 5), SECTORS.get(n % 5),
                CITIES.get(n % 5), "We bake and cook with care, every day since 19" + (50 + n) + ".", language);
        List<EnrichedLead.Signal> signals = new ArrayList<>();
        if (n % 2 == 0) signals.add(Fixtures.hiring(1 + n % 3, leadId));
        if (n % 3 == 0) signals.add(Fixtures.rising("brunch"));
        if (n % 4 == 0) signals.add(Fixtures.technology("booking", "OpenTable", leadId));
        if (n % 5 == 0) signals.add(Fixtures.locations(2, leadId));
        return brief(lead, signals, Fixtures.campaign(), language, null);
    }

    private static Draft.Message message(List<Draft.Message> messages, String variantId) {
        return messages.stream().filter(m -> m.variantId().equals(variantId)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + variantId));
    }

    @Test
    void everyChannelAndStepGetsTwoApproachesUnderVariantIdsThatDoNotDependOnTheLead() {
        Set<String> expected = new HashSet<>();
        for (String channel : Campaign.CHANNELS) {
            for (int step = 0; step < 3; step++) {
                expected.add(channel + ":" + step + ":signal-led");
                expected.add(channel + ":" + step + ":question-led");
            }
        }
        assertThat(writer.write(brief(1, "en")).messages()).extracting(Draft.Message::variantId).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(writer.write(brief(2, "fr")).messages()).extracting(Draft.Message::variantId).containsExactlyInAnyOrderElementsOf(expected);
        Draft.Message followUp = message(writer.write(brief(1, "en")).messages(), "email:2:signal-led");
        assertThat(followUp.dayOffset()).isEqualTo(8);
    }

    @Test
    void fiftyBusinessesInFourLanguagesNeverGetTheSameEmail() {
        List<String> emails = new ArrayList<>();
        for (String language : Campaign.LANGUAGES) {
            for (int n = 0; n < 50; n++) {
                writer.write(brief(n, language)).messages().stream().filter(m -> m.channel().equals("email")).map(Draft.Message::text)
                        .forEach(emails::add);
            }
        }
        assertThat(emails).hasSize(4 * 50 * 6).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de", "nl", "fr"})
    void theWordingVariesFromBusinessToBusinessNotOnlyTheirNames(String language) {
        Set<String> skeletons = new HashSet<>();
        for (int n = 0; n < 50; n++) {
            // the same sector, city, description and signals: only the name and the hash differ
            String leadId = "same-" + n + ".test";
            String name = "Business " + n;
            ScoredLead lead = Fixtures.lead(leadId, name, "bakery", "Leeds", "We bake bread.", language);
            Draft.Message email = message(writer.write(brief(lead, List.of(Fixtures.hiring(2, leadId)), Fixtures.campaign(), language, null))
                    .messages(), "email:0:signal-led");
            skeletons.add((email.subject() + "\n" + email.text()).replace(name, "<name>"));
        }
        assertThat(skeletons).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void aReRunWritesTheSameContent() {
        assertThat(writer.write(brief(7, "de")).messages()).isEqualTo(writer.write(brief(7, "de")).messages());
    }

    @ParameterizedTest
    @ValueSource(strings = {"signal-led", "question-led"})
    void followUpsReferToTheFirstTouchAndSayNothingItSaid(String approach) {
        List<Draft.Message> messages = writer.write(brief(0, "en")).messages();
        Draft.Message intro = message(messages, "email:0:" + approach);
        Set<String> said = substance(intro).stream().map(Draft.Statement::text).collect(Collectors.toSet());
        Set<String> cited = substance(intro).stream().flatMap(s -> s.factIds().stream()).collect(Collectors.toSet());
        for (int step = 1; step < 3; step++) {
            Draft.Message followUp = message(messages, "email:" + step + ":" + approach);
            assertThat(followUp.statements()).anyMatch(s -> s.id().endsWith("/reference") && s.text().contains("OvenBook"));
            assertThat(substance(followUp)).isNotEmpty().noneMatch(s -> said.contains(s.text()));
            assertThat(substance(followUp).stream().flatMap(s -> s.factIds().stream())).anyMatch(id -> !cited.contains(id));
            substance(followUp).forEach(s -> said.add(s.text()));
        }
    }

    /** What a message says about the lead or the offering. */
    private static List<Draft.Statement> substance(Draft.Message m) {
        return m.statements().stream().filter(s -> s.about().equals("lead") || s.about().equals("offering"))
                .filter(s -> !s.id().endsWith("/lead-in")).toList();
    }

    @Test
    void everyMessageKeepsItsPlatformsLimitsEvenWithALongNameAndALongStatement() {
        Campaign base = Fixtures.campaign();
        List<Campaign.Statement> statements = new ArrayList<>(base.offering().statements());
        statements.addFirst(new Campaign.Statement("story", "value", "We care about bread. ".repeat(150), "brief:9", Map.of()));
        Campaign longWinded = new Campaign(base.campaignId(), base.version(), base.name(), base.status(),
                new Campaign.Offering("OvenBook", base.offering().summary(), statements), base.sender(), base.tone(), base.callToAction(),
                base.channels(), List.of("en"), base.segments(), base.sequence(), base.sendPreferences(), base.updatedBy(), base.updatedAt(),
                base.provenance());
        ScoredLead lead = Fixtures.lead("long.test", "The Very Long And Rather Wordy Name Of A Neighbourhood Bakery Ltd", "bakery",
                "Leeds", "We bake.", "en");
        List<Draft.Message> messages = writer.write(brief(lead, Fixtures.signals("long.test"), longWinded, "en", null)).messages();
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.text().length()).isLessThanOrEqualTo(PlatformLimits.textMax(m.channel()));
            assertThat(m.hashtags().size()).isLessThanOrEqualTo(PlatformLimits.INSTAGRAM_HASHTAGS_MAX);
            if (m.channel().equals("email")) {
                assertThat(m.subject().length()).isLessThanOrEqualTo(PlatformLimits.EMAIL_SUBJECT_GUARDRAIL);
                assertThat(m.preheader().length()).isLessThanOrEqualTo(PlatformLimits.EMAIL_PREHEADER_MAX);
            }
            if (m.script() != null) {
                assertThat(m.script().length()).isLessThanOrEqualTo(PlatformLimits.TIKTOK_SCRIPT_MAX);
            }
        });
        assertThat(messages.stream().filter(m -> !m.channel().equals("email"))).noneMatch(m -> m.text().contains("We care about bread."));
    }

    @Test
    void theEmailHasATextAndAnEscapedHtmlBodyTheSignatureTheAddressAndTheUnsubscribePlaceholder() {
        ScoredLead lead = Fixtures.lead("crown.test", "Rose & <Crown>", "bar", "York", "Ales <b>daily</b>.", "en");
        Draft.Message email = message(writer.write(brief(lead, List.of(), Fixtures.campaign(), "en", null)).messages(), "email:0:signal-led");
        assertThat(email.to()).isEqualTo("hello@crown.test");
        assertThat(email.text()).contains("Sam Carter", "Founder, OvenBook Ltd", "2 Canal Street, Leeds LS1 4AB, United Kingdom",
                Draft.Message.UNSUBSCRIBE_PLACEHOLDER);
        assertThat(email.html()).contains("<a href=\"" + Draft.Message.UNSUBSCRIBE_PLACEHOLDER + "\">", "2 Canal Street")
                .doesNotContain("<Crown>", "<b>").contains("Rose &amp; &lt;Crown&gt;").contains("lang=\"en\"");
        assertThat(email.html()).doesNotContain("<img", "<script");
    }

    @Test
    void shorterWritesLessAndLongerMore() {
        Brief normal = brief(0, "en");
        int usual = message(writer.write(normal).messages(), "email:0:signal-led").text().length();
        int shorter = message(writer.write(withInstruction(normal, "shorter")).messages(), "email:0:signal-led").text().length();
        int longer = message(writer.write(withInstruction(normal, "longer")).messages(), "email:0:signal-led").text().length();
        assertThat(shorter).isLessThan(usual);
        assertThat(longer).isGreaterThan(usual);
    }

    @Test
    void formalAndFriendlyGreetAndSignOffDifferently() {
        Brief normal = brief(3, "en");
        Draft.Message formal = message(writer.write(withInstruction(normal, "more formal")).messages(), "email:0:signal-led");
        Draft.Message friendly = message(writer.write(withInstruction(normal, "friendlier")).messages(), "email:0:signal-led");
        assertThat(formal.text().lines().findFirst()).isNotEqualTo(friendly.text().lines().findFirst());
        assertThat(formal.statements()).filteredOn(s -> s.id().endsWith("/sign-off")).singleElement()
                .satisfies(s -> assertThat(s.text()).isIn("Kind regards,", "Best regards,", "With best wishes,"));
    }

    @Test
    void aMentionMovesWhatMatchesItFirst() {
        String leadId = "two-shops.test";
        ScoredLead lead = Fixtures.lead(leadId, "Rose Bakery", "bakery", "Leeds", "We bake.", "en");
        List<EnrichedLead.Signal> signals = List.of(Fixtures.hiring(2, leadId), Fixtures.locations(2, leadId));
        Draft.Message usual = message(writer.write(brief(lead, signals, Fixtures.campaign(), "en", null)).messages(), "email:0:signal-led");
        Draft.Message mentioning = message(writer.write(brief(lead, signals, Fixtures.campaign(), "en", "mention their second shop"))
                .messages(), "email:0:signal-led");
        assertThat(firstHook(usual).factIds()).doesNotContain("signal:locations");
        assertThat(firstHook(mentioning).factIds()).contains("signal:locations");
    }

    private static Draft.Statement firstHook(Draft.Message m) {
        return m.statements().stream().filter(s -> s.id().endsWith("/hook-1")).findFirst().orElseThrow();
    }

    @Test
    void aSentenceTheGateRefusedIsWrittenAnotherWay() {
        Brief first = brief(4, "en");
        Draft.Statement greeting = message(writer.write(first).messages(), "email:0:signal-led").statements().stream()
                .filter(s -> s.id().endsWith("/greeting")).findFirst().orElseThrow();
        Draft.Statement again = message(writer.write(first.rejecting(List.of(greeting))).messages(), "email:0:signal-led").statements()
                .stream().filter(s -> s.id().equals(greeting.id())).findFirst().orElseThrow();
        assertThat(again.text()).isNotEqualTo(greeting.text());
    }

    @Test
    void withoutACampaignOnlyTheFirstEmailIsWrittenWithoutOffering() {
        ScoredLead lead = Fixtures.lead("plain.test", "Rose Bakery", "bakery", "Leeds", "We bake.", "en");
        List<Draft.Message> messages = writer.write(brief(lead, List.of(), null, "en", null)).messages();
        assertThat(messages).extracting(Draft.Message::variantId).containsExactly("email:0:signal-led", "email:0:question-led");
        assertThat(messages).flatExtracting(Draft.Message::statements).noneMatch(s -> s.about().equals("offering"));
    }

    private static Brief withInstruction(Brief b, String instruction) {
        return new Brief(b.lead(), b.signals(), b.campaign(), b.persona(), b.facts(), b.language(), instruction, b.previous(), b.examples());
    }
}
