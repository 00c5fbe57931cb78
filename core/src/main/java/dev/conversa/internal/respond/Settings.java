package dev.conversa.internal.respond;

import dev.conversa.model.TenantId;
import dev.conversa.respond.TenantProfile;
import java.util.function.Function;

/** The shared settings of a responder once built; immutable. */
record Settings(
        int historyBudgetChars, int maxToolRounds, int maxMessagesPerReply, PersonalDataMask mask,
        Function<TenantId, TenantProfile> profiles, String handoffMessage, String fallbackMessage,
        boolean handoffOnFailure) {

    @Override
    public String toString() {
        return "historyBudgetChars=" + historyBudgetChars + ", maxToolRounds=" + maxToolRounds
                + ", handoffOnFailure=" + handoffOnFailure;
    }
}
