package dev.conversa.store.memory;

import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import dev.conversa.store.ConsentRecord;
import dev.conversa.store.ConsentStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** Consent changes per person, each person's kept by topic and time. */
final class InMemoryConsentStore implements ConsentStore {

    private final Map<PersonKey, Map<ChangeKey, ConsentRecord>> changes = new HashMap<>();

    @Override
    public synchronized void record(ConsentRecord change) {
        Objects.requireNonNull(change, "change");
        changes.computeIfAbsent(new PersonKey(change.tenant(), change.channel(), change.contactId()),
                key -> new TreeMap<>()).put(new ChangeKey(change.topic(), change.at()), change);
    }

    @Override
    public synchronized Optional<ConsentRecord> latest(TenantId tenant, ChannelType channel, String contactId,
            String topic) {
        Objects.requireNonNull(topic, "topic");
        return of(tenant, channel, contactId).values().stream()
                .filter(change -> change.topic().equals(topic))
                .max(Comparator.comparing(ConsentRecord::at));
    }

    @Override
    public synchronized List<ConsentRecord> list(TenantId tenant, ChannelType channel, String contactId) {
        List<ConsentRecord> all = new ArrayList<>(of(tenant, channel, contactId).values());
        all.sort(Comparator.comparing(ConsentRecord::at).thenComparing(ConsentRecord::topic));
        return List.copyOf(all);
    }

    @Override
    public synchronized int delete(TenantId tenant, ChannelType channel, String contactId) {
        Map<ChangeKey, ConsentRecord> removed = changes.remove(key(tenant, channel, contactId));
        return removed == null ? 0 : removed.size();
    }

    private Map<ChangeKey, ConsentRecord> of(TenantId tenant, ChannelType channel, String contactId) {
        return changes.getOrDefault(key(tenant, channel, contactId), Map.of());
    }

    private static PersonKey key(TenantId tenant, ChannelType channel, String contactId) {
        return new PersonKey(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(channel, "channel"),
                Objects.requireNonNull(contactId, "contactId"));
    }

    private record PersonKey(TenantId tenant, ChannelType channel, String contactId) {}

    private record ChangeKey(String topic, Instant at) implements Comparable<ChangeKey> {
        @Override
        public int compareTo(ChangeKey other) {
            int byTopic = topic.compareTo(other.topic);
            return byTopic != 0 ? byTopic : at.compareTo(other.at);
        }
    }
}
