package dev.leadstream.hitl.service;

import dev.leadstream.hitl.repository.CampaignRepository.Change;
import dev.leadstream.topics.EventJson;
import dev.leadstream.topics.event.Campaign;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a version changed reads field by field; statements are matched by id, not by position. */
class CampaignChangesTest {

    private static final Campaign FIRST = EventJson.MAPPER.convertValue(CampaignRulesTest.sample(), CampaignEdit.class)
            .toCampaign("demo", 1, Campaign.ACTIVE, "ana", Instant.parse("2026-11-26T10:00:00Z"));

    @Test
    void whoMadeAVersionAndWhenIsNotAChange() {
        Campaign paused = CampaignEdit.withStatus(FIRST, Campaign.PAUSED, "rita", Instant.now());
        assertThat(CampaignChanges.between(FIRST, paused)).containsExactly(new Change("status", "active", "paused"));
    }

    @Test
    void aStatementAddedAtTheTopIsOneChangeAndAnEditedOneNamesItsIdAndField() {
        List<Campaign.Statement> statements = new ArrayList<>(FIRST.offering().statements());
        Campaign.Statement price = statements.get(3);
        statements.set(3, new Campaign.Statement(price.id(), price.kind(), "Tillway costs GBP 25 a month.", price.source(),
                price.translations()));
        statements.addFirst(new Campaign.Statement("card-payments", "value", "Card payments included.", "brief:7", null));
        Campaign next = with(statements);

        List<Change> changes = CampaignChanges.between(FIRST, next);
        assertThat(changes).extracting(Change::field).containsExactly(
                "offering.statements[monthly-price].text", "offering.statements[card-payments]");
        assertThat(changes.getFirst().from()).isEqualTo(price.text());
        assertThat(changes.getFirst().to()).isEqualTo("Tillway costs GBP 25 a month.");
        assertThat(changes.get(1).from()).isNull();
        assertThat(changes.get(1).to()).contains("Card payments included.");
    }

    @Test
    void listsOfPlainValuesAreComparedWhole() {
        Campaign fewerChannels = new Campaign(FIRST.campaignId(), 2, FIRST.name(), FIRST.status(), FIRST.offering(), FIRST.sender(),
                FIRST.tone(), FIRST.callToAction(), List.of("email"), FIRST.languages(), FIRST.segments(), FIRST.sequence(),
                FIRST.sendPreferences(), "rita", Instant.now(), null);
        assertThat(CampaignChanges.between(FIRST, fewerChannels))
                .containsExactly(new Change("channels", "email, telegram, instagram, tiktok", "email"));
        assertThat(CampaignChanges.summary(2, CampaignChanges.between(FIRST, fewerChannels))).isEqualTo("version 2: channels");
    }

    private static Campaign with(List<Campaign.Statement> statements) {
        return new Campaign(FIRST.campaignId(), 2, FIRST.name(), FIRST.status(),
                new Campaign.Offering(FIRST.offering().product(), FIRST.offering().summary(), statements), FIRST.sender(),
                FIRST.tone(), FIRST.callToAction(), FIRST.channels(), FIRST.languages(), FIRST.segments(), FIRST.sequence(),
                FIRST.sendPreferences(), "rita", Instant.now(), null);
    }
}
