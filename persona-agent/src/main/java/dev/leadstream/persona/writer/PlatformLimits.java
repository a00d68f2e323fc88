package dev.leadstream.persona.writer;

/**
 * Every length limit content must keep, in one place, with where each comes from. Counted in
 * UTF-16 chars (Java's length), which is at least the platforms' own count.
 */
public final class PlatformLimits {

    /** RFC 5322 section 2.1.1: header lines SHOULD stay within 78 characters. */
    public static final int EMAIL_SUBJECT_MAX = 78;
    /** Mobile inboxes cut subjects around 40-60 characters; longer ones get a guardrail finding. */
    public static final int EMAIL_SUBJECT_GUARDRAIL = 60;
    /** A preview line shows roughly 90-140 characters in common inboxes; keep the whole preheader visible. */
    public static final int EMAIL_PREHEADER_MAX = 100;
    /** hitl-api's limit for the text and HTML bodies a reviewer saves (README, "Content editor"). */
    public static final int EMAIL_BODY_MAX = 20_000;
    /** Telegram Bot API sendMessage: text of 1-4096 characters after entities parsing (core.telegram.org/bots/api#sendmessage). */
    public static final int TELEGRAM_TEXT_MAX = 4096;
    /** Instagram Graph API content publishing: a caption of at most 2,200 characters (developers.facebook.com/docs/instagram-platform/content-publishing). */
    public static final int INSTAGRAM_CAPTION_MAX = 2200;
    /** Instagram Graph API content publishing: at most 30 hashtags per post. */
    public static final int INSTAGRAM_HASHTAGS_MAX = 30;
    /**
     * TikTok Content Posting API: a video's title (its caption) of at most 2,200 UTF-16 runes
     * (developers.tiktok.com/doc/content-posting-api-reference-direct-post). A photo post's
     * description takes 4,000, but its title only 90; the video figure is the one both fit.
     */
    public static final int TIKTOK_CAPTION_MAX = 2200;
    /** Our own: a script a person reads out in a short video (about 30 seconds). */
    public static final int TIKTOK_SCRIPT_MAX = 600;

    private PlatformLimits() {
    }

    /** The longest text (email text body, message or caption) {@code channel} takes. */
    public static int textMax(String channel) {
        return switch (channel) {
            case "email" -> EMAIL_BODY_MAX;
            case "telegram" -> TELEGRAM_TEXT_MAX;
            case "instagram" -> INSTAGRAM_CAPTION_MAX;
            case "tiktok" -> TIKTOK_CAPTION_MAX;
            default -> throw new IllegalArgumentException("no limits known for channel " + channel);
        };
    }
}
