package dev.conversa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.graph.GraphClient;
import dev.conversa.lang.Secret;
import dev.conversa.store.memory.InMemoryStores;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reads what slf4j-simple (the test binding) writes to System.err when a Conversa starts. */
class InMemoryStoresWarningTest {

    private static final String WARNING = "nothing survives a restart";

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStandardError() {
        originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStandardError() {
        System.setErr(originalErr);
    }

    @Test
    void warnsOnceAtStartWhenNoStoresAreConfigured() {
        // given
        Conversa conversa = build(UnaryOperator.identity());

        // when
        conversa.start();
        conversa.start();
        conversa.close();

        // then
        assertThat(logs()).containsOnlyOnce(WARNING)
                .contains("WARN dev.conversa.Conversa - No stores configured")
                .doesNotContain(TestBed.APP_SECRET);
    }

    @Test
    void doesNotWarnWhenTheHostConfiguredStores() {
        Conversa conversa = build(builder -> builder.stores(InMemoryStores.create()));

        conversa.start();
        conversa.close();

        assertThat(logs()).doesNotContain(WARNING);
    }

    @Test
    void doesNotWarnBeforeStart() {
        build(UnaryOperator.identity());

        assertThat(logs()).doesNotContain(WARNING);
    }

    private static Conversa build(UnaryOperator<Conversa.Builder> configure) {
        return configure.apply(Conversa.builder()
                .appSecret(Secret.of(TestBed.APP_SECRET))
                .verifyToken(Secret.of("verify"))
                .channel(new ScriptedChannel())
                .graphClient(GraphClient.builder().build()))
                .build();
    }

    private String logs() {
        return captured.toString(StandardCharsets.UTF_8);
    }
}
