package dev.conversa.store.memory;

import dev.conversa.agent.Agent;
import dev.conversa.agent.AgentQueue;
import dev.conversa.agent.Assignment;
import dev.conversa.agent.HandoffEvent;
import dev.conversa.agent.Note;
import dev.conversa.agent.Presence;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.TenantId;
import dev.conversa.store.AgentLoad;
import dev.conversa.store.AgentStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** Agents, queues, assignments and notes, under one lock, which makes {@link #assign} atomic. */
final class InMemoryAgentStore implements AgentStore {

    private static final Comparator<Assignment> OLDEST_FIRST = Comparator.comparing(Assignment::queuedAt)
            .thenComparing(assignment -> assignment.conversation().channel().value())
            .thenComparing(assignment -> assignment.conversation().accountId())
            .thenComparing(assignment -> assignment.conversation().contactId());

    private final Map<TenantId, Map<String, Agent>> agents = new HashMap<>();
    private final Map<TenantId, Map<String, Instant>> lastAssigned = new HashMap<>();
    private final Map<TenantId, Map<String, AgentQueue>> queues = new HashMap<>();
    private final Map<Key, Assignment> assignments = new HashMap<>();
    private final Map<Key, List<Note>> notes = new HashMap<>();
    private final List<HandoffEvent> events = new ArrayList<>();

    @Override
    public synchronized void saveAgent(Agent agent) {
        Objects.requireNonNull(agent, "agent");
        agents.computeIfAbsent(agent.tenant(), t -> new TreeMap<>()).put(agent.id(), agent);
    }

    @Override
    public synchronized Optional<Agent> findAgent(TenantId tenant, String agentId) {
        Objects.requireNonNull(agentId, "agentId");
        return Optional.ofNullable(agents.getOrDefault(Objects.requireNonNull(tenant, "tenant"), Map.of())
                .get(agentId));
    }

    @Override
    public synchronized List<Agent> listAgents(TenantId tenant) {
        return List.copyOf(agents.getOrDefault(Objects.requireNonNull(tenant, "tenant"), Map.of()).values());
    }

    @Override
    public synchronized List<AgentLoad> loads(TenantId tenant) {
        List<AgentLoad> loads = new ArrayList<>();
        for (Agent agent : listAgents(tenant)) {
            loads.add(new AgentLoad(agent, active(tenant, agent.id()),
                    Optional.ofNullable(lastAssigned.getOrDefault(tenant, Map.of()).get(agent.id()))));
        }
        return loads;
    }

    @Override
    public synchronized boolean deleteAgent(TenantId tenant, String agentId) {
        Objects.requireNonNull(agentId, "agentId");
        lastAssigned.getOrDefault(tenant, new HashMap<>()).remove(agentId);
        return agents.getOrDefault(Objects.requireNonNull(tenant, "tenant"), new HashMap<>()).remove(agentId) != null;
    }

    @Override
    public synchronized void saveQueue(AgentQueue queue) {
        Objects.requireNonNull(queue, "queue");
        Map<String, AgentQueue> tenantQueues = queues.computeIfAbsent(queue.tenant(), t -> new TreeMap<>());
        if (queue.defaultQueue()) {
            tenantQueues.replaceAll((id, other) -> other.defaultQueue()
                    ? new AgentQueue(other.tenant(), other.id(), other.name(), false) : other);
        }
        tenantQueues.put(queue.id(), queue);
    }

    @Override
    public synchronized List<AgentQueue> listQueues(TenantId tenant) {
        return List.copyOf(queues.getOrDefault(Objects.requireNonNull(tenant, "tenant"), Map.of()).values());
    }

    @Override
    public synchronized boolean enqueue(TenantId tenant, ConversationKey conversation, String queue, String reason,
            Instant now) {
        Key key = new Key(tenant, conversation);
        if (assignments.containsKey(key)) {
            return false;
        }
        assignments.put(key, new Assignment(tenant, conversation, queue, Optional.empty(), reason, now,
                Optional.empty()));
        return true;
    }

    @Override
    public synchronized Optional<Assignment> findAssignment(TenantId tenant, ConversationKey conversation) {
        return Optional.ofNullable(assignments.get(new Key(tenant, conversation)));
    }

    @Override
    public synchronized List<Assignment> waiting(TenantId tenant, String queue, int limit) {
        Objects.requireNonNull(queue, "queue");
        return assignments.values().stream()
                .filter(a -> a.tenant().equals(tenant) && a.queue().equals(queue) && a.waiting())
                .sorted(Comparator.comparingInt(Assignment::priority).reversed().thenComparing(OLDEST_FIRST))
                .limit(limit).toList();
    }

    @Override
    public synchronized List<Assignment> assignedTo(TenantId tenant, String agentId) {
        Objects.requireNonNull(agentId, "agentId");
        return assignments.values().stream()
                .filter(a -> a.tenant().equals(tenant) && a.agent().filter(agentId::equals).isPresent())
                .sorted(Comparator.comparing((Assignment a) -> a.assignedAt().orElseThrow()).thenComparing(OLDEST_FIRST))
                .toList();
    }

    @Override
    public synchronized Optional<Assignment> assign(TenantId tenant, ConversationKey conversation, String agentId,
            Optional<String> currentAgent, Instant now) {
        Objects.requireNonNull(currentAgent, "currentAgent");
        Assignment current = assignments.get(new Key(tenant, conversation));
        Optional<Agent> agent = findAgent(tenant, agentId);
        if (current == null || !current.agent().equals(currentAgent) || agent.isEmpty()
                || agent.get().presence() != Presence.ONLINE || active(tenant, agentId) >= agent.get().maxConversations()) {
            return Optional.empty();
        }
        Assignment assigned = new Assignment(tenant, conversation, current.queue(), Optional.of(agentId),
                current.reason(), current.queuedAt(), Optional.of(now), current.priority());
        assignments.put(new Key(tenant, conversation), assigned);
        lastAssigned.computeIfAbsent(tenant, t -> new HashMap<>()).put(agentId, now);
        return Optional.of(assigned);
    }

    @Override
    public synchronized Optional<Assignment> requeue(TenantId tenant, ConversationKey conversation, String queue,
            Instant now) {
        Objects.requireNonNull(queue, "queue");
        Key key = new Key(tenant, conversation);
        Assignment current = assignments.get(key);
        if (current == null) {
            return Optional.empty();
        }
        Assignment waiting = new Assignment(tenant, conversation, queue, Optional.empty(), current.reason(), now,
                Optional.empty());
        assignments.put(key, waiting);
        return Optional.of(waiting);
    }

    @Override
    public synchronized boolean dequeue(TenantId tenant, ConversationKey conversation) {
        return assignments.remove(new Key(tenant, conversation)) != null;
    }

    @Override
    public synchronized Optional<Assignment> requeue(TenantId tenant, ConversationKey conversation, String queue,
            int priority, Optional<String> currentAgent, Instant now) {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(currentAgent, "currentAgent");
        Objects.requireNonNull(now, "now");
        Key key = new Key(tenant, conversation);
        Assignment current = assignments.get(key);
        if (current == null || !current.agent().equals(currentAgent)) {
            return Optional.empty();
        }
        Assignment waiting = new Assignment(tenant, conversation, queue, Optional.empty(), current.reason(), now,
                Optional.empty(), priority);
        assignments.put(key, waiting);
        return Optional.of(waiting);
    }

    @Override
    public synchronized boolean dequeue(TenantId tenant, ConversationKey conversation,
            Optional<String> currentAgent) {
        Objects.requireNonNull(currentAgent, "currentAgent");
        Key key = new Key(tenant, conversation);
        Assignment current = assignments.get(key);
        if (current == null || !current.agent().equals(currentAgent)) {
            return false;
        }
        assignments.remove(key);
        return true;
    }

    @Override
    public synchronized void addNote(Note note) {
        Objects.requireNonNull(note, "note");
        notes.computeIfAbsent(new Key(note.tenant(), note.conversation()), k -> new ArrayList<>()).add(note);
    }

    @Override
    public synchronized List<Note> notes(TenantId tenant, ConversationKey conversation) {
        return notes.getOrDefault(new Key(tenant, conversation), List.of()).stream()
                .sorted(Comparator.comparing(Note::createdAt).thenComparing(Note::id)).toList();
    }

    @Override
    public synchronized int deleteNotes(TenantId tenant, ConversationKey conversation) {
        List<Note> removed = notes.remove(new Key(tenant, conversation));
        return removed == null ? 0 : removed.size();
    }

    @Override
    public synchronized void recordEvent(HandoffEvent event) {
        events.add(Objects.requireNonNull(event, "event"));
    }

    @Override
    public synchronized List<HandoffEvent> events(TenantId tenant, Instant from, Instant to) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return events.stream()
                .filter(e -> e.tenant().equals(tenant) && !e.at().isBefore(from) && e.at().isBefore(to))
                .sorted(Comparator.comparing(HandoffEvent::at)).toList();
    }

    @Override
    public synchronized int deleteEvents(TenantId tenant, ConversationKey conversation) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(conversation, "conversation");
        int before = events.size();
        events.removeIf(e -> e.tenant().equals(tenant) && e.conversation().equals(conversation));
        return before - events.size();
    }

    private int active(TenantId tenant, String agentId) {
        return (int) assignments.values().stream()
                .filter(a -> a.tenant().equals(tenant) && a.agent().filter(agentId::equals).isPresent())
                .count();
    }

    private record Key(TenantId tenant, ConversationKey conversation) {
        Key {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(conversation, "conversation");
        }
    }
}
