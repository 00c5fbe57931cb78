package dev.conversa.servlet;

import dev.conversa.webhook.WebhookHandler;
import java.net.URI;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/** An embedded Tomcat 11 on 127.0.0.1 and a free port, the webhook servlet mounted at {@code /webhook}. */
final class EmbeddedTomcat implements AutoCloseable {

    private final Tomcat tomcat = new Tomcat();
    private final Connector connector = new Connector();

    EmbeddedTomcat(Path baseDir, WebhookHandler webhooks) throws LifecycleException {
        tomcat.setBaseDir(baseDir.toString());
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", baseDir.toString());
        context.addServletContainerInitializer(
                (classes, servletContext) -> ConversaWebhookServlet.mount(servletContext, "/webhook", webhooks), null);
        tomcat.start();
    }

    URI webhookUri(String query) {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/webhook" + (query.isEmpty() ? "" : "?" + query));
    }

    @Override
    public void close() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }
}
