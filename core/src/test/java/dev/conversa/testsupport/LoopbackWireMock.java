package dev.conversa.testsupport;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;

/**
 * A WireMock server for one test class, on a free port bound to 127.0.0.1 only, so tests never
 * listen beyond the loopback interface.
 *
 * <pre>{@code
 * @RegisterExtension
 * static LoopbackWireMock graph = new LoopbackWireMock();
 * GraphClient client = GraphClient.builder().baseUrl(graph.baseUri()).build();
 * }</pre>
 *
 * <p>Thread-safe as WireMock is; stubs and recorded requests are reset before each test.
 */
public class LoopbackWireMock extends WireMockExtension {

    /** Creates the server; JUnit starts it when the extension is registered. */
    public LoopbackWireMock() {
        super(WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")));
    }

    /**
     * Creates a server that answers this many requests at once. WireMock holds a thread for the
     * whole of a delayed answer, so a test that delays many answers at once needs more threads
     * than WireMock's default, or its prompt answers queue behind the delayed ones.
     *
     * @param threads the server's request threads
     */
    public LoopbackWireMock(int threads) {
        super(WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(threads)));
    }

    /**
     * The server's address.
     *
     * @return {@code http://127.0.0.1:<port>}, without a trailing slash
     * @throws IllegalStateException if the server has not started yet
     */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + getPort());
    }
}
