package dev.conversa.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.model.Text;
import dev.conversa.respond.Reply;
import dev.conversa.testsupport.Conversations;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.output.FinishReason;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever goes wrong with the model, the customer gets the fallback, never a partial answer or an exception. */
class FailureTest {

    private static final String FALLBACK = "Sorry, our assistant is unavailable. Please write again later.";

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("timeout", (Supplier<ScriptedChatModel>) () -> new ScriptedChatModel()
                        .thenFail(new TimeoutException("request timed out")), "TIMEOUT"),
                Arguments.of("content filter exception", (Supplier<ScriptedChatModel>) () -> new ScriptedChatModel()
                        .thenFail(new ContentFilteredException("blocked")), "REFUSAL"),
                Arguments.of("content filter finish", (Supplier<ScriptedChatModel>) () -> new ScriptedChatModel()
                        .thenFinish("Half an answer", FinishReason.CONTENT_FILTER), "REFUSAL"),
                Arguments.of("refusal (other finish)", (Supplier<ScriptedChatModel>) () -> new ScriptedChatModel()
                        .thenFinish("I can't help with that", FinishReason.OTHER), "REFUSAL"),
                Arguments.of("cut at the token limit", (Supplier<ScriptedChatModel>) () -> new ScriptedChatModel()
                        .thenFinish("We are open from 7 to", FinishReason.LENGTH), "TRUNCATED"),
                Arguments.of("empty answer", (Supplier<ScriptedChatModel>) () -> ScriptedChatModel.answering("  "),
                        "EMPTY_ANSWER"),
                Arguments.of("rate limited after retries", (Supplier<ScriptedChatModel>) () -> new ScriptedChatModel()
                        .thenFail(new RateLimitException("429")), "RETRIES_EXHAUSTED"),
                Arguments.of("bad API key", (Supplier<ScriptedChatModel>) () -> new ScriptedChatModel()
                        .thenFail(new AuthenticationException("401", new HttpException(401, "invalid x-api-key"))),
                        "HTTP_ERROR"),
                Arguments.of("connection refused", (Supplier<ScriptedChatModel>) () -> new ScriptedChatModel()
                        .thenFail(new UncheckedIOException(new ConnectException("refused"))), "IO_ERROR"),
                Arguments.of("any other provider error", (Supplier<ScriptedChatModel>) () -> new ScriptedChatModel()
                        .thenFail(new IllegalStateException("unexpected JSON")), "PROVIDER_ERROR"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void sendsTheFallbackMessage(String failure, Supplier<ScriptedChatModel> model, String kind) {
        Reply reply = LangChain4jResponder.builder().chatModel(model.get()).fallbackMessage(FALLBACK).build()
                .respond(Conversations.whatsApp().customer("When do you open?").request());

        assertThat(reply).isEqualTo(Reply.text(FALLBACK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void handsOffNamingTheKindWhenTheHostAskedFor(String failure, Supplier<ScriptedChatModel> model, String kind) {
        Reply reply = LangChain4jResponder.builder().chatModel(model.get()).fallbackMessage(FALLBACK)
                .handoffOnFailure(true).build()
                .respond(Conversations.whatsApp().customer("When do you open?").request());

        assertThat(reply).isEqualTo(new Reply.Handoff(Optional.of(FALLBACK), "the assistant could not answer: " + kind));
    }

    @Test
    void cutsALongAnswerIntoMessagesThatFitTheChannel() {
        String answer = "We bake rye, spelt and wheat bread every morning. ".repeat(30).strip();

        Reply reply = LangChain4jResponder.builder().chatModel(ScriptedChatModel.answering(answer)).build()
                .respond(Conversations.instagram().customer("What bread do you have?").request());

        assertThat(reply).isInstanceOfSatisfying(Reply.Answer.class, answers -> assertThat(answers.messages())
                .hasSize(2)
                .allSatisfy(text -> assertThat(((Text) text).body()).hasSizeLessThanOrEqualTo(1000)));
    }

    @Test
    void staysSilentWhenNoCustomerMessageWaits() {
        ScriptedChatModel model = ScriptedChatModel.answering("Hello.");

        Reply reply = LangChain4jResponder.builder().chatModel(model).build()
                .respond(Conversations.whatsApp().customer("Hi").bot("Hello!").request());

        assertThat(reply).isEqualTo(Reply.silence());
        assertThat(model.requests()).isEmpty();
    }
}
