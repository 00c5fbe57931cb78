package dev.conversa.spring.boot;

import dev.conversa.Conversa;
import java.util.Objects;
import org.springframework.context.SmartLifecycle;

/**
 * Starts {@link Conversa} with the application context and closes it on shutdown. Its phase is
 * below the web server's, so Conversa's workers run before the server accepts webhooks and stop
 * only after a graceful shutdown of the server finished; {@link Conversa#close()} then waits for
 * work in progress, and what remains stays leased in the inbox and outbox for the next start.
 *
 * <p>Thread-safe.
 */
final class ConversaLifecycle implements SmartLifecycle {

    /** The phase: well below the web server's start/stop and graceful shutdown phases. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final Conversa conversa;
    private volatile boolean running;

    /**
     * Creates the lifecycle of one facade.
     *
     * @param conversa the facade
     */
    ConversaLifecycle(Conversa conversa) {
        this.conversa = Objects.requireNonNull(conversa, "conversa");
    }

    @Override
    public void start() {
        conversa.start();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        conversa.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
