package dev.leadstream.topics.event;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A persona and outreach content for one lead and campaign, with the facts every statement rests
 * on. {@code messages} holds every channel, sequence step and variant; {@code email} is the first
 * touch as it will be sent (the primary email variant of step 0, as a reviewer last saved it).
 * {@code segment} is the lead's scoring segment, carried on to engagement so outcomes teach that
 * segment's model.
 *
 * @param language   the language the content is written in (en, de, nl, fr, ...)
 * @param facts      every fact a statement may cite: the lead's ({@code lead:<field>...}) and the
 *                   campaign's ({@code campaign:<statement id>}, {@code sender:<field>})
 * @param claims     superseded by the statements of {@code messages}; kept for older readers
 * @param generation how the content was written: writer, model, prompt, tokens, instruction
 */
public record Draft(
        String draftId,
        String leadId,
        int version,
        Persona persona,
        Email email,
        List<SocialPost> socialPosts,
        List<Claim> claims,
        List<GuardrailFinding> findings,
        Provenance provenance,
        String segment,
        String campaignId,
        Integer campaignVersion,
        String language,
        List<Message> messages,
        List<Fact> facts,
        Generation generation) {

    /**
     * Who we write to there and why now.
     *
     * @param decisionMaker who likely decides at this business (owner, practice manager, ...)
     * @param statements    what they care about and why now, each citing the facts it rests on
     */
    public record Persona(String summary, String tone, List<String> interests, String decisionMaker, List<Statement> statements) {
        public Persona {
            interests = interests == null ? List.of() : List.copyOf(interests);
            statements = statements == null ? List.of() : List.copyOf(statements);
        }

        public Persona(String summary, String tone, List<String> interests) {
            this(summary, tone, interests, null, List.of());
        }
    }

    public record Email(String to, String subject, String textBody, String htmlBody) {
    }

    public record SocialPost(String platform, String text) {
    }

    /** A sentence of the content and the lead fields that support it. */
    public record Claim(String text, List<String> facts) {
        public Claim {
            facts = facts == null ? List.of() : List.copyOf(facts);
        }
    }

    public record GuardrailFinding(String rule, String severity, String message) {
        public static final String INFO = "info";
        public static final String WARNING = "warning";
        public static final String BLOCK = "block";
    }

    /**
     * One piece of content for one channel, sequence step and variant.
     *
     * @param variantId stable across leads for the same campaign, channel, step and approach, so
     *                  feedback can learn which variant works
     * @param to        the recipient: an email address, or null where the platform decides
     * @param subject   email only
     * @param preheader email only: the preview line after the subject
     * @param text      the email's text body, the Telegram message, or the Instagram or TikTok caption
     * @param html      email only; carries the {@value #UNSUBSCRIBE_PLACEHOLDER} placeholder
     * @param hashtags  Instagram and TikTok, without '#'
     * @param script    TikTok only: a short script for the video
     */
    public record Message(String variantId, String channel, int step, int dayOffset, String to, String subject,
                          String preheader, String text, String html, List<String> hashtags, String script,
                          List<Statement> statements) {

        public static final String UNSUBSCRIBE_PLACEHOLDER = "{{unsubscribe_url}}";

        public Message {
            hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
            statements = statements == null ? List.of() : List.copyOf(statements);
        }
    }

    /**
     * One sentence of a message or persona and the facts it cites.
     *
     * @param about  {@code lead}, {@code offering}, {@code persona} or {@code courtesy} (greetings,
     *               sign-offs and calls to action that claim nothing)
     * @param status {@code supported}, {@code unsupported} or {@code unchecked}
     * @param reason why it is unsupported: the token no cited fact carries
     */
    public record Statement(String id, String text, String about, List<String> factIds, String status, String reason) {
        public static final String SUPPORTED = "supported";
        public static final String UNSUPPORTED = "unsupported";
        public static final String UNCHECKED = "unchecked";

        public Statement {
            factIds = factIds == null ? List.of() : List.copyOf(factIds);
        }
    }

    /**
     * One fact a statement may cite.
     *
     * @param id        {@code lead:<field>[:<n>]}, {@code signal:<name>}, {@code campaign:<statement id>} or
     *                  {@code sender:<field>}
     * @param origin    {@code lead}, {@code signal}, {@code campaign} or {@code sender}
     * @param sourceUrl the page the fact was read on, or the campaign statement's source
     */
    public record Fact(String id, String origin, String field, String value, String sourceUrl) {
    }

    /**
     * How the content was written, for the provenance and the audit trail.
     *
     * @param writer         {@code deterministic} or {@code llm}
     * @param prompt         the prompt sent to the model (the LLM writer only)
     * @param attempts       model calls made, retries included
     * @param fallbackReason why the LLM writer fell back to the deterministic one, or null
     * @param instruction    a reviewer's instruction for this version ("shorter"), or null
     * @param examples       ids of the content that worked that was given as style examples
     */
    public record Generation(String writer, String model, String prompt, Double temperature, Integer promptTokens,
                             Integer completionTokens, int attempts, String fallbackReason, String instruction,
                             List<String> examples) {
        public Generation {
            examples = examples == null ? List.of() : List.copyOf(examples);
        }
    }

    public Draft {
        socialPosts = socialPosts == null ? List.of() : List.copyOf(socialPosts);
        claims = claims == null ? List.of() : List.copyOf(claims);
        findings = findings == null ? List.of() : List.copyOf(findings);
        messages = messages == null ? List.of() : List.copyOf(messages);
        facts = facts == null ? List.of() : List.copyOf(facts);
    }

    /** A draft as persona-agent wrote it before campaigns: one email, no messages. */
    public Draft(String draftId, String leadId, int version, Persona persona, Email email, List<SocialPost> socialPosts,
                 List<Claim> claims, List<GuardrailFinding> findings, Provenance provenance, String segment) {
        this(draftId, leadId, version, persona, email, socialPosts, claims, findings, provenance, segment,
                null, null, null, List.of(), List.of(), null);
    }

    /** Statements of any message or of the persona that the grounding gate found unsupported. */
    @JsonIgnore
    public List<Statement> unsupportedStatements() {
        Stream<Statement> persona = this.persona == null ? Stream.empty() : this.persona.statements().stream();
        return Stream.concat(persona, messages.stream().flatMap(m -> m.statements().stream()))
                .filter(s -> Statement.UNSUPPORTED.equals(s.status())).toList();
    }

    /** The primary (first) variant of the first touch on a channel; for email, what {@code email} holds. */
    @JsonIgnore
    public Optional<Message> firstTouch(String channel) {
        return messages.stream().filter(m -> m.step() == 0 && channel.equals(m.channel())).findFirst();
    }

    @JsonIgnore
    public Optional<Fact> fact(String id) {
        return facts.stream().filter(f -> f.id().equals(id)).findFirst();
    }
}
