package dev.conversa.internal.respond;

import dev.conversa.model.TenantId;
import dev.conversa.respond.TenantProfile;
import dev.conversa.respond.Tool;
import dev.conversa.respond.UsageListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The settings every AI responder's builder has, with their defaults and their checks, held for
 * the public builder that delegates to it. Setters only store; {@link #validate()} checks.
 *
 * <p><b>Internal:</b> not part of the public API. Not thread-safe, like the builders.
 */
public final class ResponderOptions {

    private int historyBudgetChars = 12_000;
    private int maxToolRounds = 3;
    private int maxMessagesPerReply = 3;
    private boolean maskPersonalData = true;
    private Function<TenantId, TenantProfile> profiles = tenant -> TenantProfile.empty();
    private final List<Tool> tools = new ArrayList<>();
    private final Map<String, String> handoffQueues = new LinkedHashMap<>();
    private String handoffMessage = "I'm passing you to a colleague, who will answer here as soon as possible.";
    private String fallbackMessage = "Sorry, I can't answer right now. Please write again in a few minutes.";
    private boolean handoffOnFailure;
    private UsageListener usageListener = UsageListener.NONE;

    /** Options with every default. */
    public ResponderOptions() {
        // defaults above
    }

    /**
     * A copy, for {@code toBuilder()}.
     *
     * @return a new holder with these settings
     */
    public ResponderOptions copy() {
        ResponderOptions copy = new ResponderOptions();
        copy.historyBudgetChars = historyBudgetChars;
        copy.maxToolRounds = maxToolRounds;
        copy.maxMessagesPerReply = maxMessagesPerReply;
        copy.maskPersonalData = maskPersonalData;
        copy.profiles = profiles;
        copy.tools.addAll(tools);
        copy.handoffQueues.putAll(handoffQueues);
        copy.handoffMessage = handoffMessage;
        copy.fallbackMessage = fallbackMessage;
        copy.handoffOnFailure = handoffOnFailure;
        copy.usageListener = usageListener;
        return copy;
    }

    /** @param value characters of history the model sees */
    public void historyBudgetChars(int value) {
        historyBudgetChars = value;
    }

    /** @param value rounds of host tools before the model must answer */
    public void maxToolRounds(int value) {
        maxToolRounds = value;
    }

    /** @param value messages one answer may be split into */
    public void maxMessagesPerReply(int value) {
        maxMessagesPerReply = value;
    }

    /** @param value whether to mask e-mail addresses and phone numbers */
    public void maskPersonalData(boolean value) {
        maskPersonalData = value;
    }

    /** @param value each tenant's profile */
    public void profiles(Function<TenantId, TenantProfile> value) {
        profiles = Objects.requireNonNull(value, "profiles");
    }

    /** @param tool one more host tool */
    public void tool(Tool tool) {
        tools.add(Objects.requireNonNull(tool, "tool"));
    }

    /**
     * Offers the model a queue to hand a conversation to; checked at once, like main's builder.
     *
     * @param queueId the queue's id: 1 to 100 letters, digits or {@code _ . : -}
     * @param description what the queue handles, for the model; not blank
     * @throws IllegalArgumentException if the id is malformed or the description blank
     */
    public void handoffQueue(String queueId, String description) {
        Objects.requireNonNull(queueId, "queueId");
        Objects.requireNonNull(description, "description");
        if (!queueId.matches("[A-Za-z0-9_.:-]{1,100}")) {
            throw new IllegalArgumentException("queueId must be 1 to 100 letters, digits or _ . : -");
        }
        if (description.isBlank()) {
            throw new IllegalArgumentException("description must not be blank");
        }
        handoffQueues.put(queueId, description.strip());
    }

    /**
     * The queues offered for a handoff, by id, in the order offered.
     *
     * @return the ids and their descriptions, unmodifiable
     */
    public Map<String, String> handoffQueues() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(handoffQueues));
    }

    /** @param value what the customer is told on a handoff */
    public void handoffMessage(String value) {
        handoffMessage = Objects.requireNonNull(value, "handoffMessage");
    }

    /** @param value what the customer is told when the model gives no usable answer */
    public void fallbackMessage(String value) {
        fallbackMessage = Objects.requireNonNull(value, "fallbackMessage");
    }

    /** @param value whether a failed answer also hands off */
    public void handoffOnFailure(boolean value) {
        handoffOnFailure = value;
    }

    /** @param value who hears the usage */
    public void usageListener(UsageListener value) {
        usageListener = Objects.requireNonNull(value, "usageListener");
    }

    /**
     * The host tools, in the order they were added.
     *
     * @return the tools, unmodifiable
     */
    public List<Tool> tools() {
        return List.copyOf(tools);
    }

    /**
     * Checks every shared setting.
     *
     * @throws IllegalStateException naming the setting out of range, or a tool added twice
     */
    public void validate() {
        requirePositive(historyBudgetChars, "historyBudgetChars");
        requirePositive(maxToolRounds, "maxToolRounds");
        requirePositive(maxMessagesPerReply, "maxMessagesPerReply");
        requireText(handoffMessage, "handoffMessage");
        requireText(fallbackMessage, "fallbackMessage");
        toolsByName();
    }

    Map<String, Tool> toolsByName() {
        Map<String, Tool> byName = new LinkedHashMap<>();
        for (Tool tool : tools) {
            if (byName.putIfAbsent(tool.name(), tool) != null) {
                throw new IllegalStateException("tool '" + tool.name() + "' was added twice");
            }
        }
        return byName;
    }

    Settings settings() {
        return new Settings(historyBudgetChars, maxToolRounds, maxMessagesPerReply,
                maskPersonalData ? PersonalDataMask.ON : PersonalDataMask.OFF, profiles, handoffMessage,
                fallbackMessage, handoffOnFailure);
    }

    UsageListener usageListener() {
        return usageListener;
    }

    /**
     * Fails unless the text has content.
     *
     * @param value the text
     * @param name the setting's name
     * @throws IllegalStateException if blank
     */
    public static void requireText(String value, String name) {
        if (value.isBlank()) {
            throw new IllegalStateException(name + " must not be blank");
        }
    }

    /**
     * Fails unless the number is positive.
     *
     * @param value the number
     * @param name the setting's name
     * @throws IllegalStateException if 0 or less
     */
    public static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalStateException(name + " must be positive, got " + value);
        }
    }
}
