package dev.leadstream.persona.guardrails;

import dev.leadstream.persona.facts.Facts;
import dev.leadstream.topics.event.Draft;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule with a message that must trip it and one that must not. */
class GuardrailsTest {

    static final String ADDRESS = "2 Canal Street, Leeds LS1 4AB";
    static final Facts FACTS = new Facts(List.of(
            new Draft.Fact("sender:postalAddress", "sender", "postalAddress", ADDRESS, "brief:1"),
            new Draft.Fact("campaign:trial", "campaign", "offer", "The first month is free.", "brief:2"),
            new Draft.Fact("lead:description", "lead", "description", "Gluten-free bread, baked by ACME BAKERS.", "https://a.test/")));
    static final String FOOTER = "\n\n" + ADDRESS + "\nUnsubscribe: " + Draft.Message.UNSUBSCRIBE_PLACEHOLDER;
    static final String HTML_FOOTER = "<p>" + ADDRESS + "<br><a href=\"" + Draft.Message.UNSUBSCRIBE_PLACEHOLDER + "\">Unsubscribe</a></p>";

    static Draft.Message email(String subject, String body, Draft.Statement... statements) {
        return new Draft.Message("email:0:signal-led", "email", 0, 0, "a@b.test", subject, "A short note.", body + FOOTER,
                "<p>" + body + "</p>" + HTML_FOOTER, List.of(), null, List.of(statements));
    }

    static Draft.Statement said(String text, String... facts) {
        return new Draft.Statement("s", text, "offering", List.of(facts), Draft.Statement.SUPPORTED, null);
    }

    static List<String> rules(ContentRule rule, Draft.Message m, String language) {
        return rule.check(m, language, FACTS).stream().map(Draft.GuardrailFinding::rule).toList();
    }

    @Test
    void spamPhrasesInTheDraftsLanguageAndInEnglish() {
        SpamPhrases rule = new SpamPhrases();
        assertThat(rules(rule, email("Hello", "Bestellen Sie jetzt, nur heute!"), "de")).containsExactly(SpamPhrases.RULE);
        assertThat(rules(rule, email("Hello", "Click here to see it."), "nl")).containsExactly(SpamPhrases.RULE);
        assertThat(rules(rule, email("Hello", "Cliquez ici pour voir."), "fr")).containsExactly(SpamPhrases.RULE);
        assertThat(rules(rule, email("Hello", "Would a short call next week suit you?"), "en")).isEmpty();
        assertThat(rules(rule, email("Hello", "Wir backen heute Brot."), "de")).isEmpty();
    }

    @Test
    void capitalsAndExclamationRuns() {
        Shouting rule = new Shouting();
        assertThat(rules(rule, email("Hello", "This is AMAZING news."), "en")).containsExactly(Shouting.RULE);
        assertThat(rules(rule, email("BIG NEWS FOR YOU", "Hello."), "en")).contains(Shouting.RULE);
        assertThat(rules(rule, email("Hello", "Great!!"), "en")).containsExactly(Shouting.RULE);
        assertThat(rules(rule, email("Hello", "Yes! Yes! Yes! Yes!"), "en")).containsExactly(Shouting.RULE);
        assertThat(rules(rule, email("Hello", "You bake with ACME BAKERS flour. Nice!"), "en")).isEmpty();
    }

    @Test
    void linksImagesAndShorteners() {
        LinksAndImages rule = new LinksAndImages();
        String links = "See https://a.test/1 https://a.test/2 https://a.test/3 https://a.test/4 now.";
        assertThat(rules(rule, email("Hello", links), "en")).containsExactly(LinksAndImages.RULE);
        Draft.Message image = new Draft.Message("email:0:x", "email", 0, 0, null, "Hi", null, "Hi" + FOOTER,
                "<p>Hi<img src=\"https://a.test/x.png\"></p>" + HTML_FOOTER, List.of(), null, List.of());
        assertThat(rules(rule, image, "en")).containsExactly(LinksAndImages.RULE);
        assertThat(rules(rule, email("Hello", "See https://bit.ly/abc for it."), "en")).containsExactly(LinksAndImages.RULE);
        assertThat(rules(rule, email("Hello", "See https://ovenbook.example/ for it."), "en")).isEmpty();
    }

    @Test
    void subjectLength() {
        SubjectLength rule = new SubjectLength();
        assertThat(rules(rule, email("x".repeat(61), "Hi."), "en")).containsExactly(SubjectLength.RULE);
        assertThat(rule.check(email("x".repeat(79), "Hi."), "en", FACTS).getFirst().message()).contains("78");
        assertThat(rule.check(email(" ", "Hi."), "en", FACTS).getFirst().severity()).isEqualTo(Draft.GuardrailFinding.BLOCK);
        assertThat(rules(rule, email("x".repeat(60), "Hi."), "en")).isEmpty();
    }

    @Test
    void anEmailNeedsItsTextPartPostalAddressAndUnsubscribePlaceholder() {
        RequiredEmailParts rule = new RequiredEmailParts();
        assertThat(rules(rule, email("Hello", "Hi."), "en")).isEmpty();
        Draft.Message htmlOnly = new Draft.Message("email:0:x", "email", 0, 0, null, "Hi", null, " ", "<p>Hi</p>" + HTML_FOOTER,
                List.of(), null, List.of());
        assertThat(rules(rule, htmlOnly, "en")).contains(RequiredEmailParts.TEXT_PART);
        Draft.Message noFooter = new Draft.Message("email:0:x", "email", 0, 0, null, "Hi", null, "Hi.", "<p>Hi.</p>", List.of(), null, List.of());
        assertThat(rule.check(noFooter, "en", FACTS)).extracting(Draft.GuardrailFinding::rule)
                .containsExactlyInAnyOrder(RequiredEmailParts.POSTAL_ADDRESS, RequiredEmailParts.UNSUBSCRIBE);
        assertThat(rule.check(noFooter, "en", FACTS)).allMatch(f -> f.severity().equals(Draft.GuardrailFinding.BLOCK));
        assertThat(rules(rule, email("Hello", "Hi."), "en")).isEmpty();
    }

    @Test
    void promisesOnlyTheCitedFactsMake() {
        ForbiddenPromises rule = new ForbiddenPromises();
        assertThat(rules(rule, email("Hi", "x", said("We guarantee more orders.")), "en")).containsExactly(ForbiddenPromises.RULE);
        assertThat(rules(rule, email("Hi", "x", said("Mehr Bestellungen, garantiert.")), "de")).containsExactly(ForbiddenPromises.RULE);
        assertThat(rules(rule, email("Hi", "x", said("Het is gratis.")), "nl")).containsExactly(ForbiddenPromises.RULE);
        assertThat(rules(rule, email("Hi", "x", said("C'est gratuit.")), "fr")).containsExactly(ForbiddenPromises.RULE);
        assertThat(rules(rule, email("Hi", "x", said("Try it free for a month.")), "en")).containsExactly(ForbiddenPromises.RULE);
        assertThat(rules(rule, email("Hi", "x", said("The first month is free.", "campaign:trial")), "en")).isEmpty();
        assertThat(rules(rule, email("Hi", "x", said("Your gluten-free bread caught my eye.", "lead:description")), "en")).isEmpty();
    }

    @Test
    void platformLimits() {
        PlatformLength rule = new PlatformLength();
        Draft.Message caption = new Draft.Message("instagram:0:x", "instagram", 0, 0, null, null, null, "x".repeat(2201), null,
                List.of(), null, List.of());
        assertThat(rules(rule, caption, "en")).containsExactly(PlatformLength.RULE);
        Draft.Message tags = new Draft.Message("instagram:0:x", "instagram", 0, 0, null, null, null, "Hi",
                null, java.util.stream.IntStream.range(0, 31).mapToObj(i -> "t" + i).toList(), null, List.of());
        assertThat(rules(rule, tags, "en")).containsExactly(PlatformLength.RULE);
        Draft.Message telegram = new Draft.Message("telegram:0:x", "telegram", 0, 0, null, null, null, "x".repeat(4096), null,
                List.of(), null, List.of());
        assertThat(rules(rule, telegram, "en")).isEmpty();
    }
}
