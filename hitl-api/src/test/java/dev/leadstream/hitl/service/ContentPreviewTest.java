package dev.leadstream.hitl.service;

import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Provenance;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContentPreviewTest {

    @Test
    void aLongPostFoldsAtTheLastWordBeforeThePlatformsFoldAndShortOnesDoNot() {
        String words = "word ".repeat(60).trim();
        ContentPreview preview = ContentPreview.of(draft(new Draft.SocialPost("instagram", words),
                new Draft.SocialPost("x", "Fresh bread #sourdough @rosebakery https://rose.test/bread")));

        ContentPreview.PostPreview instagram = preview.posts().get(0);
        assertThat(instagram.fold()).isEqualTo(125);
        assertThat(instagram.visible()).hasSizeLessThanOrEqualTo(125).endsWith("word");
        assertThat(instagram.visible() + instagram.folded()).isEqualTo(words);

        ContentPreview.PostPreview x = preview.posts().get(1);
        assertThat(x.folded()).isEmpty();
        assertThat(x.hashtags()).containsExactly("#sourdough");
        assertThat(x.mentions()).containsExactly("@rosebakery");
        assertThat(x.links()).containsExactly("https://rose.test/bread");
        assertThat(x.remaining()).isEqualTo(280 - x.length());
    }

    @Test
    void aPostOverItsLimitDoesNotFitAndALongSubjectIsCutInTheInbox() {
        ContentPreview preview = ContentPreview.of(new Draft("d", "l", 1, null,
                new Draft.Email("a@b.test", "s".repeat(61), "Hello   there,\n\nfresh   bread", null),
                List.of(new Draft.SocialPost("x", "a".repeat(281))), List.of(), List.of(), Provenance.of("t", "1", null), "default"));
        assertThat(preview.posts().getFirst().fits()).isFalse();
        assertThat(preview.email().subjectCutInInbox()).isTrue();
        assertThat(preview.email().preheader()).isEqualTo("Hello there, fresh bread");
    }

    private static Draft draft(Draft.SocialPost... posts) {
        return new Draft("d", "l", 1, null, null, List.of(posts), List.of(), List.of(), Provenance.of("t", "1", null), "default");
    }
}
