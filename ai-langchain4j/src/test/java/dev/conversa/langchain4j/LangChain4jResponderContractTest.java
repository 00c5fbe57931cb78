package dev.conversa.langchain4j;

import dev.conversa.respond.Responder;
import dev.conversa.respond.Tool;
import dev.conversa.respond.contract.ResponderContract;
import dev.langchain4j.exception.HttpException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@link LangChain4jResponder} keeps the responder contract, over a scripted model. */
class LangChain4jResponderContractTest extends ResponderContract {

    private final List<ScriptedChatModel> models = new CopyOnWriteArrayList<>();

    @Override
    protected Responder answering(String answer) {
        return responder(ScriptedChatModel.answering(answer));
    }

    @Override
    protected Responder handingOff() {
        return responder(new ScriptedChatModel().thenCall(Tool.HANDOFF_TO_HUMAN, "{\"reason\":\"asked for a person\"}"));
    }

    @Override
    protected List<String> outgoingRequests() {
        return models.stream().flatMap(model -> model.requests().stream()).map(ScriptedChatModel::text).toList();
    }

    /** A model that waits for far longer than the contract does, as a blocking HTTP call would, until interrupted. */
    @Override
    protected Responder answeringSlowly(String answer) {
        return responder(new ScriptedChatModel().then(request -> {
            try {
                new CountDownLatch(1).await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            return ScriptedChatModel.answering(answer).doChat(request);
        }));
    }

    @Override
    protected Optional<Responder> failing() {
        return Optional.of(responder(new ScriptedChatModel().thenFail(new HttpException(500, "upstream failed"))));
    }

    private Responder responder(ScriptedChatModel model) {
        models.add(model);
        return LangChain4jResponder.builder().chatModel(model).build();
    }
}
