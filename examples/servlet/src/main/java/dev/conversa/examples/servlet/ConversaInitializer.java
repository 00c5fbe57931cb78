package dev.conversa.examples.servlet;

import dev.conversa.Conversa;
import dev.conversa.lang.Secret;
import dev.conversa.servlet.ConversaWebhookServlet;
import dev.conversa.whatsapp.WhatsAppChannel;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.Set;

/**
 * Serves Conversa's webhook from any Jakarta Servlet 6 container, with no web.xml and no filter:
 * the container finds this initializer through {@code META-INF/services}, which builds
 * {@link Conversa} from the environment, mounts {@link ConversaWebhookServlet} at
 * {@code /webhook}, and starts and closes Conversa with the web application.
 *
 * <p>Environment: {@code META_APP_SECRET}, {@code META_VERIFY_TOKEN}. Stores are in memory here;
 * a real application passes {@code JdbcStores}.
 */
public final class ConversaInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        Conversa conversa = Conversa.builder()
                .appSecret(Secret.of(System.getenv("META_APP_SECRET")))
                .verifyToken(Secret.of(System.getenv("META_VERIFY_TOKEN")))
                .channel(WhatsAppChannel.create())
                .build();
        ConversaWebhookServlet.mount(context, "/webhook", conversa.webhooks());
        context.addListener(new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent event) {
                conversa.start();
            }

            @Override
            public void contextDestroyed(ServletContextEvent event) {
                conversa.close();
            }
        });
    }
}
