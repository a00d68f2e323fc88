package dev.leadstream.persona.writer.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadstream.persona.writer.Brief;
import dev.leadstream.persona.writer.ContentWriter;
import dev.leadstream.persona.writer.StyleExample;
import dev.leadstream.persona.writer.Written;
import dev.leadstream.topics.event.Campaign;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.ScoredLead;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A brief for a bakery and a campaign with two channels and two steps, and answers a model could give to it. */
final class Briefs {

    static final List<String> CHANNELS = List.of("email", "instagram");
    static final List<Campaign.Step> SEQUENCE = List.of(new Campaign.Step(0, 0, "intro"), new Campaign.Step(1, 3, "follow-up"));

    static final List<Draft.Fact> FACTS = List.of(
            new Draft.Fact("lead:name", "lead", "name", "Rose Bakery", "https://rose.test/"),
            new Draft.Fact("lead:description", "lead", "description", "Sourdough baked daily", "https://rose.test/"),
            new Draft.Fact("lead:city", "lead", "city", "Leeds", "https://rose.test/contact"),
            new Draft.Fact("lead:emails:0", "lead", "emails", "hello@rose.test", "https://rose.test/contact"),
            new Draft.Fact("campaign:v1", "campaign", "value", "Our ordering app takes orders online", "brief:1"),
            new Draft.Fact("sender:name", "sender", "name", "Ana Silva", null),
            new Draft.Fact("sender:postalAddress", "sender", "postalAddress", "1 High Street, York", null));

    private static final ObjectMapper JSON = new ObjectMapper();

    private Briefs() {
    }

    static Brief brief() {
        return brief(List.of(new StyleExample("example-7", "email", "Hi {business} team, a short note from a neighbour...")));
    }

    static Brief brief(List<StyleExample> examples) {
        return brief(CHANNELS, SEQUENCE, examples);
    }

    static Brief brief(List<String> channels, List<Campaign.Step> sequence, List<StyleExample> examples) {
        ScoredLead lead = new ScoredLead("rose.test", "Rose Bakery", "https://rose.test/", List.of("hello@rose.test"),
                List.of("+441130000000"), "1 Mill Lane, Leeds", "Sourdough baked daily", List.of(), List.of("Bakery"),
                List.of("https://rose.test/"), "uk-food", 70, "B", List.of(), "prior-v1", Provenance.of("test", "1", null),
                "bakery", new ScoredLead.Location("1 Mill Lane", null, "Leeds", null, "GB"), null, null, null, null, null,
                null, null, null, null, null);
        Campaign campaign = new Campaign("spring", 3, "Spring ordering", Campaign.ACTIVE,
                new Campaign.Offering("OrderApp", "Online ordering for bakeries", List.of()),
                new Campaign.Sender("Ana Silva", "OrderApp Ltd", "Founder", "ana@orderapp.test", null, "1 High Street, York", null),
                "warm, brief", "Reply to book a short call", channels, List.of("en"), List.of(), sequence, null, "ana", null, null);
        Draft.Persona persona = new Draft.Persona("The owner of a bakery in Leeds", "warm", List.of("bread"), "owner", List.of());
        return new Brief(lead, List.of(), campaign, persona, FACTS, "en", null, null, examples);
    }

    /** A complete answer: every channel, step and variant, each message with these statements. */
    static String answer(List<Answer.Statement> statements) {
        return answer(CHANNELS, SEQUENCE, statements);
    }

    static String answer(List<String> channels, List<Campaign.Step> sequence, List<Answer.Statement> statements) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode messages = root.putArray("messages");
        for (String channel : channels) {
            for (Campaign.Step step : sequence) {
                for (String variant : List.of("a", "b")) {
                    ObjectNode m = messages.addObject().put("channel", channel).put("step", step.step()).put("variant", variant)
                            .put("subject", channel.equals("email") ? "Fresh ideas for Rose Bakery" : "")
                            .put("preheader", channel.equals("email") ? "A short note" : "")
                            .put("script", "");
                    ArrayNode hashtags = m.putArray("hashtags");
                    if (channel.equals("instagram") || channel.equals("tiktok")) {
                        hashtags.add("#sourdough").add("bakery");
                    }
                    ArrayNode ss = m.putArray("statements");
                    for (Answer.Statement s : statements) {
                        ObjectNode node = ss.addObject().put("text", s.text()).put("about", s.about());
                        s.factIds().forEach(node.putArray("factIds")::add);
                    }
                }
            }
        }
        return root.toPrettyString();
    }

    static List<Answer.Statement> groundedStatements() {
        return List.of(
                new Answer.Statement("Hello Rose Bakery team,", "courtesy", List.of("lead:name")),
                new Answer.Statement("Your sourdough is baked daily in Leeds.", "lead", List.of("lead:description", "lead:city")),
                new Answer.Statement("Our ordering app takes orders online.", "offering", List.of("campaign:v1")),
                new Answer.Statement("Best regards, Ana Silva", "courtesy", List.of("sender:name")));
    }

    /** The fallback of the tests: a real, tiny deterministic writer that counts its calls. */
    static final class CountingWriter implements ContentWriter {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Written write(Brief brief) {
            calls.incrementAndGet();
            Draft.Message message = new Draft.Message("spring:email:0:plain", "email", 0, 0, "hello@rose.test",
                    "A note for Rose Bakery", null, "Hello Rose Bakery team.", null, List.of(), null,
                    List.of(new Draft.Statement("s1", "Hello Rose Bakery team.", "courtesy", List.of("lead:name"), Draft.Statement.UNCHECKED, null)));
            return new Written(List.of(message), new Draft.Generation("deterministic", "plain-v1", null, null, null, null,
                    0, null, brief.instruction(), List.of()));
        }
    }
}
