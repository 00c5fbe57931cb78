package dev.conversa.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Conversa's workers start with the application context and are gone when it closes. */
class LifecycleTest {

    @Test
    void closingTheContextLeavesNoThreadBehind() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        SpringApplication application = new SpringApplication(TestApplication.class);
        ConfigurableApplicationContext context = application.run("--server.port=0", "--server.address=127.0.0.1",
                "--conversa.app-secrets=app-secret", "--conversa.verify-token=verify-token");
        assertThat(startedSince(before)).anyMatch(name -> name.startsWith("conversa-dispatcher"))
                .anyMatch(name -> name.startsWith("conversa-outbox"));

        context.close();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(startedSince(before))
                .noneMatch(name -> name.startsWith("conversa-"))
                .noneMatch(name -> name.startsWith("http-nio")));
    }

    private static Set<String> startedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && thread.isAlive())
                .map(Thread::getName)
                .collect(Collectors.toSet());
    }
}
