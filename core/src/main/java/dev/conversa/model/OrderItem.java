package dev.conversa.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of an order.
 *
 * @param productId the product's retailer id
 * @param quantity how many
 * @param itemPrice the price of one
 * @param currency the ISO 4217 currency code
 */
public record OrderItem(String productId, int quantity, BigDecimal itemPrice, String currency) {

    /** Checks the fields. */
    public OrderItem {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(itemPrice, "itemPrice");
        Objects.requireNonNull(currency, "currency");
    }
}
