package dev.leadstream.hitl.service;

import dev.leadstream.topics.event.Draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a draft will look where it lands: the email in an inbox (subject, preheader, both bodies)
 * and each social post on its platform, with the platform's limit and the point where its feed
 * folds the text behind "see more".
 */
public record ContentPreview(EmailPreview email, List<PostPreview> posts) {

    /** Inbox list views show about this many characters of a subject, and of the preheader after it. */
    static final int INBOX_SUBJECT = 60;
    static final int PREHEADER = 90;

    /** Where each platform's feed folds a long post; 0 where it shows the whole post. */
    private static final Map<String, Integer> FOLDS = Map.of("x", 0, "linkedin", 210, "instagram", 125,
            "facebook", 480, "tiktok", 100, "telegram", 0, "youtube", 300);
    private static final Map<String, String> LABELS = Map.of("x", "X", "linkedin", "LinkedIn", "instagram", "Instagram",
            "facebook", "Facebook", "tiktok", "TikTok", "telegram", "Telegram", "youtube", "YouTube");
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\w#])#(\\w{1,100})");
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@(\\w{1,50})");
    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    public record EmailPreview(String to, String subject, int subjectLength, boolean subjectCutInInbox,
                               String preheader, String textBody, String htmlBody) {
    }

    /** {@code visible} is what the feed shows before "see more" at {@code fold} characters (0: it never folds). */
    public record PostPreview(String platform, String label, String text, int length, int limit, int remaining,
                              boolean fits, int fold, String visible, String folded, List<String> hashtags,
                              List<String> mentions, List<String> links) {
    }

    public static ContentPreview of(Draft draft) {
        String preheader = draft.firstTouch("email").map(Draft.Message::preheader).orElse(null);
        return new ContentPreview(email(draft.email(), preheader), draft.socialPosts().stream().map(ContentPreview::post).toList());
    }

    /** {@code written} is the preheader the email carries; without one, inboxes show the start of the text. */
    private static EmailPreview email(Draft.Email email, String written) {
        if (email == null) {
            return null;
        }
        String subject = email.subject() == null ? "" : email.subject();
        String text = email.textBody() == null ? "" : email.textBody();
        String preheader = (written != null ? written : text).replaceAll("\\s+", " ").trim();
        if (preheader.length() > PREHEADER) {
            preheader = preheader.substring(0, PREHEADER).trim() + "…";
        }
        return new EmailPreview(email.to(), subject, subject.length(), subject.length() > INBOX_SUBJECT, preheader, text,
                email.htmlBody());
    }

    private static PostPreview post(Draft.SocialPost post) {
        String platform = post.platform() == null ? "" : post.platform().toLowerCase(Locale.ROOT);
        String text = post.text() == null ? "" : post.text();
        int limit = DraftEdit.POST_LIMITS.getOrDefault(platform, 0);
        int fold = FOLDS.getOrDefault(platform, 0);
        int cut = fold > 0 && text.length() > fold ? wordBoundaryBefore(text, fold) : text.length();
        return new PostPreview(platform, LABELS.getOrDefault(platform, platform), text, text.length(), limit,
                limit - text.length(), limit > 0 && !text.isBlank() && text.length() <= limit, fold, text.substring(0, cut),
                text.substring(cut), matches(HASHTAG, text), matches(MENTION, text), matches(LINK, text));
    }

    private static int wordBoundaryBefore(String text, int fold) {
        int space = text.lastIndexOf(' ', fold);
        return space > fold / 2 ? space : fold;
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return List.copyOf(found);
    }
}
