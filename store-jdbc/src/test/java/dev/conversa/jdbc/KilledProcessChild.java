package dev.conversa.jdbc;

import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import java.time.Instant;
import java.util.List;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The process {@link H2WriteDelayTest} kills: it opens the stores on the H2 file database named
 * by its argument and appends events to the inbox one at a time, each one acknowledged on its
 * output (as a webhook handler answers 200) once {@code append} returned, until it is killed.
 */
final class KilledProcessChild {

    static final String ACKNOWLEDGED = "acknowledged ";
    static final ConversationKey ANNA = new ConversationKey(ChannelType.WHATSAPP, "phone-1", "anna");

    private KilledProcessChild() {}

    public static void main(String[] args) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(args[0], "sa", "");
        JdbcStores jdbc = JdbcStores.builder().dataSource(pool).tokenCipher(TestDatabases.cipher()).build();
        jdbc.migrate();
        for (int i = 0; ; i++) {
            jdbc.stores().inbox().append(Workload.TENANT, List.of(Workload.message(ANNA, externalId(i),
                    Instant.now())), Instant.now());
            System.out.println(ACKNOWLEDGED + i);
            System.out.flush();
        }
    }

    static String externalId(int i) {
        return "wamid." + i;
    }
}
