package dev.conversa.pipeline;

import java.util.List;

/** The chain from one position of the middleware list on; proceeds at most once. */
final class Link implements Chain {

    private final List<Middleware> middleware;
    private final int position;
    private final PipelineContext context;
    private boolean proceeded;

    Link(List<Middleware> middleware, int position, PipelineContext context) {
        this.middleware = middleware;
        this.position = position;
        this.context = context;
    }

    @Override
    public void proceed() {
        if (proceeded) {
            throw new IllegalStateException("next.proceed() was called twice by middleware " + (position - 1)
                    + " of the pipeline; call it at most once");
        }
        proceeded = true;
        if (position < middleware.size()) {
            context.checkLease();
            middleware.get(position).handle(context, new Link(middleware, position + 1, context));
        }
    }
}
