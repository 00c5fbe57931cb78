package dev.conversa.store;

import java.util.function.Supplier;

/** {@link UnitOfWork#none()}: runs the work as it is, each store call committing on its own. */
enum DirectUnitOfWork implements UnitOfWork {
    INSTANCE;

    @Override
    public <T> T run(Supplier<T> work) {
        return work.get();
    }
}
