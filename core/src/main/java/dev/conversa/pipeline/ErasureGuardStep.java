package dev.conversa.pipeline;

import dev.conversa.internal.privacy.ErasureGuard;
import dev.conversa.model.InboundEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs before every other middleware when the deployment has a privacy pepper: an event whose
 * person was erased after it happened (already in the inbox when the erasure ran) is dropped,
 * and when the person is erased while the event is processed, what the later steps wrote is
 * erased again once they are done.
 */
final class ErasureGuardStep implements Middleware {

    private static final Logger LOG = LoggerFactory.getLogger(ErasureGuardStep.class);

    private final ErasureGuard guard;

    ErasureGuardStep(ErasureGuard guard) {
        this.guard = guard;
    }

    @Override
    public void handle(Context ctx, Chain next) {
        if (ctx.event().isEmpty()) {
            next.proceed();
            return;
        }
        InboundEvent event = ctx.event().get();
        if (guard.isErased(ctx.tenant(), event)) {
            LOG.debug("Dropped a {} event of an erased person", event.header().channel());
            return;
        }
        try {
            next.proceed();
        } finally {
            if (guard.isErased(ctx.tenant(), event)) {
                LOG.info("A {} event was processed while its person was erased; erasing again",
                        event.header().channel());
                guard.eraseAgain(ctx.tenant(), event);
            }
        }
    }
}
