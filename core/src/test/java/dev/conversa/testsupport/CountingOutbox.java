package dev.conversa.testsupport;

import dev.conversa.store.Outbox;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

/** An outbox that counts calls of one of its methods, for tests of how often the sender looks for work or marks. */
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
        return calls(outbox, "claim", claims);
    }

    /**
     * Wraps an outbox.
     *
     * @param outbox the outbox every call goes to
     * @param name the method whose calls to count, such as {@code "markSending"}
     * @param calls counts them
     * @return the counting outbox
     */
    public static Outbox calls(Outbox outbox, String name, AtomicInteger calls) {
        return (Outbox) Proxy.newProxyInstance(Outbox.class.getClassLoader(), new Class<?>[] {Outbox.class},
                (proxy, method, args) -> {
                    if (method.getName().equals(name)) {
                        calls.incrementAndGet();
                    }
                    try {
                        return method.invoke(outbox, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
