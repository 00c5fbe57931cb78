package dev.conversa.jdbc.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the outside world saw, across processes: the replies each customer received, in order.
 * A reply answers the messages it names ({@code "re:m1,m2"}). Thread-safe.
 */
final class Ledger {

    private final Map<String, List<String>> received = new ConcurrentHashMap<>();

    void received(String customer, String reply) {
        received.computeIfAbsent(customer, c -> new ArrayList<>());
        synchronized (received.get(customer)) {
            received.get(customer).add(reply);
        }
    }

    /** The message ids the customer's replies answered, in the order the replies arrived. */
    List<String> answered(String customer) {
        List<String> ids = new ArrayList<>();
        List<String> replies = received.getOrDefault(customer, List.of());
        synchronized (replies) {
            for (String reply : replies) {
                ids.addAll(List.of(reply.substring("re:".length()).split(",")));
            }
        }
        return ids;
    }

    int replies() {
        return received.values().stream().mapToInt(List::size).sum();
    }
}
