package dev.conversa.store.contract;

import dev.conversa.model.ConversationKey;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongPredicate;

/**
 * Watches, from the workers' side, that no two workers hold entries of one conversation at once.
 * A worker holds an entry from the moment its claim returned it until its finishing call
 * ({@code complete}, {@code markSent}) returned, so the watched window ends after the store's
 * commit. A claim of another entry of a held conversation is an overlap, with one exception: once
 * the holder is inside its finishing call, the store may have committed and rightly handed out
 * the conversation's next entry before the holder released it. Such a claim counts only if the
 * store still reports the held entry unfinished after the claim returned.
 *
 * <p>So every counted overlap is a real one: the store handed out a second entry of a
 * conversation before the first was finished. Thread-safe.
 */
final class LaneWatch {

    private final Map<ConversationKey, Hold> holders = new ConcurrentHashMap<>();
    private final LongPredicate stillUnfinished;
    private final AtomicInteger overlaps = new AtomicInteger();

    /**
     * Creates a watch.
     *
     * @param stillUnfinished tells, by entry id, whether the store still shows the entry
     *     unfinished; {@code id -> false} where the store cannot tell, which leaves the time
     *     inside the finishing call unwatched
     */
    LaneWatch(LongPredicate stillUnfinished) {
        this.stillUnfinished = Objects.requireNonNull(stillUnfinished, "stillUnfinished");
    }

    /**
     * Records that a claim returned an entry; call it right after the claim, for every entry.
     *
     * @param conversation the entry's conversation
     * @param entryId the entry's id
     * @return the hold, to mark {@link Hold#finishing()} and {@link Hold#release()}
     */
    Hold claimed(ConversationKey conversation, long entryId) {
        Hold hold = new Hold(conversation, entryId);
        Hold previous = holders.put(conversation, hold);
        if (previous != null && (!previous.finishing || stillUnfinished.test(previous.entryId))) {
            overlaps.incrementAndGet();
        }
        return hold;
    }

    /**
     * How many claims returned an entry of a conversation whose other entry was still held.
     *
     * @return the count
     */
    int overlaps() {
        return overlaps.get();
    }

    /** One worker's hold of one entry. */
    final class Hold {

        private final ConversationKey conversation;
        private final long entryId;
        private volatile boolean finishing;

        private Hold(ConversationKey conversation, long entryId) {
            this.conversation = conversation;
            this.entryId = entryId;
        }

        /** Marks that the worker is about to call the store to finish the entry. */
        void finishing() {
            finishing = true;
        }

        /** Ends the hold; call it after the store's finishing call returned. */
        void release() {
            holders.remove(conversation, this);
        }
    }
}
