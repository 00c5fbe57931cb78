package dev.conversa.examples.quickstart;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the quick start: {@code java -jar examples/quickstart/target/conversa-quickstart.jar}.
 * Configuration comes from environment variables (see README); without connected accounts it
 * starts in demo mode, on loopback. With connected accounts, {@code /api/} is served only when
 * {@code CONVERSA_API_TOKEN} is set, behind that bearer token.
 */
public final class QuickStart {

    private static final Logger LOG = LoggerFactory.getLogger(QuickStart.class);

    private QuickStart() {}

    /**
     * Starts the server and runs until the process is stopped.
     *
     * @param args ignored
     * @throws Exception if the server cannot start
     */
    public static void main(String[] args) throws Exception {
        QuickStartApp app = QuickStartApp.start(QuickStartConfig.load(System.getenv()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "conversa-shutdown"));
        if (app.demoMode()) {
            LOG.info("Conversa quick start in demo mode: open http://{}:{}/", app.host(), app.port());
        } else {
            LOG.info("Conversa quick start serving your accounts on {}:{}, webhook at /webhook", app.host(), app.port());
        }
        stopped.await();
    }
}
