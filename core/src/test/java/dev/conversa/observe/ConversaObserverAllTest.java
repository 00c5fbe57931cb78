package dev.conversa.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.conversa.model.ChannelType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ConversaObserver#all} tells every observer every call. */
class ConversaObserverAllTest {

    private final List<String> heard = new ArrayList<>();

    @Test
    void tellsEachObserverEveryKindOfCallInOrder() {
        ConversaObserver all = ConversaObserver.all(List.of(recording("a"), recording("b")));
        ChannelType channel = ChannelType.WHATSAPP;

        all.webhookAnswered(200, Duration.ofMillis(3));
        all.replyQueued(channel, Duration.ofSeconds(1));
        all.responderFinished(channel, "answer", Duration.ofSeconds(2));
        all.sendFinished(channel, SendOutcome.SENT, Duration.ofMillis(40));
        all.tokensUsed("gpt", 10, 20);

        assertThat(heard).containsExactly("a webhook 200 PT0.003S", "b webhook 200 PT0.003S",
                "a queued whatsapp PT1S", "b queued whatsapp PT1S",
                "a responder whatsapp answer PT2S", "b responder whatsapp answer PT2S",
                "a send whatsapp SENT PT0.04S", "b send whatsapp SENT PT0.04S",
                "a tokens gpt 10 20", "b tokens gpt 10 20");
    }

    @Test
    void anObserverThatThrowsDoesNotKeepTheCallFromTheOthers() {
        ConversaObserver broken = new ConversaObserver() {
            @Override
            public void webhookAnswered(int status, Duration latency) {
                throw new IllegalStateException("broken");
            }
        };

        ConversaObserver.all(List.of(broken, recording("b"))).webhookAnswered(500, Duration.ZERO);

        assertThat(heard).containsExactly("b webhook 500 PT0S");
    }

    @Test
    void noneIsLeftOutAndOneObserverIsItself() {
        ConversaObserver one = recording("a");

        assertThat(ConversaObserver.all(List.of())).isSameAs(ConversaObserver.NONE);
        assertThat(ConversaObserver.all(List.of(ConversaObserver.NONE))).isSameAs(ConversaObserver.NONE);
        assertThat(ConversaObserver.all(List.of(ConversaObserver.NONE, one))).isSameAs(one);
        assertThatNullPointerException().isThrownBy(() -> ConversaObserver.all(Arrays.asList(one, null)));
    }

    private ConversaObserver recording(String name) {
        return new ConversaObserver() {
            @Override
            public void webhookAnswered(int status, Duration latency) {
                heard.add(name + " webhook " + status + " " + latency);
            }

            @Override
            public void replyQueued(ChannelType channel, Duration sinceReceipt) {
                heard.add(name + " queued " + channel.value() + " " + sinceReceipt);
            }

            @Override
            public void responderFinished(ChannelType channel, String outcome, Duration latency) {
                heard.add(name + " responder " + channel.value() + " " + outcome + " " + latency);
            }

            @Override
            public void sendFinished(ChannelType channel, SendOutcome outcome, Duration latency) {
                heard.add(name + " send " + channel.value() + " " + outcome + " " + latency);
            }

            @Override
            public void tokensUsed(String model, long inputTokens, long outputTokens) {
                heard.add(name + " tokens " + model + " " + inputTokens + " " + outputTokens);
            }
        };
    }
}
