package dev.conversa.openai;

import dev.conversa.model.TenantId;
import dev.conversa.openai.internal.ChatMessage;
import dev.conversa.openai.internal.ChatResponse;
import dev.conversa.openai.internal.OpenAiCallException;
import dev.conversa.openai.internal.OpenAiCallException.Kind;
import dev.conversa.openai.internal.ToolCall;
import dev.conversa.openai.internal.ToolSpec;
import dev.conversa.openai.internal.WireJson;
import dev.conversa.respond.ResponderRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the model, runs the host tools it calls and asks again, until it answers with text or
 * calls {@code handoff_to_human}. After {@code maxRounds} rounds of tools the last request
 * forbids tool calls ({@code tool_choice: none}), so at most {@code maxRounds + 1} requests are
 * made. Anything short of a complete answer (refusal, empty or cut answer, tool calls where
 * none are allowed) is an {@link OpenAiCallException}.
 */
final class ToolLoop {

    private static final Logger log = LoggerFactory.getLogger(ToolLoop.class);
    private static final int MAX_REASON_LENGTH = 200;

    private final ModelClient model;
    private final List<ToolSpec> specs;
    private final Map<String, Tool> tools;
    private final int maxRounds;
    private final Set<String> handoffQueues;

    ToolLoop(ModelClient model, List<ToolSpec> specs, Map<String, Tool> tools, int maxRounds,
            Set<String> handoffQueues) {
        this.model = model;
        this.specs = List.copyOf(specs);
        this.tools = Map.copyOf(tools);
        this.maxRounds = maxRounds;
        this.handoffQueues = Set.copyOf(handoffQueues);
    }

    LoopResult run(ResponderRequest request, List<ChatMessage> prompt) {
        TenantId tenant = request.conversation().tenant();
        List<ChatMessage> messages = new ArrayList<>(prompt);
        for (int round = 0; round <= maxRounds; round++) {
            boolean toolsAllowed = round < maxRounds;
            ChatResponse.Choice choice = model.complete(tenant, messages, specs, toolsAllowed).choices().get(0);
            ChatMessage reply = choice.message();
            if (reply.refusal() != null && !reply.refusal().isBlank()) {
                throw new OpenAiCallException(Kind.REFUSAL, "the model refused");
            }
            List<ToolCall> calls = reply.toolCalls() == null ? List.of() : reply.toolCalls();
            if (calls.isEmpty()) {
                return new LoopResult.Answer(ModelClient.usableText(choice));
            }
            for (ToolCall call : calls) {
                if (call.function() != null && Tool.HANDOFF_TO_HUMAN.equals(call.function().name())) {
                    return new LoopResult.Handoff(handoffReason(call), handoffQueue(call));
                }
            }
            if (!toolsAllowed) {
                break;
            }
            messages.add(ChatMessage.assistantCalls(calls));
            calls.forEach(call -> messages.add(ChatMessage.tool(call.id(), runTool(request, call))));
        }
        throw new OpenAiCallException(Kind.TOOL_ROUNDS_EXHAUSTED, "still calling tools after " + maxRounds + " rounds");
    }

    private static String handoffReason(ToolCall call) {
        String reason = WireJson.stringField(call.function().arguments(), "reason").strip();
        if (reason.isEmpty()) {
            return "the assistant asked for a person";
        }
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH);
    }

    /** The queue the model named, if it is one offered; otherwise the default queue (empty). */
    private Optional<String> handoffQueue(ToolCall call) {
        String queue = WireJson.stringField(call.function().arguments(), "queue").strip();
        return handoffQueues.contains(queue) ? Optional.of(queue) : Optional.empty();
    }

    private String runTool(ResponderRequest request, ToolCall call) {
        String name = call.function() == null ? "" : call.function().name();
        Tool tool = tools.get(name);
        if (tool == null) {
            log.warn("the model called an unknown tool for tenant {}", request.conversation().tenant());
            return WireJson.object("error", "there is no tool named " + name);
        }
        String arguments = call.function().arguments() == null ? "{}" : call.function().arguments();
        try {
            String result = tool.handler().apply(
                    new ToolInvocation(request.conversation().tenant(), request.conversation().key(), arguments));
            return result == null ? WireJson.object("error", "the tool returned nothing") : result;
        } catch (RuntimeException e) {
            log.warn("tool {} failed for tenant {}: {}", name, request.conversation().tenant(), e.getClass().getName());
            return WireJson.object("error", "the tool failed; tell the customer you could not look this up");
        }
    }
}
