package dev.conversa.store.memory;

import dev.conversa.internal.store.StoreArguments;
import dev.conversa.store.DeadLetter;
import dev.conversa.store.DeadLetterStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/** Dead letters in arrival order. */
final class InMemoryDeadLetterStore implements DeadLetterStore {

    private final TreeMap<Long, DeadLetter> letters = new TreeMap<>();
    private long lastId;

    @Override
    public synchronized DeadLetter record(String object, String reason, String body, Instant receivedAt) {
        DeadLetter letter = new DeadLetter(++lastId, object, reason, body, receivedAt);
        letters.put(letter.id(), letter);
        return letter;
    }

    @Override
    public synchronized List<DeadLetter> list(int limit) {
        StoreArguments.requireLimit(limit);
        return letters.values().stream().limit(limit).toList();
    }

    @Override
    public synchronized boolean delete(long id) {
        return letters.remove(id) != null;
    }

    @Override
    public synchronized int purge(Instant before) {
        Objects.requireNonNull(before, "before");
        List<Long> old = new ArrayList<>();
        letters.values().stream().filter(l -> l.receivedAt().isBefore(before)).forEach(l -> old.add(l.id()));
        old.forEach(letters::remove);
        return old.size();
    }
}
