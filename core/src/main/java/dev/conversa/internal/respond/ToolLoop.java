package dev.conversa.internal.respond;

import dev.conversa.model.TenantId;
import dev.conversa.respond.ResponderRequest;
import dev.conversa.respond.Tool;
import dev.conversa.respond.ToolInvocation;
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
 * forbids tool calls, so at most {@code maxRounds + 1} requests are made. Anything short of a
 * complete answer (refusal, empty or cut answer, tool calls where none are allowed) is a
 * {@link ModelCallException}. With tool calling off, one request offers no tools.
 */
final class ToolLoop {

    private static final Logger log = LoggerFactory.getLogger(ToolLoop.class);
    private static final int MAX_REASON_LENGTH = 200;

    private final MeteredModel model;
    private final Map<String, Tool> tools;
    private final int maxRounds;
    private final boolean toolCalling;
    private final Set<String> handoffQueues;

    ToolLoop(MeteredModel model, Map<String, Tool> tools, int maxRounds, boolean toolCalling,
            Set<String> handoffQueues) {
        this.model = model;
        this.tools = Map.copyOf(tools);
        this.maxRounds = maxRounds;
        this.toolCalling = toolCalling;
        this.handoffQueues = Set.copyOf(handoffQueues);
    }

    LoopResult run(ResponderRequest request, List<PromptMessage> prompt) {
        TenantId tenant = request.conversation().tenant();
        if (!toolCalling) {
            return new LoopResult.Answer(model.chat(tenant, prompt, ChatBackend.ToolUse.NONE).usableText());
        }
        List<PromptMessage> messages = new ArrayList<>(prompt);
        for (int round = 0; round <= maxRounds; round++) {
            boolean toolsAllowed = round < maxRounds;
            ModelTurn turn = model.chat(tenant, messages,
                    toolsAllowed ? ChatBackend.ToolUse.OFFERED : ChatBackend.ToolUse.FORBIDDEN);
            if (turn.refused()) {
                throw new ModelCallException(ModelCallException.Kind.REFUSAL, "the model refused");
            }
            if (turn.calls().isEmpty()) {
                return new LoopResult.Answer(turn.usableText());
            }
            for (ToolCallRequest call : turn.calls()) {
                if (Tool.HANDOFF_TO_HUMAN.equals(call.name())) {
                    return new LoopResult.Handoff(handoffReason(call), handoffQueue(call));
                }
            }
            if (!toolsAllowed) {
                break;
            }
            messages.add(new PromptMessage.ToolCalls(turn.calls()));
            turn.calls().forEach(call -> messages.add(new PromptMessage.ToolResult(call, runTool(request, call))));
        }
        throw new ModelCallException(ModelCallException.Kind.TOOL_ROUNDS_EXHAUSTED,
                "still calling tools after " + maxRounds + " rounds");
    }

    private static String handoffReason(ToolCallRequest call) {
        String reason = ToolJson.stringField(call.argumentsJson(), "reason").strip();
        if (reason.isEmpty()) {
            return "the assistant asked for a person";
        }
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH);
    }

    /** The queue the model named, if it is one offered; otherwise the default queue (empty). */
    private Optional<String> handoffQueue(ToolCallRequest call) {
        String queue = ToolJson.stringField(call.argumentsJson(), "queue").strip();
        return handoffQueues.contains(queue) ? Optional.of(queue) : Optional.empty();
    }

    private String runTool(ResponderRequest request, ToolCallRequest call) {
        Tool tool = tools.get(call.name());
        if (tool == null) {
            log.warn("the model called an unknown tool for tenant {}", request.conversation().tenant());
            return ToolJson.object("error", "there is no tool named " + call.name());
        }
        try {
            String result = tool.handler().apply(
                    new ToolInvocation(request.conversation().tenant(), request.conversation().key(), call.argumentsJson()));
            return result == null ? ToolJson.object("error", "the tool returned nothing") : result;
        } catch (RuntimeException e) {
            log.warn("tool {} failed for tenant {}: {}", call.name(), request.conversation().tenant(), e.getClass().getName());
            return ToolJson.object("error", "the tool failed; tell the customer you could not look this up");
        }
    }
}
