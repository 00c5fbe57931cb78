package dev.conversa.spring.boot;

import dev.conversa.model.ChannelType;
import dev.conversa.observe.ConversaObserver;
import dev.conversa.observe.SendOutcome;
import java.time.Duration;
import java.util.List;

/** The observer beans as the one {@link ConversaObserver} Conversa takes. */
final class Observers {

    private Observers() {}

    static ConversaObserver of(List<ConversaObserver> observers) {
        if (observers.isEmpty()) {
            return ConversaObserver.NONE;
        }
        if (observers.size() == 1) {
            return observers.get(0);
        }
        List<ConversaObserver> all = List.copyOf(observers);
        return new ConversaObserver() {
            @Override
            public void replyQueued(ChannelType channel, Duration sinceReceipt) {
                all.forEach(observer -> observer.replyQueued(channel, sinceReceipt));
            }

            @Override
            public void responderFinished(ChannelType channel, String outcome, Duration latency) {
                all.forEach(observer -> observer.responderFinished(channel, outcome, latency));
            }

            @Override
            public void sendFinished(ChannelType channel, SendOutcome outcome, Duration latency) {
                all.forEach(observer -> observer.sendFinished(channel, outcome, latency));
            }

            @Override
            public void tokensUsed(String model, long inputTokens, long outputTokens) {
                all.forEach(observer -> observer.tokensUsed(model, inputTokens, outputTokens));
            }
        };
    }
}
