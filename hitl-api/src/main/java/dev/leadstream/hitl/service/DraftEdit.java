package dev.leadstream.hitl.service;

import dev.leadstream.hitl.model.DraftChange;
import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Provenance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A reviewer's change to a draft: the version it was made against and the parts it replaces
 * (null leaves a part as it is). It checks the content against each channel's limits and says
 * what changed.
 */
public record DraftEdit(Integer version, String subject, String textBody, String htmlBody, List<Draft.SocialPost> socialPosts) {

    /** Longest post each platform accepts. */
    public static final Map<String, Integer> POST_LIMITS = Map.of("x", 280, "instagram", 2200, "tiktok", 2200,
            "linkedin", 3000, "facebook", 63206, "telegram", 4096, "youtube", 5000);
    public static final int MAX_SUBJECT = 200;
    public static final int MAX_BODY = 20000;

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
        return problems;
    }

    /** The draft as edited: the next version, written by this service for the reviewer. */
    public Draft applyTo(Draft current, String reviewer) {
        Draft.Email email = current.email() == null ? null : new Draft.Email(current.email().to(),
                subject != null ? subject : current.email().subject(),
                textBody != null ? textBody : current.email().textBody(),
                htmlBody != null ? htmlBody : current.email().htmlBody());
        return new Draft(current.draftId(), current.leadId(), current.version() + 1, current.persona(), email,
                socialPosts != null ? socialPosts : current.socialPosts(), current.claims(), current.findings(),
                Provenance.of("hitl-api", "0.1.0", "edited-by:" + reviewer), current.segment());
    }

    /** Field by field, what differs between two versions. */
    public static List<DraftChange> changes(Draft before, Draft after) {
        Map<String, String> a = parts(before);
        Map<String, String> b = parts(after);
        List<DraftChange> changes = new ArrayList<>();
        b.keySet().forEach(k -> a.putIfAbsent(k, null));
        a.forEach((field, from) -> {
            String to = b.get(field);
            if (!Objects.equals(from, to)) {
                changes.add(new DraftChange(field, from, to));
            }
        });
        return changes;
    }

    private static Map<String, String> parts(Draft draft) {
        Map<String, String> parts = new LinkedHashMap<>();
        if (draft.email() != null) {
            parts.put("email.subject", draft.email().subject());
            parts.put("email.textBody", draft.email().textBody());
            parts.put("email.htmlBody", draft.email().htmlBody());
        }
        draft.socialPosts().forEach(p -> parts.put("social." + p.platform(), p.text()));
        return parts;
    }
}
