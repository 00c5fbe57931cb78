package dev.conversa.examples.quickstart;

import dev.conversa.testkit.WebhookSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers webhooks to a server on {@code 127.0.0.1} from several threads, as Meta does, and
 * records which ones were acknowledged: answered 200. Any other status, a refused connection or
 * a timeout leaves a webhook unacknowledged, and Meta would deliver it again.
 *
 * <p>A delivery may carry an action to run once, in the thread that received the n-th 200, the
 * moment it received it: the kill test kills the server there, so the kill point does not
 * depend on how fast the test thread looks.
 */
final class Deliveries {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ALL_DONE = Duration.ofSeconds(120);

    private Deliveries() {}

    /**
     * Delivers every webhook once.
     *
     * @param port the server's port
     * @param webhooks what to deliver, taken in order by the threads
     * @param threads how many threads deliver at once
     * @return the customers whose webhook was answered 200
     */
    static Set<Integer> deliver(int port, List<CustomerWebhook> webhooks, int threads)
            throws InterruptedException {
        return deliver(port, webhooks, threads, 0, () -> { });
    }

    /**
     * Delivers every webhook once and runs an action when the n-th 200 arrived.
     *
     * @param port the server's port
     * @param webhooks what to deliver, taken in order by the threads
     * @param threads how many threads deliver at once
     * @param acknowledgements the number of 200s after which the action runs
     * @param action what to run then, once
     * @return the customers whose webhook was answered 200, before and after the action
     */
    static Set<Integer> deliver(int port, List<CustomerWebhook> webhooks, int threads, int acknowledgements,
            Runnable action) throws InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + port + "/webhook");
        Queue<CustomerWebhook> queue = new ConcurrentLinkedQueue<>(webhooks);
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger count = new AtomicInteger();
        Callable<Void> worker = () -> {
            for (CustomerWebhook webhook = queue.poll(); webhook != null; webhook = queue.poll()) {
                if (post(uri, webhook)) {
                    acknowledged.add(webhook.customer());
                    if (count.incrementAndGet() == acknowledgements) {
                        action.run();
                    }
                }
            }
            return null;
        };
        runAll(worker, threads);
        return Set.copyOf(acknowledged);
    }

    private static boolean post(URI uri, CustomerWebhook webhook) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header(WebhookSigner.HEADER, webhook.signature())
                .POST(HttpRequest.BodyPublishers.ofByteArray(webhook.body())).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static void runAll(Callable<Void> worker, int threads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                running.add(pool.submit(worker));
            }
            pool.shutdown();
            if (!pool.awaitTermination(ALL_DONE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the deliveries did not finish within " + ALL_DONE);
            }
            for (Future<Void> done : running) {
                done.get();
            }
        } catch (ExecutionException e) {
            throw new AssertionError("a delivery thread failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
