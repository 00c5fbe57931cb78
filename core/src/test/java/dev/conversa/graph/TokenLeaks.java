package dev.conversa.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Catches the {@link GraphApiException} a call throws and proves it does not reveal the token. */
final class TokenLeaks {

    static final String TOKEN = "EAAGtestTOKEN0123456789abcdef";

    private TokenLeaks() {
    }

    static GraphApiException failureOf(ThrowingCallable call) {
        GraphApiException failure = catchThrowableOfType(GraphApiException.class, call);
        assertThat(failure).as("a GraphApiException").isNotNull();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN);
            assertThat(t.toString()).doesNotContain(TOKEN);
        }
        return failure;
    }
}
