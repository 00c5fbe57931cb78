package dev.conversa.examples.quickstart;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.conversa.agent.Agent;
import dev.conversa.agent.AgentQueue;
import dev.conversa.agent.Presence;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.ConversationState;
import dev.conversa.testkit.WebhookSigner;
import dev.conversa.testkit.whatsapp.WhatsAppCustomer;
import dev.conversa.testkit.whatsapp.WhatsAppMessage;
import dev.conversa.testkit.whatsapp.WhatsAppWebhook;
import dev.conversa.webhook.WebhookRequest;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The agent inbox in a real headless Chromium (the system's {@code chromium} and {@code
 * chromedriver}, driven by Selenium), on the quick start in real mode with an API token and
 * WireMock on 127.0.0.1 as the Graph API: a customer writes through a signed webhook and asks
 * for a person, the agent signs in, sees the conversation in the queue, takes it, replies (the
 * reply reaches the Graph stand-in and the bot stays silent), adds a note, and releases it, after
 * which the bot answers again. Takes the README's screenshot ({@code docs/inbox.png}).
 *
 * <p>Fails, never skips, when Chromium or chromedriver is missing: {@code .ci/run} installs them.
 */
class InboxBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String TOKEN = "7c2e4a90b15d48f3a6e0c9d27f81b34e5d60a9c2f4e7b1d8a3c5e09f6b2d4a71";
    private static final String CUSTOMER = "15550006161";
    private static final ConversationKey KEY = new ConversationKey(ChannelType.WHATSAPP, TestSettings.WHATSAPP_ACCOUNT,
            CUSTOMER);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger MESSAGE_IDS = new AtomicInteger();

    @RegisterExtension
    static WireMockExtension graph = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().globalTemplating(true))
            .resetOnEachTest(false)
            .build();

    @TempDir
    static Path profile;

    private static QuickStartApp app;
    private static LoopbackClient client;
    private static WebDriver browser;

    @BeforeAll
    static void startTheQuickStartAndTheBrowser() throws IOException {
        assertThat(CHROMIUM).as("the chromium package (apt-get install chromium chromium-driver)").isExecutable();
        assertThat(CHROMEDRIVER).as("the chromium-driver package (apt-get install chromium chromium-driver)")
                .isExecutable();
        graph.stubFor(post(urlPathMatching(".*/messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + CUSTOMER
                        + "\",\"wa_id\":\"" + CUSTOMER + "\"}],\"messages\":[{\"id\":\"wamid.{{randomValue length=24 "
                        + "type='ALPHANUMERIC'}}\"}]}")));
        app = QuickStartApp.start(TestSettings.real(URI.create(graph.baseUrl()), Map.of("CONVERSA_API_TOKEN", TOKEN)));
        client = new LoopbackClient(app.port());
        app.conversa().agents().saveQueue(AgentQueue.of(QuickStartApp.TENANT, "support", "Support").asDefault());
        app.conversa().agents().save(Agent.builder().tenant(QuickStartApp.TENANT).id("ana").displayName("Ana")
                .queue("support").presence(Presence.ONLINE).maxConversations(3).build());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1020", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void anAgentTakesOverRepliesAndReleasesTheConversationInTheBrowser() throws Exception {
        // given: the customer talks to the bot, then asks for a person
        customerWrites("hello");
        awaitSentTexts(1);
        customerWrites("I want to talk to a person please");
        awaitSentTexts(2);
        await().atMost(WAIT).until(() -> state() == ConversationState.WAITING_FOR_AGENT);

        // when: the agent signs in and finds the conversation in the queue
        browser.get("http://127.0.0.1:" + app.port() + "/inbox");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(TOKEN);
        browser.findElement(By.id("signin-button")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".depth[data-queue='support']"), "1"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.waiting[data-contact='" + CUSTOMER + "']")))
                .click();
        wait.until(ExpectedConditions.textToBe(By.id("state"), "WAITING_FOR_AGENT"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sentiment"),
                "the rules responder reads no sentiment"));
        browser.findElement(By.id("take")).click();
        wait.until(ExpectedConditions.textToBe(By.id("state"), "WITH_AGENT"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".depth[data-queue='support']"), "0"));

        // and replies
        assertThat(browser.findElement(By.id("window")).getText()).contains("Within 24 hours");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("send")));
        browser.findElement(By.id("reply-text")).sendKeys("Hi, I am Ana. How can I help?");
        browser.findElement(By.id("send")).click();

        // then the reply reaches the Graph API, and the inbox shows it sent
        assertThat(awaitSentTexts(3).get(2)).contains("Hi, I am Ana. How can I help?");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#history .message.AGENT .meta"),
                "sent"));

        // and the bot stays silent while the agent holds the conversation
        customerWrites("my order 1234 has not arrived");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history"), "my order 1234 has not arrived"));
        browser.findElement(By.id("note-text")).sendKeys("Order 1234: check with the warehouse");
        browser.findElement(By.id("add-note")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notes"), "check with the warehouse"));
        browser.findElement(By.id("reply-text")).sendKeys("Let me check that order for you.");
        browser.findElement(By.id("send")).click();
        List<String> sent = awaitSentTexts(4);
        assertThat(sent.get(3)).contains("Let me check that order for you.");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history"), "Let me check that order"));
        saveScreenshot();

        // when released, the bot answers again
        browser.findElement(By.id("release")).click();
        wait.until(ExpectedConditions.textToBe(By.id("state"), "BOT"));
        customerWrites("what are your opening hours?");
        assertThat(awaitSentTexts(5).get(4)).contains("We are open Monday to Friday");
        assertThat(sentTexts()).hasSize(5);
    }

    @Test
    void theAgentApiNeedsTheToken() throws Exception {
        for (String path : List.of("/api/agent/agents", "/api/agent/queues", "/api/agent/metrics")) {
            HttpResponse<String> response = client.get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.body()).isEmpty();
        }
        assertThat(client.get("/api/agent/agents", "Authorization", "Bearer " + TOKEN).body()).contains("\"ana\"");
    }

    @Test
    void theInboxPageItselfHoldsNoData() throws Exception {
        HttpResponse<String> page = client.get("/inbox");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Conversa agent inbox").doesNotContain(CUSTOMER);
    }

    private static void customerWrites(String text) throws Exception {
        WebhookRequest webhook = WhatsAppWebhook.builder().business(TestSettings.WHATSAPP_ACCOUNT, "15550000000")
                .at(Instant.now())
                .message(WhatsAppCustomer.withPhone(CUSTOMER, "Rosa"),
                        WhatsAppMessage.text("wamid.INBOX" + MESSAGE_IDS.incrementAndGet(), text))
                .signed(Secret.of(TestSettings.APP_SECRET));
        HttpResponse<String> posted = client.post("/webhook", new String(webhook.body()), WebhookSigner.HEADER,
                webhook.header(WebhookSigner.HEADER).orElseThrow());
        assertThat(posted.statusCode()).isEqualTo(200);
    }

    private static ConversationState state() {
        return app.conversa().conversations().find(QuickStartApp.TENANT, KEY).map(c -> c.state())
                .orElse(ConversationState.BOT);
    }

    /** The bodies of the messages sent to the Graph API, oldest first (not read receipts and typing). */
    private static List<String> sentTexts() {
        return graph.getAllServeEvents().stream().map(event -> event.getRequest())
                .filter(request -> request.getUrl().endsWith("/messages"))
                .filter(request -> !request.getBodyAsString().contains("\"status\":\"read\""))
                .sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()))
                .map(LoggedRequest::getBodyAsString).toList();
    }

    private static List<String> awaitSentTexts(int count) {
        await().atMost(WAIT).until(() -> sentTexts().size() >= count);
        return sentTexts();
    }

    /**
     * Saves the inbox as {@code target/inbox.png}; with {@code -Dconversa.screenshot.update=true}
     * also as the README's {@code docs/inbox.png} (not on every build: the picture's clock
     * changes, and a build should leave the tree clean).
     */
    private static void saveScreenshot() throws IOException {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        assertThat(Files.size(shot.toPath())).as("screenshot bytes").isPositive();
        Files.copy(shot.toPath(), Path.of("target", "inbox.png"), StandardCopyOption.REPLACE_EXISTING);
        if (Boolean.getBoolean("conversa.screenshot.update")) {
            Path docs = Path.of("../../docs").toAbsolutePath().normalize();
            Files.copy(shot.toPath(), docs.resolve("inbox.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
