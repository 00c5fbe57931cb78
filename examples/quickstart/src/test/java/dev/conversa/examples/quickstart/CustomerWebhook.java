package dev.conversa.examples.quickstart;

import dev.conversa.lang.Secret;
import dev.conversa.testkit.WebhookSigner;
import dev.conversa.testkit.whatsapp.WhatsAppCustomer;
import dev.conversa.testkit.whatsapp.WhatsAppMessage;
import dev.conversa.testkit.whatsapp.WhatsAppWebhook;
import dev.conversa.webhook.WebhookRequest;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One customer's first WhatsApp message as Meta posts it: a signed webhook body with one text
 * message, its own wamid and a fresh timestamp, to the business number
 * {@link WhatsAppWebhook#PHONE_NUMBER_ID}.
 *
 * @param customer the customer's number in the test, from 0
 * @param phone the customer's {@code wa_id}, a fictional 555 number
 * @param messageId the message's wamid
 * @param body the raw body, escaped as Meta escapes it
 * @param signature the {@code X-Hub-Signature-256} header value
 */
record CustomerWebhook(int customer, String phone, String messageId, byte[] body, String signature) {

    /**
     * Builds one webhook per customer.
     *
     * @param customers how many customers
     * @param appSecret the app secret the server verifies with
     * @param at the messages' time
     * @return the webhooks, customer 0 first
     */
    static List<CustomerWebhook> forCustomers(int customers, Secret appSecret, Instant at) {
        return IntStream.range(0, customers).mapToObj(customer -> of(customer, appSecret, at)).toList();
    }

    private static CustomerWebhook of(int customer, Secret appSecret, Instant at) {
        String phone = String.format("1555%07d", customer);
        String messageId = "wamid.kill-test." + customer;
        WebhookRequest request = WhatsAppWebhook.builder().at(at)
                .message(WhatsAppCustomer.withPhone(phone, "Customer " + customer),
                        WhatsAppMessage.text(messageId, "Do you deliver on Sundays?"))
                .signed(appSecret);
        return new CustomerWebhook(customer, phone, messageId, request.body(),
                request.header(WebhookSigner.HEADER).orElseThrow());
    }

    /** Names the customer by number only: no phone number, no text. */
    @Override
    public String toString() {
        return "customer " + customer + " (" + messageId + ")";
    }
}
