package dev.conversa.internal.respond;

import dev.conversa.model.TenantId;
import dev.conversa.respond.Usage;
import dev.conversa.respond.UsageListener;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one request through the backend and reports its usage against the tenant. A failing
 * listener is logged and ignored: it never costs the customer an answer.
 */
final class MeteredModel {

    private static final Logger log = LoggerFactory.getLogger(MeteredModel.class);

    private final ChatBackend backend;
    private final String modelName;
    private final UsageListener usage;

    MeteredModel(ChatBackend backend, String modelName, UsageListener usage) {
        this.backend = backend;
        this.modelName = modelName;
        this.usage = usage;
    }

    ModelTurn chat(TenantId tenant, List<PromptMessage> messages, ChatBackend.ToolUse tools) {
        ModelTurn turn = backend.chat(messages, tools);
        turn.usage().ifPresent(used -> report(tenant, used));
        return turn;
    }

    String modelName() {
        return modelName;
    }

    private void report(TenantId tenant, ModelTurn.TokenCount used) {
        try {
            usage.onUsage(new Usage(tenant, used.model().orElse(modelName), used.inputTokens(), used.outputTokens()));
        } catch (RuntimeException e) {
            log.warn("usage listener failed for tenant {}: {}", tenant, e.getClass().getName());
        }
    }
}
