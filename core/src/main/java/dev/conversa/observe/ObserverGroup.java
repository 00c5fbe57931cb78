package dev.conversa.observe;

import dev.conversa.model.ChannelType;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Several observers as one: {@link ConversaObserver#all}. */
final class ObserverGroup implements ConversaObserver {

    private static final Logger LOG = LoggerFactory.getLogger(ObserverGroup.class);

    private final List<ConversaObserver> observers;

    private ObserverGroup(List<ConversaObserver> observers) {
        this.observers = observers;
    }

    static ConversaObserver of(List<? extends ConversaObserver> observers) {
        List<ConversaObserver> all = observers.stream()
                .map(observer -> (ConversaObserver) Objects.requireNonNull(observer, "observer"))
                .filter(observer -> observer != NONE).toList();
        if (all.isEmpty()) {
            return NONE;
        }
        return all.size() == 1 ? all.get(0) : new ObserverGroup(all);
    }

    private void tell(Consumer<ConversaObserver> call) {
        for (ConversaObserver observer : observers) {
            try {
                call.accept(observer);
            } catch (RuntimeException e) {
                LOG.debug("An observer failed; ignored", e);
            }
        }
    }

    @Override
    public void webhookAnswered(int status, Duration latency) {
        tell(observer -> observer.webhookAnswered(status, latency));
    }

    @Override
    public void replyQueued(ChannelType channel, Duration sinceReceipt) {
        tell(observer -> observer.replyQueued(channel, sinceReceipt));
    }

    @Override
    public void responderFinished(ChannelType channel, String outcome, Duration latency) {
        tell(observer -> observer.responderFinished(channel, outcome, latency));
    }

    @Override
    public void sendFinished(ChannelType channel, SendOutcome outcome, Duration latency) {
        tell(observer -> observer.sendFinished(channel, outcome, latency));
    }

    @Override
    public void tokensUsed(String model, long inputTokens, long outputTokens) {
        tell(observer -> observer.tokensUsed(model, inputTokens, outputTokens));
    }
}
