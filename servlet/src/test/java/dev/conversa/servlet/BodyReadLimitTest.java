package dev.conversa.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.lang.Secret;
import dev.conversa.store.Stores;
import dev.conversa.store.memory.InMemoryStores;
import dev.conversa.testsupport.EchoTestChannel;
import dev.conversa.webhook.WebhookHandler;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** How many bytes of an oversized body the servlet reads: the limit plus one at most, none when declared too long. */
class BodyReadLimitTest {

    private static final int LIMIT = 1024;

    private final Stores stores = InMemoryStores.create();
    private final ConversaWebhookServlet servlet = new ConversaWebhookServlet(WebhookHandler.builder()
            .appSecret(Secret.of("app-secret"))
            .verifyToken(Secret.of("verify-token"))
            .channel(new EchoTestChannel())
            .accounts(stores.accounts())
            .inbox(stores.inbox())
            .maxBodyBytes(LIMIT)
            .build());
    private final AtomicLong bytesRead = new AtomicLong();
    private final Map<String, Object> answered = new HashMap<>();

    @Test
    void readsAChunkedBodyOnlyToOneBytePastTheLimit() throws Exception {
        servlet.service(request(-1, LIMIT * 100L), response());

        assertThat(answered).containsEntry("status", 413);
        assertThat(bytesRead).hasValue(LIMIT + 1);
    }

    @Test
    void readsNothingOfABodyDeclaredOverTheLimitAndClosesTheConnection() throws Exception {
        servlet.service(request(LIMIT * 100L, LIMIT * 100L), response());

        assertThat(answered).containsEntry("status", 413).containsEntry("Connection", "close");
        assertThat(bytesRead).hasValue(0);
    }

    private HttpServletRequest request(long declaredLength, long actualLength) {
        ServletInputStream body = new ServletInputStream() {
            private long remaining = actualLength;

            @Override
            public int read() {
                if (remaining == 0) {
                    return -1;
                }
                remaining--;
                bytesRead.incrementAndGet();
                return ' ';
            }

            @Override
            public boolean isFinished() {
                return remaining == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        List<String> headers = declaredLength < 0 ? List.of("Transfer-Encoding") : List.of("Content-Length");
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getMethod" -> "POST";
                    case "getHeaderNames" -> Collections.enumeration(headers);
                    case "getHeaders" -> Collections.enumeration(List.of(
                            "Content-Length".equals(args[0]) ? Long.toString(declaredLength) : "chunked"));
                    case "getQueryString" -> null;
                    case "getContentLengthLong" -> declaredLength;
                    case "getInputStream" -> body;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private HttpServletResponse response() {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        ServletOutputStream output = new ServletOutputStream() {
            @Override
            public void write(int b) {
                written.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "setStatus" -> answered.put("status", args[0]);
                    case "setHeader" -> answered.put((String) args[0], args[1]);
                    case "setContentType", "setContentLength" -> null;
                    case "getOutputStream" -> output;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
