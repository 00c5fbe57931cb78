package dev.conversa.spring.boot;

import dev.conversa.pipeline.Middleware;
import dev.conversa.pipeline.Step;

/** Middleware the starter itself adds, before a step of its choosing rather than {@code conversa.middleware-before}. */
interface StepMiddleware extends Middleware {

    /**
     * The built-in step this middleware runs before.
     *
     * @return the step
     */
    Step before();
}
