package dev.leadstream.hitl.service;

import dev.leadstream.topics.event.Draft;
import dev.leadstream.topics.event.Provenance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A draft with one part replaced and every other part kept: the persona, facts, campaign,
 * language and generation travel on with each edit. For a draft with messages, {@code email} and
 * {@code socialPosts} are what readers from before campaigns use, so they follow the messages:
 * the email is the step-0 primary email variant, each post the step-0 primary variant of its channel.
 */
final class DraftCopy {

    private DraftCopy() {
    }

    /** The draft with these messages, its email and posts following them. */
    static Draft withMessages(Draft d, List<Draft.Message> messages) {
        Draft.Email email = d.email();
        List<Draft.SocialPost> posts = d.socialPosts();
        if (!messages.isEmpty()) {
            Draft.Message primary = messages.stream().filter(m -> m.step() == 0 && "email".equals(m.channel())).findFirst().orElse(null);
            email = primary == null ? null : new Draft.Email(primary.to(), primary.subject(), primary.text(), primary.html());
            Map<String, Draft.Message> firstOfChannel = new LinkedHashMap<>();
            messages.stream().filter(m -> m.step() == 0 && !"email".equals(m.channel()))
                    .forEach(m -> firstOfChannel.putIfAbsent(m.channel(), m));
            posts = firstOfChannel.values().stream().map(m -> new Draft.SocialPost(m.channel(), m.text())).toList();
        }
        return copy(d, d.version(), email, posts, d.findings(), messages, d.provenance());
    }

    /** A draft without messages (written before campaigns), with this email and these posts. */
    static Draft withEmailAndPosts(Draft d, Draft.Email email, List<Draft.SocialPost> posts) {
        return copy(d, d.version(), email, posts, d.findings(), d.messages(), d.provenance());
    }

    static Draft withFindings(Draft d, List<Draft.GuardrailFinding> findings) {
        return copy(d, d.version(), d.email(), d.socialPosts(), findings, d.messages(), d.provenance());
    }

    /** The same content as the next version, made by {@code by}. */
    static Draft asNextVersion(Draft d, Provenance by) {
        return copy(d, d.version() + 1, d.email(), d.socialPosts(), d.findings(), d.messages(), by);
    }

    private static Draft copy(Draft d, int version, Draft.Email email, List<Draft.SocialPost> posts,
                              List<Draft.GuardrailFinding> findings, List<Draft.Message> messages, Provenance provenance) {
        return new Draft(d.draftId(), d.leadId(), version, d.persona(), email, posts, d.claims(), findings, provenance,
                d.segment(), d.campaignId(), d.campaignVersion(), d.language(), messages, d.facts(), d.generation());
    }
}
