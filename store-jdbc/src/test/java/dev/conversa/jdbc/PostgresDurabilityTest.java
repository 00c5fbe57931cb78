package dev.conversa.jdbc;

import java.time.Clock;

/** The durability scenarios on embedded PostgreSQL, emptied before each test. */
class PostgresDurabilityTest extends DurabilityScenarios {

    @Override
    JdbcStores createStores(Clock clock) {
        return TestDatabases.postgres(clock);
    }
}
