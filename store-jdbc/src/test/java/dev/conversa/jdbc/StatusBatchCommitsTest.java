package dev.conversa.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.Conversa;
import dev.conversa.channel.ChannelAccount;
import dev.conversa.lang.Secret;
import dev.conversa.model.Author;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.Direction;
import dev.conversa.model.EventHeader;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.StatusUpdate;
import dev.conversa.model.TenantId;
import dev.conversa.testsupport.AcceptingGraph;
import dev.conversa.testsupport.EchoTestChannel;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * A webhook of a thousand delivery statuses costs the database a few dozen commits, not one (or
 * two) per status: the dispatcher claims a conversation's statuses in runs and the statuses of
 * one claim in a batch, and handles each batch in one unit of work. Counted at the connections of
 * the instance's data source, on H2 and PostgreSQL, through the real dispatcher; the figures are
 * in {@code docs/reliability.md}. A pass of statuses queues nothing, so it does not wake the
 * outbox sender either (a claim that finds nothing: 191 commits for a thousand conversations
 * instead of 130).
 */
class StatusBatchCommitsTest {

    private static final int STATUSES = 1_000;
    private static final TenantId TENANT = TenantId.of("shop");
    private static final String ACCOUNT = "acct-1";
    private static final ConversationKey KERRY = key("kerry");
    private static final String OURS = "wamid.ours";

    private final Clock clock = Clock.systemUTC();

    @Test
    void aThousandStatusesOfOneConversationOnH2() {
        assertThat(drain(h2(), i -> KERRY)).as("commits for %s statuses", STATUSES).isLessThanOrEqualTo(STATUSES / 20);
    }

    @Test
    void aThousandStatusesOfOneConversationOnPostgres() {
        assertThat(drain(postgres(), i -> KERRY)).as("commits for %s statuses", STATUSES)
                .isLessThanOrEqualTo(STATUSES / 20);
    }

    @Test
    void aThousandStatusesOfAThousandConversationsOnH2() {
        assertThat(drain(h2(), i -> i == 0 ? KERRY : key("c" + i))).as("commits for %s statuses", STATUSES)
                .isLessThanOrEqualTo(STATUSES / 6);
    }

    @Test
    void aThousandStatusesOfAThousandConversationsOnPostgres() {
        assertThat(drain(postgres(), i -> i == 0 ? KERRY : key("c" + i))).as("commits for %s statuses", STATUSES)
                .isLessThanOrEqualTo(STATUSES / 6);
    }

    /**
     * Appends the statuses in one call, as the webhook does, then lets an instance on a counted
     * data source handle them all; returns the commits it made meanwhile. The last status reads
     * the business's message, which must end READ.
     */
    private int drain(DataSource dataSource, IntFunction<ConversationKey> conversationOf) {
        JdbcStores observer = JdbcStores.builder().dataSource(dataSource).tokenCipher(TestDatabases.cipher())
                .clock(clock).build();
        observer.migrate();
        observer.stores().messages().append(new MessageRecord(TENANT, KERRY, OURS, Direction.OUTBOUND, Author.BOT,
                "text", Optional.of("Yes, in size M."), DeliveryStatus.SENT, clock.instant()));
        List<InboundEvent> statuses = new ArrayList<>();
        for (int i = STATUSES - 1; i >= 0; i--) {
            statuses.add(status(conversationOf.apply(i), "status-" + i, i == 0 ? OURS : "wamid.other." + i,
                    i == 0 ? DeliveryStatus.READ : DeliveryStatus.DELIVERED));
        }
        assertThat(observer.stores().inbox().append(TENANT, statuses, clock.instant())).hasSize(STATUSES);

        AtomicInteger commits = new AtomicInteger();
        JdbcStores counted = JdbcStores.builder().dataSource(countingCommits(dataSource, commits))
                .tokenCipher(TestDatabases.cipher()).clock(clock).build();
        try (Conversa conversa = Conversa.builder().appSecret(Secret.of("secret")).verifyToken(Secret.of("verify"))
                .channel(new EchoTestChannel()).stores(counted.stores()).graphClient(new AcceptingGraph())
                .clock(clock).pollInterval(Duration.ofSeconds(1)).withoutScheduledRetention().build()) {
            conversa.registerAccount(ChannelAccount.of(TENANT, EchoTestChannel.TYPE, ACCOUNT, Secret.of("token")));
            commits.set(0);
            conversa.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> observer.stores().inbox().pendingCount() == 0);
            int made = commits.get();
            assertThat(observer.stores().inbox().parkedCount()).isZero();
            assertThat(observer.stores().messages().find(TENANT, EchoTestChannel.TYPE, OURS).orElseThrow().status())
                    .isEqualTo(DeliveryStatus.READ);
            System.out.printf("%s: %d statuses over %d conversation(s) handled with %d commits%n",
                    observer.databaseName(), STATUSES, statuses.stream().map(InboundEvent::conversation)
                            .distinct().count(), made);
            return made;
        }
    }

    private static StatusUpdate status(ConversationKey conversation, String externalId, String messageId,
            DeliveryStatus status) {
        EventHeader header = new EventHeader(conversation.channel(), conversation.accountId(),
                conversation.contactId(), externalId, Instant.now());
        return new StatusUpdate(header, messageId, status, List.of(), Map.of());
    }

    private static ConversationKey key(String contact) {
        return new ConversationKey(EchoTestChannel.TYPE, ACCOUNT, contact);
    }

    private static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    private DataSource postgres() {
        TestDatabases.postgres(clock);
        return TestDatabases.postgresDataSource();
    }

    /** The data source, counting the commits made on its connections. */
    private static DataSource countingCommits(DataSource target, AtomicInteger commits) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (result instanceof Connection connection) {
                        return Proxy.newProxyInstance(Connection.class.getClassLoader(),
                                new Class<?>[] {Connection.class}, (p, m, a) -> {
                                    if (m.getName().equals("commit")) {
                                        commits.incrementAndGet();
                                    }
                                    return invoke(connection, m, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
