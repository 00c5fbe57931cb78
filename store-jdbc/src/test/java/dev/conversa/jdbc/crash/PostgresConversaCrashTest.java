package dev.conversa.jdbc.crash;

import dev.conversa.jdbc.TestDatabasesAccess;
import dev.conversa.store.Stores;
import java.time.Clock;

/** The crash scenarios on embedded PostgreSQL, emptied before each test. */
class PostgresConversaCrashTest extends ConversaCrashScenarios {

    @Override
    Stores database(Clock clock) {
        return TestDatabasesAccess.postgres(clock).stores();
    }
}
