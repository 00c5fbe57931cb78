package dev.conversa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.agent.Agent;
import dev.conversa.agent.Assignment;
import dev.conversa.agent.AssignmentStrategy;
import dev.conversa.agent.Presence;
import dev.conversa.model.ConversationState;
import dev.conversa.model.TenantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The README's agents example compiles, runs, and is in the README as written here. */
class AgentsReadmeTest {

    private static final String START = "// README-AGENTS-" + "START";
    private static final String END = "        // README-AGENTS-" + "END";

    @Test
    void theReadmeExampleAssignsAWaitingConversation() {
        try (TestBed bed = new TestBed(builder -> builder)) {
            bed.deliver("m1", "alice", "hello");
            await().until(() -> bed.stores.conversations().find(TestBed.TENANT, TestBed.key("alice")).isPresent());
            bed.conversa.conversations().changeState(TestBed.TENANT, TestBed.key("alice"),
                    ConversationState.WAITING_FOR_AGENT);

            Assignment taken = example(bed.conversa, TestBed.TENANT);

            assertThat(taken.agent()).contains("ana");
            assertThat(bed.conversa.agents().notes(TestBed.TENANT, TestBed.key("alice"))).hasSize(1);
        }
    }

    @Test
    void readmeShowsTheExampleAsCompiledHere() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/conversa/AgentsReadmeTest.java"));
        String snippet = source.substring(source.indexOf(START) + START.length(), source.indexOf(END));
        String dedented = snippet.lines().skip(1).map(line -> line.length() >= 8 ? line.substring(8) : line.strip())
                .reduce("", (a, b) -> a + b + "\n").strip();

        assertThat(Files.readString(Path.of("../README.md"))).contains(dedented);
    }

    private static Assignment example(Conversa conversa, TenantId tenant) {
        // README-AGENTS-START
        Agents agents = conversa.agents();
        String queue = agents.defaultQueue(tenant);
        agents.save(Agent.builder().tenant(tenant).id("ana").displayName("Ana").queue(queue)
                .presence(Presence.ONLINE).maxConversations(3).build());
        Optional<Assignment> next = agents.assignNext(tenant, queue, AssignmentStrategy.ROUND_ROBIN);
        next.ifPresent(taken -> agents.addNote(tenant, taken.conversation(), "ana", "Called back about the order"));
        // README-AGENTS-END
        return next.orElseThrow();
    }
}
