package dev.leadstream.hitl.service;

import dev.leadstream.hitl.GroundedDrafts;
import dev.leadstream.hitl.model.DraftChange;
import dev.leadstream.hitl.problem.ApiProblem;
import dev.leadstream.topics.event.Draft;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A reviewer's edit of a grounded draft: checked again by the gate, the email kept in step, nothing else lost. */
class DraftEditTest {

    private static final Draft DRAFT = GroundedDrafts.supported("d-1", "rose-bakery.test", "spring");

    @Test
    void theFixtureIsWhollySupportedByTheGateItself() {
        assertThat(DRAFT.unsupportedStatements()).isEmpty();
        assertThat(GroundedDrafts.withInventedClaim("d", "l", "c").unsupportedStatements())
                .extracting(Draft.Statement::text).containsExactly(GroundedDrafts.INVENTED);
    }

    @Test
    void anEditedSentenceWithAnInventedYearIsUnsupportedAndTheUnchangedOnesKeepTheirCitations() {
        Draft edited = textEdit(DRAFT, text(DRAFT).replace(GroundedDrafts.HOOK,
                GroundedDrafts.HOOK + " Rose Bakery has been award-winning since 1990."));

        Draft.Message first = edited.firstTouch("email").orElseThrow();
        Draft.Statement invented = statement(first, "Rose Bakery has been award-winning since 1990.");
        assertThat(invented.status()).isEqualTo(Draft.Statement.UNSUPPORTED);
        assertThat(invented.reason()).contains("1990");
        assertThat(invented.id()).startsWith(GroundedDrafts.FIRST_EMAIL + "/edit-");
        Draft.Statement hook = statement(first, GroundedDrafts.HOOK);
        assertThat(hook.factIds()).containsExactly("lead:description", "lead:location.city");
        assertThat(hook.status()).isEqualTo(Draft.Statement.SUPPORTED);
        assertThat(edited.unsupportedStatements()).containsExactly(invented);
        assertThat(UnsupportedSentences.refusal(edited)).satisfies(problem -> {
            assertThat(problem.status).isEqualTo(422);
            assertThat(problem.getMessage()).contains("Rose Bakery has been award-winning since 1990.").contains("1990");
            assertThat(problem.members.get("sentences")).isEqualTo(List.of(Map.of("text", invented.text(),
                    "reason", invented.reason(), "part", GroundedDrafts.FIRST_EMAIL)));
        });
    }

    @Test
    void fixingTheSentenceMakesItSupportedAndTheDraftApprovable() {
        Draft invented = GroundedDrafts.withInventedClaim("d-2", "rose-bakery.test", "spring");
        assertThat(UnsupportedSentences.refusal(invented)).isNotNull();

        String better = "Rose Bakery has baked since 2012.";
        Draft textOnly = textEdit(invented, text(invented).replace(GroundedDrafts.INVENTED, better));
        assertThat(textOnly.unsupportedStatements()).as("the HTML still says it").extracting(Draft.Statement::text)
                .containsExactly(GroundedDrafts.INVENTED);

        Draft.Message first = invented.firstTouch("email").orElseThrow();
        Draft fixed = new DraftEdit(1, null, null, null, null, List.of(new MessageEdit(GroundedDrafts.FIRST_EMAIL, null, null,
                first.text().replace(GroundedDrafts.INVENTED, better), first.html().replace(GroundedDrafts.INVENTED, better))))
                .applyTo(invented, "ana");

        Draft.Statement sentence = statement(fixed.firstTouch("email").orElseThrow(), better);
        assertThat(sentence.status()).isEqualTo(Draft.Statement.SUPPORTED);
        assertThat(sentence.factIds()).containsExactlyInAnyOrder("lead:name", "lead:description");
        assertThat(fixed.unsupportedStatements()).isEmpty();
        assertThat(UnsupportedSentences.refusal(fixed)).isNull();
    }

    @Test
    void aClaimAddedOnlyToTheHtmlIsCaughtToo() {
        String html = DRAFT.firstTouch("email").orElseThrow().html().replace("</body>", "<p>We are the cheapest in Yorkshire.</p></body>");
        Draft edited = new DraftEdit(1, null, null, null, null,
                List.of(new MessageEdit(GroundedDrafts.FIRST_EMAIL, null, null, null, html))).applyTo(DRAFT, "ana");

        assertThat(edited.unsupportedStatements()).extracting(Draft.Statement::text).containsExactly("We are the cheapest in Yorkshire.");
    }

    @Test
    void theEmailFollowsThePrimaryEmailVariantAndTheRestOfTheDraftIsKept() {
        Draft edited = new DraftEdit(1, null, null, null, null, List.of(
                new MessageEdit(GroundedDrafts.FIRST_EMAIL, "Fresh bread in Leeds", "Ten minutes, no more", null, null),
                new MessageEdit(GroundedDrafts.TELEGRAM, null, null, "Hello Rose Bakery!", null))).applyTo(DRAFT, "ana");

        assertThat(edited.version()).isEqualTo(2);
        assertThat(edited.email().subject()).isEqualTo("Fresh bread in Leeds");
        assertThat(edited.email().textBody()).isEqualTo(DRAFT.email().textBody());
        assertThat(edited.socialPosts()).containsExactly(new Draft.SocialPost("telegram", "Hello Rose Bakery!"));
        assertThat(edited.firstTouch("email").orElseThrow().preheader()).isEqualTo("Ten minutes, no more");
        assertThat(edited.messages().get(1)).as("the follow-up is untouched").isEqualTo(DRAFT.messages().get(1));
        assertThat(edited).extracting(Draft::campaignId, Draft::campaignVersion, Draft::language, Draft::facts, Draft::persona)
                .containsExactly("spring", 1, "en", DRAFT.facts(), DRAFT.persona());
        assertThat(edited.provenance().agent()).isEqualTo("hitl-api");
    }

    @Test
    void theFirstTouchFieldsEditThePrimaryMessagesOfADraftWithMessages() {
        Draft edited = new DraftEdit(1, "Bread for Rose Bakery", null, null,
                List.of(new Draft.SocialPost("telegram", "Rose Bakery opened in 1990!"))).applyTo(DRAFT, "ana");

        assertThat(edited.firstTouch("email").orElseThrow().subject()).isEqualTo("Bread for Rose Bakery");
        assertThat(edited.firstTouch("telegram").orElseThrow().text()).isEqualTo("Rose Bakery opened in 1990!");
        assertThat(edited.unsupportedStatements()).extracting(Draft.Statement::text).containsExactly("Rose Bakery opened in 1990!");
    }

    @Test
    void anEditTheMessageCannotTakeIsRefusedNamingIt() {
        assertThatThrownBy(() -> new DraftEdit(1, null, null, null, null,
                List.of(new MessageEdit("email:9:nowhere", null, null, "Hi", null))).applyTo(DRAFT, "ana"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.getMessage()).contains("no message email:9:nowhere"));
        assertThatThrownBy(() -> new DraftEdit(1, null, null, null, null,
                List.of(new MessageEdit(GroundedDrafts.TELEGRAM, "A subject", null, "x".repeat(4097), null))).applyTo(DRAFT, "ana"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.getMessage())
                        .contains("subject, preheader and html are for email messages only")
                        .contains("text must be 1 to 4096 characters on telegram, was 4097"));
    }

    @Test
    void aVersionSaysWhichMessagePartsItChanged() {
        Draft edited = new DraftEdit(1, null, null, null, null,
                List.of(new MessageEdit(GroundedDrafts.FOLLOW_UP, "Still keen?", null, null, null))).applyTo(DRAFT, "ana");

        assertThat(DraftChanges.between(DRAFT, edited)).containsExactly(
                new DraftChange("message." + GroundedDrafts.FOLLOW_UP + ".subject", "A second look at Tillway", "Still keen?"));
    }

    private static Draft textEdit(Draft draft, String text) {
        return new DraftEdit(draft.version(), null, null, null, null,
                List.of(new MessageEdit(GroundedDrafts.FIRST_EMAIL, null, null, text, null))).applyTo(draft, "ana");
    }

    private static String text(Draft draft) {
        return draft.firstTouch("email").orElseThrow().text();
    }

    private static Draft.Statement statement(Draft.Message message, String text) {
        return message.statements().stream().filter(s -> s.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no statement \"" + text + "\" in " + message.statements()));
    }
}
