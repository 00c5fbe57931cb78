package dev.conversa.respond;

/**
 * The Java side of a host tool: runs it and returns its result for the model.
 *
 * <p>Called on a dispatcher thread while a conversation waits for its answer; keep it quick.
 * An exception is not fatal: the model is told the tool failed (without the exception's message)
 * and answers as it can. Implementations must be thread-safe.
 *
 * <pre>{@code
 * ToolHandler lookUpOrder = call -> orders.statusJson(call.tenant(), call.argumentsJson());
 * }</pre>
 */
@FunctionalInterface
public interface ToolHandler {

    /**
     * Runs the tool.
     *
     * @param invocation the tenant, the conversation and the model's arguments
     * @return the result for the model, usually a JSON object as text; never null
     */
    String apply(ToolInvocation invocation);
}
