package dev.conversa.store;

import dev.conversa.agent.Agent;
import dev.conversa.agent.AgentQueue;
import dev.conversa.agent.Assignment;
import dev.conversa.agent.HandoffEvent;
import dev.conversa.agent.Note;
import dev.conversa.agent.Presence;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Agents, queues, the assignment of conversations handed to a person, and internal notes, per
 * tenant. {@link #assign} is the one arbiter of who holds a conversation: it checks and changes
 * atomically, so that under concurrent calls (on any number of instances sharing the store) a
 * conversation is never held by two agents and an agent never holds more than the maximum.
 * Implementations are thread-safe.
 */
public interface AgentStore {

    /**
     * Creates or replaces an agent (keeping when the agent was last assigned a conversation).
     *
     * @param agent the agent
     */
    void saveAgent(Agent agent);

    /**
     * Finds an agent.
     *
     * @param tenant the business
     * @param agentId the agent's id
     * @return the agent, when it exists
     */
    Optional<Agent> findAgent(TenantId tenant, String agentId);

    /**
     * Lists a tenant's agents by id.
     *
     * @param tenant the business
     * @return the agents
     */
    List<Agent> listAgents(TenantId tenant);

    /**
     * Lists a tenant's agents by id with how many conversations each holds and when each was
     * last assigned one.
     *
     * @param tenant the business
     * @return the agents and their load
     */
    List<AgentLoad> loads(TenantId tenant);

    /**
     * Removes an agent.
     *
     * @param tenant the business
     * @param agentId the agent's id
     * @return true if it existed
     */
    boolean deleteAgent(TenantId tenant, String agentId);

    /**
     * Creates or replaces a queue, with its {@link dev.conversa.agent.SlaPolicy}. A default
     * queue makes the tenant's other queues not default, in the same transaction.
     *
     * @param queue the queue
     */
    void saveQueue(AgentQueue queue);

    /**
     * Lists a tenant's queues by id.
     *
     * @param tenant the business
     * @return the queues
     */
    List<AgentQueue> listQueues(TenantId tenant);

    /**
     * Puts a conversation in a queue to wait for an agent, unless it already has an assignment
     * (waiting or held), which is left as it is.
     *
     * @param tenant the business
     * @param conversation the conversation
     * @param queue the queue's id
     * @param reason why it was handed to a person
     * @param now the time
     * @return true if it was put in the queue now
     */
    boolean enqueue(TenantId tenant, ConversationKey conversation, String queue, String reason, Instant now);

    /**
     * Finds a conversation's assignment.
     *
     * @param tenant the business
     * @param conversation the conversation
     * @return the assignment, while the conversation waits or is held
     */
    Optional<Assignment> findAssignment(TenantId tenant, ConversationKey conversation);

    /**
     * Lists the conversations waiting in a queue, highest {@link Assignment#priority()} first,
     * then longest waiting (ties by conversation).
     *
     * @param tenant the business
     * @param queue the queue's id
     * @param limit the most to return, positive
     * @return the waiting assignments
     */
    List<Assignment> waiting(TenantId tenant, String queue, int limit);

    /**
     * Lists the conversations an agent holds, in the order they were assigned.
     *
     * @param tenant the business
     * @param agentId the agent's id
     * @return the agent's assignments
     */
    List<Assignment> assignedTo(TenantId tenant, String agentId);

    /**
     * Gives a conversation to an agent, atomically: only if it has an assignment held by
     * {@code currentAgent} (empty: waiting), and the agent exists, is {@link Presence#ONLINE} and
     * holds fewer conversations than the maximum. Records the time as the agent's last
     * assignment.
     *
     * @param tenant the business
     * @param conversation the conversation
     * @param agentId the agent to give it to
     * @param currentAgent who must hold it now: empty for a waiting conversation
     * @param now the time
     * @return the assignment now, or empty if any condition failed (nothing changed)
     */
    Optional<Assignment> assign(TenantId tenant, ConversationKey conversation, String agentId,
            Optional<String> currentAgent, Instant now);

    /**
     * Puts an assigned or waiting conversation back to wait in a queue, with no agent, at
     * priority 0.
     *
     * @param tenant the business
     * @param conversation the conversation
     * @param queue the queue's id
     * @param now the time it starts waiting
     * @return the assignment now, or empty if the conversation had none
     */
    Optional<Assignment> requeue(TenantId tenant, ConversationKey conversation, String queue, Instant now);

    /**
     * Puts a conversation back to wait in a queue, with no agent, at a priority, atomically and
     * only if it is held by {@code currentAgent} now (empty: only if it waits).
     *
     * @param tenant the business
     * @param conversation the conversation
     * @param queue the queue's id
     * @param priority its priority among the waiting, higher first
     * @param currentAgent who must hold it now: empty for a waiting conversation
     * @param now the time it starts waiting
     * @return the assignment now, or empty if it had none or another holder (nothing changed)
     */
    Optional<Assignment> requeue(TenantId tenant, ConversationKey conversation, String queue, int priority,
            Optional<String> currentAgent, Instant now);

    /**
     * Removes a conversation's assignment, atomically and only if it is held by
     * {@code currentAgent} now (empty: only if it waits).
     *
     * @param tenant the business
     * @param conversation the conversation
     * @param currentAgent who must hold it now: empty for a waiting conversation
     * @return true if it was removed
     */
    boolean dequeue(TenantId tenant, ConversationKey conversation, Optional<String> currentAgent);

    /**
     * Removes a conversation's assignment: released to the bot, closed or erased.
     *
     * @param tenant the business
     * @param conversation the conversation
     * @return true if it had one
     */
    boolean dequeue(TenantId tenant, ConversationKey conversation);

    /**
     * Stores an internal note.
     *
     * @param note the note, with an id not used before in the tenant
     */
    void addNote(Note note);

    /**
     * Lists a conversation's notes, oldest first (ties by id).
     *
     * @param tenant the business
     * @param conversation the conversation
     * @return the notes
     */
    List<Note> notes(TenantId tenant, ConversationKey conversation);

    /**
     * Removes a conversation's notes.
     *
     * @param tenant the business
     * @param conversation the conversation
     * @return how many were removed
     */
    int deleteNotes(TenantId tenant, ConversationKey conversation);

    /**
     * Stores a step of a handoff, for the manager's metrics.
     *
     * @param event the step
     */
    void recordEvent(HandoffEvent event);

    /**
     * Lists a tenant's handoff steps from {@code from} (inclusive) to {@code to} (exclusive), in
     * the order they happened (ties in the order they were recorded).
     *
     * @param tenant the business
     * @param from the start of the period
     * @param to the end of the period
     * @return the steps
     */
    List<HandoffEvent> events(TenantId tenant, Instant from, Instant to);

    /**
     * Removes a conversation's handoff steps: the person is erased or the conversation purged.
     *
     * @param tenant the business
     * @param conversation the conversation
     * @return how many were removed
     */
    int deleteEvents(TenantId tenant, ConversationKey conversation);
}
