package dev.leadstream.hitl.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadstream.hitl.problem.ApiProblem;
import dev.leadstream.hitl.problem.ProblemType;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.Campaign;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Each rule of a campaign with a value that must pass and one that must fail, starting from the
 * demo's sample campaign (which must pass as it is): the refusal names the field, and the limit
 * when it went over one.
 */
class CampaignRulesTest {

    @Test
    void theSampleCampaignPasses() {
        CampaignRules.check(edit(c -> { }), null);
    }

    @Test
    void theIdIsASlugOfAtMost64Characters() {
        passes(c -> c.put("campaignId", "spring-bakers-2"));
        passes(c -> c.put("campaignId", "a".repeat(64)));
        refused(c -> c.put("campaignId", "Spring Bakers"), "campaignId");
        refused(c -> c.put("campaignId", "-bakers"), "campaignId");
        refused(c -> c.remove("campaignId"), "campaignId");
        overLimit(c -> c.put("campaignId", "a".repeat(65)), "campaignId", 64);
    }

    @Test
    void anEditKeepsItsCampaignsId() {
        CampaignRules.check(edit(c -> c.remove("campaignId")), "demo-tillway-orders");
        CampaignRules.check(edit(c -> { }), "demo-tillway-orders");
        assertThatThrownBy(() -> CampaignRules.check(edit(c -> { }), "another-campaign"))
                .satisfies(e -> assertThat(((ApiProblem) e).members).containsEntry("field", "campaignId"));
    }

    @Test
    void nameAndProductAreRequiredAndShort() {
        passes(c -> c.put("name", "n".repeat(200)));
        refused(c -> c.put("name", " "), "name");
        overLimit(c -> c.put("name", "n".repeat(201)), "name", 200);
        refused(c -> c.withObject("/offering").remove("product"), "offering.product");
        refused(c -> c.remove("offering"), "offering");
    }

    @Test
    void aCampaignMakesOneToFiftyStatements() {
        passes(c -> statements(c, 50));
        overLimit(c -> statements(c, 51), "offering.statements", 50);
        refused(c -> c.withObject("/offering").putArray("statements"), "offering.statements");
    }

    @Test
    void aStatementHasAKnownKindAndTextOfAtMost1000Characters() {
        passes(c -> statement(c).put("kind", "proof"));
        refused(c -> statement(c).put("kind", "claim"), "offering.statements[0].kind");
        passes(c -> statement(c).put("text", "t".repeat(1000)));
        overLimit(c -> statement(c).put("text", "t".repeat(1001)), "offering.statements[0].text", 1000);
        refused(c -> statement(c).remove("text"), "offering.statements[0].text");
    }

    @Test
    void aStatementsSourceIsAWebAddressOrALineOfTheBrief() {
        passes(c -> statement(c).put("source", "https://tillway.example/pricing"));
        passes(c -> statement(c).put("source", "brief:12"));
        refused(c -> statement(c).put("source", "ftp://tillway.example/pricing"), "offering.statements[0].source");
        refused(c -> statement(c).put("source", "brief:first"), "offering.statements[0].source");
        refused(c -> statement(c).put("source", "brief:0"), "offering.statements[0].source");
        refused(c -> statement(c).remove("source"), "offering.statements[0].source");
    }

    @Test
    void translationsAreForTheCampaignsOtherLanguages() {
        passes(c -> statement(c).withObject("/translations").put("de", "Hallo"));
        refused(c -> statement(c).withObject("/translations").put("es", "Hola"), "offering.statements[0].translations");
        refused(c -> statement(c).withObject("/translations").put("en", "Hello"), "offering.statements[0].translations");
        overLimit(c -> statement(c).withObject("/translations").put("de", "d".repeat(1001)),
                "offering.statements[0].translations.de", 1000);
    }

    @Test
    void statementIdsAreUniqueAndAMissingOneIsMadeFromTheKind() {
        refused(c -> ((ObjectNode) c.at("/offering/statements/1")).put("id", "pre-orders"), "offering.statements[1].id");
        refused(c -> statement(c).put("id", "Pre Orders"), "offering.statements[0].id");
        CampaignEdit edit = edit(c -> {
            statement(c).remove("id");
            ((ObjectNode) c.at("/offering/statements/1")).put("id", "value-1");
        });
        CampaignRules.check(edit, null);
        Campaign campaign = edit.toCampaign("x", 1, Campaign.ACTIVE, "ana", Instant.now());
        assertThat(campaign.offering().statements()).extracting(Campaign.Statement::id)
                .startsWith("value-2", "value-1").doesNotHaveDuplicates();
    }

    @Test
    void theSenderNamesACompanyAndAPostalAddressAndValidAddresses() {
        passes(c -> c.withObject("/sender").remove(List.of("role", "email", "replyTo", "website")));
        refused(c -> c.withObject("/sender").remove("postalAddress"), "sender.postalAddress");
        refused(c -> c.withObject("/sender").remove("company"), "sender.company");
        refused(c -> c.remove("sender"), "sender");
        passes(c -> c.withObject("/sender").put("email", "sam@tillway.co.uk"));
        refused(c -> c.withObject("/sender").put("email", "sam at tillway"), "sender.email");
        refused(c -> c.withObject("/sender").put("replyTo", "replies@localhost"), "sender.replyTo");
        refused(c -> c.withObject("/sender").put("website", "javascript:alert(1)"), "sender.website");
    }

    @Test
    void channelsAreSomeOfEmailTelegramInstagramAndTiktok() {
        passes(c -> strings(c, "channels", "email", "tiktok"));
        refused(c -> strings(c, "channels", "email", "fax"), "channels[1]");
        refused(c -> strings(c, "channels"), "channels");
        refused(c -> strings(c, "channels", "email", "email"), "channels");
    }

    @Test
    void languagesAreSupportedTwoLetterCodes() {
        passes(c -> {
            strings(c, "languages", "fr");
            c.withObject("/offering").putArray("statements").addObject()
                    .put("kind", "value").put("text", "Commandez en ligne.").put("source", "brief:1");
        });
        refused(c -> strings(c, "languages", "en", "es"), "languages[1]");
        refused(c -> strings(c, "languages", "EN"), "languages[0]");
        refused(c -> strings(c, "languages"), "languages");
    }

    @Test
    void segmentsAreAtMostTwenty() {
        passes(c -> strings(c, "segments"));
        passes(c -> strings(c, "segments", numbered("segment-", 20)));
        overLimit(c -> strings(c, "segments", numbered("segment-", 21)), "segments", 20);
        refused(c -> strings(c, "segments", "uk-food", "uk-food"), "segments");
    }

    @Test
    void theSequenceStartsOnDayZeroAndEachStepComesLater() {
        passes(c -> steps(c, 0, 2, 5, 9, 14));
        overLimit(c -> steps(c, 0, 2, 5, 9, 14, 20), "sequence", 5);
        refused(c -> steps(c, 1, 3), "sequence[0].dayOffset");
        refused(c -> steps(c, 0, 3, 3), "sequence[2].dayOffset");
        refused(c -> steps(c), "sequence");
        refused(c -> ((ObjectNode) c.at("/sequence/1")).put("step", 2), "sequence[1].step");
        refused(c -> ((ObjectNode) c.at("/sequence/1")).put("purpose", "reminder"), "sequence[1].purpose");
    }

    @Test
    void sendPreferencesHaveDaysAWindowThatEndsAfterItStartsAZoneAndALimit() {
        passes(c -> c.remove("sendPreferences"));
        passes(c -> c.withObject("/sendPreferences").put("windowStart", "00:00").put("windowEnd", "23:59"));
        passes(c -> c.withObject("/sendPreferences").remove(List.of("windowStart", "windowEnd", "timeZone")));
        refused(c -> c.withObject("/sendPreferences").put("windowStart", "17:00").put("windowEnd", "09:00"),
                "sendPreferences.windowEnd");
        refused(c -> c.withObject("/sendPreferences").put("windowStart", "9:00"), "sendPreferences.windowStart");
        refused(c -> c.withObject("/sendPreferences").put("windowEnd", "24:00"), "sendPreferences.windowEnd");
        refused(c -> c.withObject("/sendPreferences").remove("windowEnd"), "sendPreferences.windowEnd");
        refused(c -> c.withObject("/sendPreferences").remove("windowStart"), "sendPreferences.windowStart");
        refused(c -> c.withObject("/sendPreferences").put("timeZone", "Mars/Olympus_Mons"), "sendPreferences.timeZone");
        passes(c -> c.withObject("/sendPreferences").put("dailyLimit", 0));
        refused(c -> c.withObject("/sendPreferences").put("dailyLimit", -1), "sendPreferences.dailyLimit");
        refused(c -> strings(c.withObject("/sendPreferences"), "days"), "sendPreferences.days");
        refused(c -> strings(c.withObject("/sendPreferences"), "days", "MON", "MONDAY"), "sendPreferences.days[1]");
    }

    @Test
    void everyViolationIsListedAndOverALimitComesFirst() {
        ApiProblem problem = problem(c -> {
            c.put("name", "n".repeat(201));
            c.withObject("/sender").put("email", "nope");
            strings(c, "channels", "fax");
        });
        assertThat(problem.type).isEqualTo(ProblemType.OVER_LIMIT);
        assertThat(problem.members).containsEntry("field", "name").containsEntry("limit", 200);
        problem = problem(c -> {
            c.withObject("/sender").put("email", "nope");
            strings(c, "channels", "fax");
        });
        assertThat(problem.getMessage()).contains("sender.email").contains("channels[0]");
        assertThat((List<?>) problem.members.get("errors")).hasSize(2);
    }

    @Test
    void textThatCannotBeStoredIs400() {
        assertThatThrownBy(() -> CampaignRules.check(edit(c -> c.put("name", "Spring\u0000")), null))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status).isEqualTo(400));
    }

    @Test
    void aCampaignLargerThan64KibAsPublishedIsRefusedWith413() {
        CampaignEdit fits = edit(c -> statements(c, 50));
        CampaignRules.checkSize(fits.toCampaign("x", 1, Campaign.ACTIVE, "ana", Instant.now()));
        CampaignEdit tooLarge = edit(c -> {
            statements(c, 50);
            c.at("/offering/statements").forEach(s -> ((ObjectNode) s).putObject("translations")
                    .put("de", "d".repeat(1000)).put("nl", "n".repeat(1000)));
        });
        CampaignRules.check(tooLarge, null);
        assertThatThrownBy(() -> CampaignRules.checkSize(tooLarge.toCampaign("x", 1, Campaign.ACTIVE, "ana", Instant.now())))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status).isEqualTo(413);
                    assertThat(p.members).containsEntry("limit", 64 * 1024);
                });
    }

    // --- the sample campaign, changed one field at a time

    static ObjectNode sample() {
        try (InputStream in = CampaignRulesTest.class.getResourceAsStream("/leadstream/sample-campaign.json")) {
            return (ObjectNode) EventJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CampaignEdit edit(Consumer<ObjectNode> change) {
        ObjectNode campaign = sample();
        change.accept(campaign);
        try {
            return EventJson.MAPPER.treeToValue(campaign, CampaignEdit.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void passes(Consumer<ObjectNode> change) {
        try {
            CampaignRules.check(edit(change), null);
        } catch (ApiProblem e) {
            fail("refused: " + e.getMessage());
        }
    }

    private static ApiProblem problem(Consumer<ObjectNode> change) {
        try {
            CampaignRules.check(edit(change), null);
        } catch (ApiProblem e) {
            assertThat(e.status).as(e.getMessage()).isEqualTo(422);
            return e;
        }
        throw new AssertionError("accepted, but should have been refused");
    }

    private static void refused(Consumer<ObjectNode> change, String field) {
        ApiProblem problem = problem(change);
        assertThat(problem.members).as(problem.getMessage()).containsEntry("field", field);
        assertThat(problem.getMessage()).contains(field);
    }

    private static void overLimit(Consumer<ObjectNode> change, String field, int limit) {
        ApiProblem problem = problem(change);
        assertThat(problem.type).isEqualTo(ProblemType.OVER_LIMIT);
        assertThat(problem.members).as(problem.getMessage()).containsAllEntriesOf(Map.of("field", field, "limit", limit));
    }

    private static ObjectNode statement(ObjectNode campaign) {
        return (ObjectNode) campaign.at("/offering/statements/0");
    }

    private static void statements(ObjectNode campaign, int count) {
        ArrayNode statements = campaign.withObject("/offering").putArray("statements");
        for (int i = 0; i < count; i++) {
            statements.addObject().put("kind", "value").put("text", "s".repeat(1000)).put("source", "brief:" + (i + 1));
        }
    }

    private static void strings(ObjectNode node, String field, String... values) {
        ArrayNode array = node.putArray(field);
        for (String value : values) {
            array.add(value);
        }
    }

    private static void steps(ObjectNode campaign, int... days) {
        ArrayNode steps = campaign.putArray("sequence");
        for (int i = 0; i < days.length; i++) {
            steps.addObject().put("step", i).put("dayOffset", days[i]).put("purpose", i == 0 ? "intro" : "follow-up");
        }
    }

    private static String[] numbered(String prefix, int count) {
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i).toArray(String[]::new);
    }
}
