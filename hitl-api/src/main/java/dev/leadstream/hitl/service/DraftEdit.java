package dev.leadstream.hitl.service;

import dev.leadstream.hitl.problem.ApiProblem;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Provenance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A reviewer's change to a draft: the version it was made against and the parts it replaces
 * (null leaves a part as it is). {@code messages} edits messages by variant id; for a draft with
 * messages, {@code subject}, {@code textBody} and {@code htmlBody} edit its step-0 primary email
 * and each of {@code socialPosts} the step-0 primary message of its channel. Every edited message
 * is checked again by the grounding gate, and its HTML made safe for email.
 */
public record DraftEdit(Integer version, String subject, String textBody, String htmlBody, List<Draft.SocialPost> socialPosts,
                        List<MessageEdit> messages) {

    /** Longest post each platform accepts. */
    public static final Map<String, Integer> POST_LIMITS = Map.of("x", 280, "instagram", 2200, "tiktok", 2200,
            "linkedin", 3000, "facebook", 63206, "telegram", 4096, "youtube", 5000);
    public static final int MAX_SUBJECT = 200;
    public static final int MAX_BODY = 20000;
    /** Most messages one edit may change. */
    public static final int MAX_MESSAGE_EDITS = 100;

    /** An edit of a draft without messages: its email and posts. */
    public DraftEdit(Integer version, String subject, String textBody, String htmlBody, List<Draft.SocialPost> socialPosts) {
        this(version, subject, textBody, htmlBody, socialPosts, null);
    }

    /** Why the content cannot be sent as edited, one sentence per problem; empty when it can. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (version == null) {
            problems.add("version must name the draft version this edit was made against");
        }
        if (subject != null && (subject.isBlank() || subject.length() > MAX_SUBJECT)) {
            problems.add("subject must be 1 to " + MAX_SUBJECT + " characters, was " + subject.length());
        }
        if (textBody != null && (textBody.isBlank() || textBody.length() > MAX_BODY)) {
            problems.add("textBody must be 1 to " + MAX_BODY + " characters, was " + textBody.length());
        }
        if (htmlBody != null && htmlBody.length() > MAX_BODY) {
            problems.add("htmlBody must be at most " + MAX_BODY + " characters, was " + htmlBody.length());
        }
        if (socialPosts != null) {
            for (Draft.SocialPost post : socialPosts) {
                Integer limit = post.platform() == null ? null : POST_LIMITS.get(post.platform());
                if (limit == null) {
                    problems.add("platform must be one of " + POST_LIMITS.keySet().stream().sorted().toList() + ", was " + post.platform());
                } else if (post.text() == null || post.text().isBlank() || post.text().length() > limit) {
                    problems.add(post.platform() + " posts must be 1 to " + limit + " characters, was "
                            + (post.text() == null ? 0 : post.text().length()));
                }
            }
        }
        if (messages != null && messages.stream().anyMatch(m -> m.variantId() == null || m.variantId().isBlank())) {
            problems.add("each of messages must name the variantId of the message it edits");
        }
        return problems;
    }

    /** The draft as edited: the next version, its HTML safe for email, its edited messages checked again. */
    public Draft applyTo(Draft current, String reviewer) {
        Provenance by = Provenance.of("hitl-api", "0.1.0", "edited-by:" + reviewer);
        if (current.messages().isEmpty()) {
            if (messages != null && !messages.isEmpty()) {
                throw new ApiProblem(422, "draft " + current.draftId() + " has no messages (it was written before campaigns);"
                        + " edit its subject, textBody, htmlBody and socialPosts");
            }
            return DraftCopy.asNextVersion(EmailHtml.sanitised(DraftCopy.withEmailAndPosts(current, editedEmail(current.email()),
                    socialPosts != null ? socialPosts : current.socialPosts())), by);
        }
        Map<String, Draft.Message> byVariant = new LinkedHashMap<>();
        current.messages().forEach(m -> byVariant.put(m.variantId(), m));
        Set<String> edited = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (MessageEdit edit : messageEdits(current)) {
            Draft.Message target = byVariant.get(edit.variantId());
            if (target == null) {
                problems.add("draft " + current.draftId() + " has no message " + edit.variantId());
                continue;
            }
            problems.addAll(edit.problems(target));
            byVariant.put(target.variantId(), edit.applyTo(target));
            edited.add(target.variantId());
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem(422, String.join("; ", problems));
        }
        Draft safe = EmailHtml.sanitised(DraftCopy.withMessages(current, List.copyOf(byVariant.values())));
        List<Draft.Message> checked = safe.messages().stream().map(m -> edited.contains(m.variantId())
                ? MessageGrounding.rechecked(m, current.facts(), current.language()) : m).toList();
        return DraftCopy.asNextVersion(DraftCopy.withMessages(safe, checked), by);
    }

    private Draft.Email editedEmail(Draft.Email email) {
        return email == null ? null : new Draft.Email(email.to(), subject != null ? subject : email.subject(),
                textBody != null ? textBody : email.textBody(), htmlBody != null ? htmlBody : email.htmlBody());
    }

    /** The email and post fields as edits of the messages they show, then the message edits themselves. */
    private List<MessageEdit> messageEdits(Draft current) {
        List<MessageEdit> edits = new ArrayList<>();
        if (subject != null || textBody != null || htmlBody != null) {
            Draft.Message email = current.firstTouch("email").orElseThrow(() -> new ApiProblem(422, "draft " + current.draftId()
                    + " has no email message to take subject, textBody or htmlBody"));
            edits.add(new MessageEdit(email.variantId(), subject, null, textBody, htmlBody));
        }
        for (Draft.SocialPost post : socialPosts == null ? List.<Draft.SocialPost>of() : socialPosts) {
            Draft.Message shown = current.firstTouch(post.platform()).orElseThrow(() -> new ApiProblem(422, "draft "
                    + current.draftId() + " has no " + post.platform() + " message; edit its messages by variantId"));
            edits.add(new MessageEdit(shown.variantId(), null, null, post.text(), null));
        }
        if (messages != null) {
            edits.addAll(messages);
        }
        return edits;
    }
}
