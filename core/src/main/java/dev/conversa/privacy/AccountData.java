package dev.conversa.privacy;

/**
 * What becomes of a disconnected account's data when a data deletion request of the app user who
 * connected it is carried out ({@code Conversa.Builder.deletionRequestAccountData}).
 */
public enum AccountData {
    /**
     * Its conversations, their messages and queued work, and the contacts who wrote to no other
     * account of the tenant on that channel, are erased; the audit log keeps counts only.
     */
    ERASE,
    /**
     * The conversations stay, readable by the business; the account itself, which named the app
     * user, is gone from the registry.
     */
    KEEP
}
