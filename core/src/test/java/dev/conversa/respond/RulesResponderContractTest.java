package dev.conversa.respond;

import dev.conversa.respond.contract.ResponderContract;

/** {@link RulesResponder} keeps the responder contract. */
class RulesResponderContractTest extends ResponderContract {

    @Override
    protected Responder answering(String answer) {
        return RulesResponder.builder().answer(answer, "open").build();
    }

    @Override
    protected Responder handingOff() {
        return RulesResponder.builder()
                .handoffKeywords("human", "agent")
                .handoffMessage("A colleague will answer you shortly.")
                .build();
    }
}
