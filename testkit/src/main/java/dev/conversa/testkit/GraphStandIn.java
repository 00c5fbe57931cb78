package dev.conversa.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A stand-in for the Graph API on {@code 127.0.0.1} and a free port, for tests: it answers like
 * Meta, records every request, and fails on demand with Meta's error JSON.
 *
 * <p>Answers by default:
 * <ul>
 *   <li>{@code POST /{version}/{id}/messages} with a WhatsApp body (it has
 *       {@code "messaging_product"}): {@code {"messaging_product":"whatsapp","contacts":[{"input",
 *       "wa_id"}],"messages":[{"id":"wamid.<unique>"}]}}; a mark-read or typing body (it has
 *       {@code "status"}): {@code {"success":true}}.
 *   <li>The same path with a Messenger or Instagram body: {@code {"recipient_id",
 *       "message_id":"m_<unique>"}}; a {@code "sender_action"} body: {@code {"success":true}}.
 *   <li>Anything else: HTTP 400 with Meta's error code 100, subcode 33.
 * </ul>
 * Tests add endpoints with {@link #answer(String, String, int, String)}; a later answer wins
 * over an earlier one and over the defaults. Queued failures ({@link #failNext},
 * {@link #dropConnectionNext} and friends) answer the next requests, whatever their path, one
 * each, in order.
 *
 * <pre>{@code
 * try (GraphStandIn graph = GraphStandIn.start()) {
 *     GraphClient client = GraphClient.builder().baseUrl(graph.baseUrl()).build();
 *     graph.expiredTokenNext();
 *     ...
 *     assertThat(graph.awaitRequests(1, Duration.ofSeconds(5)).get(0).path()).endsWith("/messages");
 * }
 * }</pre>
 *
 * <p>The JDK's HTTP server it runs on sends a response's headers and body in two writes and, by
 * default, with Nagle's algorithm on; the client's delayed acknowledgement then holds every
 * answer back about 40 ms. Unless the system property {@value #NO_DELAY} was set, the first
 * stand-in of a JVM sets it to {@code true} before the JDK server reads it, so that an answer
 * leaves at once (on every JDK HTTP server of that JVM; the property is read once).
 *
 * <p>Thread-safe: requests are served on a small pool while the test thread configures and reads.
 */
public final class GraphStandIn implements AutoCloseable {

    /** The JDK HTTP server's switch for {@code TCP_NODELAY} on the connections it accepts. */
    static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private static final Pattern VERSIONED_MESSAGES = Pattern.compile("/v\\d+\\.\\d+/[^/]+/messages");

    private final HttpServer server;
    private final ExecutorService pool;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final Deque<Function<RecordedRequest, Answer>> failures = new ArrayDeque<>();
    private final Deque<Function<RecordedRequest, Answer>> messageFaults = new ArrayDeque<>();
    private final List<String> givenIds = new ArrayList<>();
    private final Deque<Route> routes = new ArrayDeque<>();

    private GraphStandIn(HttpServer server, ExecutorService pool) {
        this.server = server;
        this.pool = pool;
        routes.add(new Route("POST", VERSIONED_MESSAGES, MetaAnswers::messages));
    }

    /**
     * Starts a stand-in on {@code 127.0.0.1} and a free port.
     *
     * @return the running stand-in; close it when done
     * @throws UncheckedIOException if no port can be bound
     */
    public static GraphStandIn start() {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            ExecutorService pool = Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "graph-stand-in");
                thread.setDaemon(true);
                return thread;
            });
            GraphStandIn standIn = new GraphStandIn(server, pool);
            server.createContext("/", standIn::serve);
            server.setExecutor(pool);
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the Graph stand-in to 127.0.0.1", e);
        }
    }

    /**
     * The base URL to configure as the Graph API's, such as {@code http://127.0.0.1:54321}.
     *
     * @return the base URL, without a trailing slash
     */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Every request received since the start or the last {@link #clear()}, in order of arrival.
     *
     * @return a snapshot of the requests
     */
    public List<RecordedRequest> requests() {
        return locked(() -> List.copyOf(requests));
    }

    /**
     * Waits until at least {@code count} requests have arrived.
     *
     * @param count the number of requests to wait for
     * @param timeout how long to wait at most
     * @return a snapshot of all requests received so far
     * @throws AssertionError if fewer arrived within the timeout
     */
    public List<RecordedRequest> awaitRequests(int count, Duration timeout) {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (requests.size() < count && nanos > 0) {
                nanos = arrived.awaitNanos(nanos);
            }
            if (requests.size() < count) {
                throw new AssertionError("expected " + count + " requests within " + timeout + ", got "
                        + requests.size() + ": " + requests);
            }
            return List.copyOf(requests);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + count + " requests", e);
        } finally {
            lock.unlock();
        }
    }

    /** Forgets the recorded requests and the queued failures; added answers stay. */
    public void clear() {
        locked(() -> {
            requests.clear();
            givenIds.clear();
            failures.clear();
            messageFaults.clear();
            return null;
        });
    }

    /**
     * Answers the next request, whatever its path, with Meta's error JSON.
     *
     * @param httpStatus the HTTP status, such as 400
     * @param code Meta's error code
     * @param subcode Meta's error subcode, or null for none
     * @param message Meta's error message
     * @return this stand-in
     */
    public GraphStandIn failNext(int httpStatus, int code, Integer subcode, String message) {
        Objects.requireNonNull(message, "message");
        return queue(request -> MetaAnswers.error(httpStatus, code, subcode, message, null));
    }

    /**
     * Answers the next request with a rate-limit error: HTTP 429 with code 130429 ("Rate limit
     * hit") for a WhatsApp body, code 613 ("Calls to this API have exceeded the rate limit")
     * otherwise. Both are retryable.
     *
     * @return this stand-in
     */
    public GraphStandIn rateLimitNext() {
        return queue(MetaAnswers::rateLimited);
    }

    /**
     * Answers the next request with an expired token: HTTP 401, code 190, subcode 463.
     *
     * @return this stand-in
     */
    public GraphStandIn expiredTokenNext() {
        return queue(MetaAnswers::expiredToken);
    }

    /**
     * The message ids this stand-in gave in its answers to sends, in the order it answered.
     *
     * @return the ids, such as {@code wamid.…} or {@code m_…}
     */
    public List<String> givenMessageIds() {
        return locked(() -> List.copyOf(givenIds));
    }

    /**
     * Reads the next request, records it, and closes the connection without answering, as when
     * a connection drops after Meta received the call: the caller cannot know whether it took
     * effect.
     *
     * @return this stand-in
     */
    public GraphStandIn dropConnectionNext() {
        return queue(request -> Answer.NONE);
    }

    /**
     * Like {@link #dropConnectionNext()}, for the next request that sends a message (not a
     * typing indicator, a read receipt or any other call), whatever comes before it.
     *
     * @return this stand-in
     */
    public GraphStandIn dropConnectionOnNextMessage() {
        return locked(() -> {
            messageFaults.addLast(request -> Answer.NONE);
            return this;
        });
    }

    /**
     * Answers the next request that sends a message with HTTP 200 and a body without its
     * message id, as if Meta accepted it but the answer lost the id.
     *
     * @return this stand-in
     */
    public GraphStandIn acceptNextMessageWithoutId() {
        return locked(() -> {
            messageFaults.addLast(request -> new Answer(200, "{}"));
            return this;
        });
    }

    /**
     * Holds the answer to the next request that sends a message until the returned latch is
     * counted down (or 30 seconds passed), then answers it as sent with the given id: a test can
     * deliver webhooks while the send is under way, such as an echo that overtakes the answer.
     *
     * @param messageId the id to give the message
     * @return the latch that releases the answer
     */
    public CountDownLatch holdNextMessage(String messageId) {
        Objects.requireNonNull(messageId, "messageId");
        CountDownLatch release = new CountDownLatch(1);
        return locked(() -> {
            messageFaults.addLast(request -> {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return MetaAnswers.sent(request, messageId);
            });
            return release;
        });
    }

    /**
     * Like {@link #failNext}, for the next request that sends a message (not a typing
     * indicator, a read receipt or any other call), whatever comes before it. For example
     * {@code failNextMessage(500, 131000, null, "(#131000) Something went wrong")}, which Meta can
     * answer after it accepted the message.
     *
     * @param httpStatus the HTTP status
     * @param code Meta's error code
     * @param subcode Meta's error subcode, or null for none
     * @param message Meta's error message
     * @return this stand-in
     */
    public GraphStandIn failNextMessage(int httpStatus, int code, Integer subcode, String message) {
        Objects.requireNonNull(message, "message");
        return locked(() -> {
            messageFaults.addLast(request -> MetaAnswers.error(httpStatus, code, subcode, message, null));
            return this;
        });
    }

    /**
     * Answers the next request as sent outside the messaging window: HTTP 400 with code 131047
     * ("Re-engagement message") for a WhatsApp body, code 10 with subcode 2018278 otherwise.
     *
     * @return this stand-in
     */
    public GraphStandIn outsideWindowNext() {
        return queue(MetaAnswers::outsideWindow);
    }

    /**
     * Answers requests of a method whose whole path (with the API version) matches a regular
     * expression, such as {@code answer("GET", "/v\\d+\\.\\d+/[^/]+", 200, "{\"url\":\"...\"}")}.
     * It wins over earlier answers and the defaults.
     *
     * @param method the HTTP method
     * @param pathRegex the regular expression over the path
     * @param status the HTTP status to answer
     * @param jsonBody the JSON body to answer
     * @return this stand-in
     */
    public GraphStandIn answer(String method, String pathRegex, int status, String jsonBody) {
        Objects.requireNonNull(jsonBody, "jsonBody");
        Route route = new Route(method.toUpperCase(Locale.ROOT), Pattern.compile(pathRegex),
                request -> new Answer(status, jsonBody));
        return locked(() -> {
            routes.addFirst(route);
            return this;
        });
    }

    /** Stops the server and its threads. */
    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    private GraphStandIn queue(Function<RecordedRequest, Answer> failure) {
        return locked(() -> {
            failures.addLast(failure);
            return this;
        });
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            RecordedRequest request = record(exchange);
            Answer answer;
            try {
                answer = answerFor(request);
            } catch (RuntimeException e) {
                answer = MetaAnswers.error(500, 1, null, "(#1) The Graph stand-in failed to answer: " + e, null);
            }
            if (answer == Answer.NONE) {
                return;
            }
            MetaAnswers.messageId(answer).ifPresent(id -> locked(() -> givenIds.add(id)));
            byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private RecordedRequest record(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        URI uri = exchange.getRequestURI();
        RecordedRequest request = new RecordedRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                uri.getRawPath(), uri.getRawQuery() == null ? "" : uri.getRawQuery(), headers, body);
        locked(() -> {
            requests.add(request);
            arrived.signalAll();
            return null;
        });
        return request;
    }

    private Answer answerFor(RecordedRequest request) {
        Function<RecordedRequest, Answer> chosen = locked(() -> {
            Function<RecordedRequest, Answer> failure = failures.pollFirst();
            if (failure != null) {
                return failure;
            }
            if (!messageFaults.isEmpty() && MetaAnswers.isMessage(request)) {
                return messageFaults.pollFirst();
            }
            return routes.stream().filter(route -> route.matches(request)).findFirst()
                    .<Function<RecordedRequest, Answer>>map(Route::answer)
                    .orElse(MetaAnswers::unknownEndpoint);
        });
        return chosen.apply(request);
    }

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "GraphStandIn[" + baseUrl() + "]";
    }
}
