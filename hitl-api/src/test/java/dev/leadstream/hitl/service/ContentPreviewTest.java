package dev.leadstream.hitl.service;

import dev.leadstream.hitl.GroundedDrafts;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Provenance;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContentPreviewTest {

    @Test
    void aLongPostFoldsAtTheLastWordBeforeThePlatformsFoldAndShortOnesDoNot() {
        // 163 characters; Instagram shows the first 125 of a caption before "… more"
        String caption = "Our sourdough is baked every morning from six, with flour milled ten miles away, and the rye loaf"
                + " sells out before nine on most days, so come early or order ahead.";
        ContentPreview preview = ContentPreview.of(draft(new Draft.SocialPost("instagram", caption),
                new Draft.SocialPost("x", "Fresh bread #sourdough @rosebakery https://rose.test/bread")));

        ContentPreview.PostPreview instagram = preview.posts().get(0);
        assertThat(instagram.visible()).isEqualTo("Our sourdough is baked every morning from six, with flour milled ten miles away,"
                + " and the rye loaf sells out before nine on");
        assertThat(instagram.folded()).isEqualTo(" most days, so come early or order ahead.");
        assertThat(instagram.fits()).isTrue();

        // 58 characters of X's 280
        ContentPreview.PostPreview x = preview.posts().get(1);
        assertThat(x.visible()).isEqualTo("Fresh bread #sourdough @rosebakery https://rose.test/bread");
        assertThat(x.folded()).isEmpty();
        assertThat(x.hashtags()).containsExactly("#sourdough");
        assertThat(x.mentions()).containsExactly("@rosebakery");
        assertThat(x.links()).containsExactly("https://rose.test/bread");
        assertThat(x.length()).isEqualTo(58);
        assertThat(x.remaining()).isEqualTo(222);
    }

    @Test
    void aPostAtItsLimitFitsAndOneCharacterMoreDoesNot() {
        ContentPreview preview = ContentPreview.of(draft(new Draft.SocialPost("x", "a".repeat(280)),
                new Draft.SocialPost("x", "a".repeat(281))));
        assertThat(preview.posts().get(0).fits()).isTrue();
        assertThat(preview.posts().get(0).remaining()).isZero();
        assertThat(preview.posts().get(1).fits()).isFalse();
        assertThat(preview.posts().get(1).remaining()).isEqualTo(-1);
    }

    @Test
    void aPostOverItsLimitDoesNotFitAndALongSubjectIsCutInTheInbox() {
        ContentPreview preview = ContentPreview.of(new Draft("d", "l", 1, null,
                new Draft.Email("a@b.test", "s".repeat(61), "Hello   there,\n\nfresh   bread", null),
                List.of(new Draft.SocialPost("x", "a".repeat(281))), List.of(), List.of(), Provenance.of("t", "1", null), "default"));
        assertThat(preview.posts().getFirst().fits()).isFalse();
        assertThat(preview.email().subjectCutInInbox()).isTrue();
        assertThat(ContentPreview.of(new Draft("d", "l", 1, null, new Draft.Email("a@b.test", "s".repeat(60), "t", null),
                List.of(), List.of(), List.of(), Provenance.of("t", "1", null), "default")).email().subjectCutInInbox()).isFalse();
        assertThat(preview.email().preheader()).isEqualTo("Hello there, fresh bread");
    }

    @Test
    void anEmailWithAPreheaderIsPreviewedWithItRatherThanTheStartOfItsText() {
        Draft draft = GroundedDrafts.supported("d", "rose-bakery.test", "spring");
        Draft withPreheader = new DraftEdit(1, null, null, null, null,
                List.of(new MessageEdit(GroundedDrafts.FIRST_EMAIL, null, "Ten minutes, no more", null, null))).applyTo(draft, "ana");
        assertThat(ContentPreview.of(draft).email().preheader()).startsWith("Hello Rose Bakery, I saw that");
        assertThat(ContentPreview.of(withPreheader).email().preheader()).isEqualTo("Ten minutes, no more");
    }

    private static Draft draft(Draft.SocialPost... posts) {
        return new Draft("d", "l", 1, null, null, List.of(posts), List.of(), List.of(), Provenance.of("t", "1", null), "default");
    }
}
