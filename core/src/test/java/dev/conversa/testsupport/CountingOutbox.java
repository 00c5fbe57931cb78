package dev.conversa.testsupport;

import dev.conversa.store.Outbox;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

/** An outbox that counts the claims made of it, for tests of how often the sender looks for work. */
public final class CountingOutbox {

    private CountingOutbox() {}

    /**
     * Wraps an outbox.
     *
     * @param outbox the outbox every call goes to
     * @param claims counts the calls of {@link Outbox#claim}
     * @return the counting outbox
     */
    public static Outbox claims(Outbox outbox, AtomicInteger claims) {
        return (Outbox) Proxy.newProxyInstance(Outbox.class.getClassLoader(), new Class<?>[] {Outbox.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("claim")) {
                        claims.incrementAndGet();
                    }
                    try {
                        return method.invoke(outbox, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
