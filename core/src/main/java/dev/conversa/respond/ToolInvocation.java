package dev.conversa.respond;

import dev.conversa.model.ConversationKey;
import dev.conversa.model.TenantId;
import java.util.Objects;

/**
 * One call of a host tool by the model, with the conversation it is made for, so that the
 * handler can look data up for the right tenant and customer.
 *
 * @param tenant the business
 * @param conversation the conversation being answered
 * @param argumentsJson the arguments the model chose, a JSON object as text following the tool's
 *     schema; the model may get it wrong, so validate before use
 */
public record ToolInvocation(TenantId tenant, ConversationKey conversation, String argumentsJson) {

    /** Checks the fields are not null. */
    public ToolInvocation {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(argumentsJson, "argumentsJson");
    }

    /** Leaves out the arguments, which may hold personal data. */
    @Override
    public String toString() {
        return "ToolInvocation[" + tenant + "]";
    }
}
