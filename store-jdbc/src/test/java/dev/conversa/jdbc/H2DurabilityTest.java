package dev.conversa.jdbc;

import java.time.Clock;

/** The durability scenarios on a fresh in-memory H2 database per test. */
class H2DurabilityTest extends DurabilityScenarios {

    @Override
    JdbcStores createStores(Clock clock) {
        return TestDatabases.h2(clock);
    }
}
