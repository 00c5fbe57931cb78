package dev.conversa.messenger;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.conversation.StateChange;
import dev.conversa.conversation.StateChangeListener;
import dev.conversa.graph.GraphApiException;
import dev.conversa.model.ChannelType;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Meta's handover protocol in step with who answers a conversation: when a person takes
 * over (the responder hands off, or an agent takes the conversation through
 * {@code Conversa.conversations()}), the thread is passed to the target app, by default the Page
 * inbox, where the person answers; when the bot resumes, it is taken back. Changes the channel
 * reported itself (another app took or passed the thread, a person answered from the inbox) are
 * not answered with calls, so nothing loops. While another app holds the thread, its events
 * arrive as {@code standby} and the bot stays silent.
 *
 * <p>Enable it on the builder; Messenger conversations and Instagram conversations of
 * Page-linked accounts take part, Instagram Login accounts have no handover protocol and are
 * left alone. A refused call is logged, never thrown: the conversation's state stands.
 *
 * <pre>{@code
 * Conversa.builder()
 *     .stateListener(HandoverProtocol.builder()
 *         .threadControl(ThreadControl.builder().graph(graph).build())
 *         .build())
 *     ...
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class HandoverProtocol implements StateChangeListener {

    private static final Logger LOG = LoggerFactory.getLogger(HandoverProtocol.class);

    private final ThreadControl threadControl;

    private HandoverProtocol(ThreadControl threadControl) {
        this.threadControl = threadControl;
    }

    /**
     * Starts configuring the protocol; {@code threadControl} is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this protocol's settings, to build one that differs in some of them;
     * this protocol is left as it is.
     *
     * @return a new builder with this protocol's settings
     */
    public Builder toBuilder() {
        return new Builder().threadControl(threadControl);
    }

    @Override
    public void stateChanged(StateChange change) {
        if (change.origin() == StateChange.Origin.CHANNEL || change.account().isEmpty()
                || !takesPart(change.account().get())) {
            return;
        }
        ChannelAccount account = change.account().get();
        String user = change.conversation().contactId();
        try {
            if (change.botStepsBack()) {
                threadControl.passThreadControl(account, user, "conversa: a person takes over");
            } else if (change.botResumes()) {
                threadControl.takeThreadControl(account, user, "conversa: the bot resumes");
            }
        } catch (GraphApiException e) {
            LOG.warn("Handover call for a {} conversation failed: HTTP {}, code {}", account.channel(), e.httpStatus(),
                    e.code().isPresent() ? e.code().getAsInt() : "none");
        }
    }

    private static boolean takesPart(ChannelAccount account) {
        if (ChannelType.MESSENGER.equals(account.channel())) {
            return true;
        }
        return ChannelType.INSTAGRAM.equals(account.channel())
                && !PageConnector.usesInstagramLogin(account);
    }

    /** Configures a {@link HandoverProtocol}. Not thread-safe; build once. */
    public static final class Builder {

        private ThreadControl threadControl;

        private Builder() {}

        /**
         * Sets the thread-control calls, with their Graph client and target app (required).
         *
         * @param threadControl the calls
         * @return this builder
         */
        public Builder threadControl(ThreadControl threadControl) {
            this.threadControl = Objects.requireNonNull(threadControl, "threadControl");
            return this;
        }

        /**
         * Builds the listener to register with {@code Conversa.Builder.stateListener}.
         *
         * @return the protocol, immutable and thread-safe
         * @throws IllegalStateException if {@code threadControl} is missing
         */
        public HandoverProtocol build() {
            if (threadControl == null) {
                throw new IllegalStateException("threadControl is required: call HandoverProtocol.builder()"
                        + ".threadControl(ThreadControl.builder().graph(graph).build())");
            }
            return new HandoverProtocol(threadControl);
        }
    }
}
