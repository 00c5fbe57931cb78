package dev.conversa;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chooses the executor for work items: virtual threads when the JVM has them (Java 21 and
 * later, found at run time because this library compiles for Java 17), otherwise a fixed pool
 * of daemon threads. Either way the work loop's semaphore bounds how many items run at once.
 */
final class WorkerThreads {

    private WorkerThreads() {
    }

    static ExecutorService create(String name, int concurrency) {
        try {
            Method factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
            return (ExecutorService) factory.invoke(null);
        } catch (ReflectiveOperationException e) {
            return Executors.newFixedThreadPool(concurrency, daemonThreads(name));
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
