package dev.conversa.jdbc.crash;

import dev.conversa.jdbc.JdbcStores;
import dev.conversa.jdbc.TestDatabasesAccess;
import dev.conversa.store.Stores;
import java.time.Clock;

/** The crash scenarios on a fresh H2 database per test. */
class H2ConversaCrashTest extends ConversaCrashScenarios {

    @Override
    Stores database(Clock clock) {
        JdbcStores stores = TestDatabasesAccess.h2(clock);
        return stores.stores();
    }
}
