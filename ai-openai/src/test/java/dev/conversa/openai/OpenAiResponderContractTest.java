package dev.conversa.openai;

import static dev.conversa.openai.OpenAiStub.chat;
import static dev.conversa.openai.OpenAiStub.json;
import static dev.conversa.openai.OpenAiStub.ok;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.conversa.respond.Responder;
import dev.conversa.respond.contract.ResponderContract;
import dev.conversa.testsupport.Conversations;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link OpenAiResponder} keeps the responder contract, against the OpenAI stand-in. */
class OpenAiResponderContractTest extends ResponderContract {

    @RegisterExtension
    static OpenAiStub openAi = new OpenAiStub();

    private static final String STUB_ANSWER = "We are open from 7:00 to 18:00, every day but Monday.";

    @Override
    protected Responder answering(String answer) {
        openAi.stubFor(chat().willReturn(answer(answer)));
        return openAi.responder().build();
    }

    @Override
    protected Responder handingOff() {
        openAi.stubFor(chat().willReturn(ok("tool-call-handoff.json")));
        return openAi.responder().build();
    }

    @Override
    protected List<String> outgoingRequests() {
        return openAi.getAllServeEvents().stream().map(event -> event.getRequest().getBodyAsString()).toList();
    }

    @Override
    protected Responder answeringSlowly(String answer) {
        openAi.stubFor(chat().willReturn(answer(answer).withFixedDelay(15_000)));
        return openAi.responder().requestTimeout(Duration.ofMinutes(1)).build();
    }

    @Override
    protected Optional<Responder> failing() {
        openAi.stubFor(chat().willReturn(json(500, "error-500.json")));
        return Optional.of(openAi.responder().build());
    }

    private static ResponseDefinitionBuilder answer(String text) {
        return ok("answer.json").withBody(Conversations.resource("/fixtures/openai/answer.json").replace(STUB_ANSWER, text));
    }
}
