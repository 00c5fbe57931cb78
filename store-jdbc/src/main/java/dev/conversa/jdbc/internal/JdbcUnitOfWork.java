package dev.conversa.jdbc.internal;

import dev.conversa.store.UnitOfWork;
import java.util.Objects;
import java.util.function.Supplier;

/** The JDBC stores' {@link UnitOfWork}: one transaction of the {@link Database} for the thread's work. */
public final class JdbcUnitOfWork implements UnitOfWork {

    private final Database database;

    /**
     * Groups the calls of the stores on this database.
     *
     * @param database the database every store uses
     */
    public JdbcUnitOfWork(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public <T> T run(Supplier<T> work) {
        return database.inUnitOfWork(Objects.requireNonNull(work, "work"));
    }

    @Override
    public <T> T outside(Supplier<T> work) {
        return database.outsideUnitOfWork(Objects.requireNonNull(work, "work"));
    }
}
