package dev.conversa.openai;

import dev.conversa.model.TenantId;
import java.util.OptionalDouble;
import java.util.function.Function;

/** The responder's configuration once built; immutable. */
record Settings(
        String model, OptionalDouble temperature, int maxOutputTokens, int historyBudgetChars, int maxToolRounds,
        int maxMessagesPerReply, PersonalDataMask mask, Function<TenantId, TenantProfile> profiles,
        String handoffMessage, String fallbackMessage, boolean handoffOnFailure) {

    @Override
    public String toString() {
        return "Settings[model=" + model + ", temperature=" + temperature + ", maxOutputTokens=" + maxOutputTokens
                + ", historyBudgetChars=" + historyBudgetChars + ", maxToolRounds=" + maxToolRounds
                + ", handoffOnFailure=" + handoffOnFailure + "]";
    }
}
