package dev.leadstream.persona.writer.deterministic;

import dev.leadstream.persona.facts.CampaignFacts;
import dev.leadstream.persona.persona.Angle;
import dev.leadstream.persona.writer.PlatformLimits;
import dev.leadstream.topics.event.Campaign;
import dev.leadstream.topics.event.Draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One email of the sequence: greeting, what we noticed about the lead (or a question), the
 * offering in the campaign's words, one call to action, the sender's signature, and a footer
 * with the postal address and the unsubscribe placeholder. A follow-up refers to the earlier
 * email and brings one angle and one statement no earlier email used.
 */
final class EmailWriter {

    private final Lead lead;

    EmailWriter(Lead lead) {
        this.lead = lead;
    }

    /** @param firstSubject the subject of this approach's first email, which a follow-up replies to */
    Draft.Message write(String approach, Campaign.Step step, Draft.Statement firstSubject) {
        String variant = "email:" + step.step() + ":" + approach;
        String id = variant + "/";
        boolean last = "last".equals(step.purpose()) && step.step() > 0;
        TalkingPoints.Points points = lead.points().of(approach, step.step());

        List<Draft.Statement> opening = new ArrayList<>();
        if (step.step() == 0 && "question-led".equals(approach)) {
            lead.say(id + "question", "lead", "question." + lead.focus()).ifPresent(opening::add);
        }
        if (step.step() > 0) {
            lead.say(id + "reference", "courtesy", last ? "last.reference" : "followup.reference").ifPresent(opening::add);
            if (!points.angles().isEmpty() || !points.offers().isEmpty()) {
                lead.say(id + "new", "courtesy", "followup.new").ifPresent(opening::add);
            }
        }
        int n = 0;
        for (Angle angle : points.angles()) {
            lead.hook(id + "hook-" + ++n, angle).ifPresent(opening::add);
        }

        List<Draft.Statement> offering = new ArrayList<>();
        if (step.step() == 0) {
            lead.say(id + "lead-in", "offering", lead.points().hasOffers() ? "offer.lead-in" : "offer.only-product").ifPresent(offering::add);
        }
        int o = 0;
        for (TalkingPoints.Offer offer : points.offers()) {
            if (offer.text().length() <= PlatformLimits.EMAIL_BODY_MAX / 4) {
                offering.add(Lead.offer(id + "offer-" + ++o, offer));
            }
        }

        List<Optional<Draft.Statement>> close = new ArrayList<>();
        close.add(lead.say(id + "cta", "courtesy", lead.slots().containsKey("cta") ? "cta.campaign" : "cta.generic"));
        if (step.step() > 0) {
            close.add(lead.say(id + "soft", "courtesy", last ? "last.close" : "cta.soft"));
        }

        List<Paragraph> body = List.of(
                Paragraph.of(Paragraph.Kind.BODY, lead.say(id + "greeting", "courtesy", "greeting." + lead.register())),
                Paragraph.body(opening),
                Paragraph.body(offering),
                Paragraph.body(close.stream().flatMap(Optional::stream).toList()),
                Paragraph.of(Paragraph.Kind.SIGNATURE, lead.say(id + "sign-off", "courtesy", "signoff." + lead.register()),
                        lead.line(id + "sender", CampaignFacts.SENDER_NAME),
                        lead.line(id + "sender-role", CampaignFacts.SENDER_ROLE, CampaignFacts.SENDER_COMPANY),
                        lead.line(id + "sender-website", CampaignFacts.SENDER_WEBSITE)),
                Paragraph.of(Paragraph.Kind.FOOTER, lead.line(id + "postal-address", CampaignFacts.SENDER_ADDRESS),
                        lead.say(id + "unsubscribe", "courtesy", "footer.unsubscribe")));

        Draft.Statement subject = subject(id, approach, step, last, firstSubject);
        Optional<Draft.Statement> preheader = lead.say(id + "preheader", "courtesy",
                step.step() == 0 ? "preheader." + approach : last ? "preheader.last" : "preheader.follow-up", PlatformLimits.EMAIL_PREHEADER_MAX);
        List<Draft.Statement> statements = Stream.of(Stream.of(subject), preheader.stream(),
                body.stream().flatMap(p -> p.statements().stream())).flatMap(s -> s).toList();
        String html = Layout.html(body, preheader.map(Draft.Statement::text).orElse(null), lead.language(),
                lead.maker().word("footer.unsubscribe-link", "Unsubscribe"));
        return new Draft.Message(variant, "email", step.step(), step.dayOffset(), lead.email(), subject.text(),
                preheader.map(Draft.Statement::text).orElse(null), Layout.text(body), html, List.of(), null, statements);
    }

    /** A follow-up of the signal-led email replies in its thread; the others have subjects of their own. */
    private Draft.Statement subject(String id, String approach, Campaign.Step step, boolean last, Draft.Statement firstSubject) {
        if (step.step() > 0 && !last && "signal-led".equals(approach) && firstSubject != null
                && ("Re: " + firstSubject.text()).length() <= PlatformLimits.EMAIL_SUBJECT_GUARDRAIL) {
            return new Draft.Statement(id + "subject", "Re: " + firstSubject.text(), "courtesy", firstSubject.factIds(),
                    Draft.Statement.UNCHECKED, null);
        }
        String key = step.step() == 0 ? "subject." + approach : last ? "subject.last" : "subject.follow-up";
        return lead.say(id + "subject", "courtesy", key, PlatformLimits.EMAIL_SUBJECT_GUARDRAIL)
                .or(() -> lead.say(id + "subject", "courtesy", "subject.short"))
                .orElseThrow();
    }
}
