package dev.conversa.jdbc;

import dev.conversa.model.ConversationKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the simulated instances did, shared by all of them as the outside world would see it:
 * which events each conversation's handler saw, in order, and which replies the channel
 * accepted, how often.
 */
final class Ledger {

    private final Map<ConversationKey, List<String>> handled = new ConcurrentHashMap<>();
    private final Map<ConversationKey, List<String>> sent = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> handledBy = new ConcurrentHashMap<>();

    void handled(String instance, ConversationKey conversation, String externalId) {
        List<String> list = handled.computeIfAbsent(conversation, k -> new ArrayList<>());
        synchronized (list) {
            list.add(externalId);
        }
        handledBy.computeIfAbsent(instance, k -> new AtomicInteger()).incrementAndGet();
    }

    void sent(ConversationKey conversation, String replyTo) {
        List<String> list = sent.computeIfAbsent(conversation, k -> new ArrayList<>());
        synchronized (list) {
            list.add(replyTo);
        }
        sends.computeIfAbsent(replyTo, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Per conversation, the events handled, a retried event counted at its first handling. */
    Map<ConversationKey, List<String>> handledInOrder() {
        return withoutRepeats(handled);
    }

    /** Per conversation, the events handled, every handling counted. */
    Map<ConversationKey, List<String>> everyHandling() {
        return Map.copyOf(handled);
    }

    Map<ConversationKey, List<String>> sentInOrder() {
        return Map.copyOf(sent);
    }

    Map<String, AtomicInteger> sendsPerReply() {
        return Map.copyOf(sends);
    }

    int handledBy(String instance) {
        return handledBy.getOrDefault(instance, new AtomicInteger()).get();
    }

    private static Map<ConversationKey, List<String>> withoutRepeats(Map<ConversationKey, List<String>> lists) {
        Map<ConversationKey, List<String>> result = new ConcurrentHashMap<>();
        lists.forEach((key, list) -> {
            List<String> firsts = new ArrayList<>();
            for (String id : list) {
                if (!firsts.contains(id)) {
                    firsts.add(id);
                }
            }
            result.put(key, firsts);
        });
        return result;
    }
}
