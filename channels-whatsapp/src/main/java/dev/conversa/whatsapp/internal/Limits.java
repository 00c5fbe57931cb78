package dev.conversa.whatsapp.internal;

/**
 * WhatsApp Cloud API limits, checked before any request so that a message that would be
 * refused fails with an {@link IllegalArgumentException} naming the limit.
 *
 * @see <a href="https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-list-messages">List messages</a>
 * @see <a href="https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-reply-buttons-messages">Reply buttons</a>
 */
public final class Limits {

    /** Longest text message body. */
    public static final int TEXT = 4096;
    /** Longest media caption. */
    public static final int CAPTION = 1024;
    /** Longest body of an interactive message. */
    public static final int INTERACTIVE_BODY = 1024;
    /** Most reply buttons on one message. */
    public static final int BUTTONS = 3;
    /** Longest reply button title. */
    public static final int BUTTON_TITLE = 20;
    /** Longest reply button id. */
    public static final int BUTTON_ID = 256;
    /** Longest label of the button that opens a list. */
    public static final int LIST_BUTTON = 20;
    /** Most sections in a list. */
    public static final int LIST_SECTIONS = 10;
    /** Most rows in a list, all sections together. */
    public static final int LIST_ROWS = 10;
    /** Longest list section title. */
    public static final int SECTION_TITLE = 24;
    /** Longest list row title. */
    public static final int ROW_TITLE = 24;
    /** Longest list row description. */
    public static final int ROW_DESCRIPTION = 72;
    /** Longest list row id. */
    public static final int ROW_ID = 200;
    /** Longest label of a call-to-action URL button. */
    public static final int CTA_LABEL = 20;
    /** Most parameters of a template header. */
    public static final int TEMPLATE_HEADER_PARAMETERS = 1;
    /** Most parameters of a template button. */
    public static final int TEMPLATE_BUTTON_PARAMETERS = 1;
    /** Most buttons of a template (button indexes run from 0 to this minus one). */
    public static final int TEMPLATE_BUTTONS = 10;

    private Limits() {}

    /**
     * Checks a text against its limit.
     *
     * @param value the text
     * @param max the limit in characters
     * @param what the name of the text, used in the message
     * @throws IllegalArgumentException if the text is longer
     */
    static void length(String value, int max, String what) {
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw new IllegalArgumentException(
                    "WhatsApp limit: " + what + " is at most " + max + " characters, got " + length);
        }
    }

    /**
     * Checks a count against its limit.
     *
     * @param count how many there are
     * @param max the limit
     * @param what the name of the things counted, used in the message
     * @throws IllegalArgumentException if there are more
     */
    static void count(int count, int max, String what) {
        if (count > max) {
            throw new IllegalArgumentException("WhatsApp limit: at most " + max + " " + what + ", got " + count);
        }
    }

    /**
     * Checks that a text is not blank.
     *
     * @param value the text
     * @param what the name of the text, used in the message
     * @throws IllegalArgumentException if it is blank
     */
    static void notBlank(String value, String what) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("WhatsApp requires " + what + " to be non-empty");
        }
    }
}
