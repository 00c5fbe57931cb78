package dev.conversa;

import dev.conversa.agent.HandoffMenu;
import dev.conversa.conversation.internal.Ownership;
import dev.conversa.model.ConversationState;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.InteractiveReply;
import dev.conversa.pipeline.Chain;
import dev.conversa.pipeline.Context;
import dev.conversa.pipeline.Middleware;
import java.util.Optional;

/**
 * Runs before burst coalescing: a customer's tap on a menu choice mapped by the
 * {@link HandoffMenu} to a queue, while the bot holds the conversation, hands it to that queue
 * at once; the responder is not asked and the rest of the chain does not run for it. Anything
 * else goes on as usual. Immutable and thread-safe.
 */
final class MenuHandoff implements Middleware {

    /** The handoff reason agents see. */
    static final String REASON = "the customer chose a menu option for a person";

    private final HandoffMenu menu;
    private final Ownership ownership;

    MenuHandoff(HandoffMenu menu, Ownership ownership) {
        this.menu = menu;
        this.ownership = ownership;
    }

    @Override
    public void handle(Context ctx, Chain next) {
        Optional<String> queue = ctx.event()
                .filter(InboundMessage.class::isInstance).map(InboundMessage.class::cast)
                .map(InboundMessage::content)
                .filter(InteractiveReply.class::isInstance).map(InteractiveReply.class::cast)
                .flatMap(reply -> menu.queueFor(ctx.tenant(), reply.id()));
        boolean botHolds = ctx.conversation().map(c -> c.state() == ConversationState.BOT).orElse(true);
        if (queue.isPresent() && botHolds) {
            ownership.handOffByResponder(ctx.tenant(), ctx.conversationKey(), true, REASON, queue);
            return;
        }
        next.proceed();
    }
}
