package dev.conversa.whatsapp.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Spaces sends so that WhatsApp's limits are not hit: per business number, at most the
 * configured messages per second, evenly spaced (no burst); per (number, recipient) pair, a
 * burst of {@code pairBurst} messages, then one per {@code pairInterval} (a generic cell rate
 * algorithm, which matches Meta's "burst, then borrow" pair limit). A caller reserves a slot and
 * waits until it; slots are handed out in call order. Thread-safe.
 *
 * @see <a href="https://developers.facebook.com/docs/whatsapp/throughput">Throughput</a>
 */
public final class SendPacer {

    private static final int PAIRS_BEFORE_SWEEP = 10_000;

    private final long numberIntervalNanos;
    private final long pairIntervalNanos;
    private final long pairToleranceNanos;
    private final Map<String, Instant> nextNumberSlot = new HashMap<>();
    private final Map<String, Instant> pairTheoreticalArrival = new HashMap<>();

    /**
     * Creates the pacer.
     *
     * @param messagesPerSecond the most messages per second per business number
     * @param pairBurst how many messages may go to one recipient at once
     * @param pairInterval the spacing of messages to one recipient after the burst
     * @throws IllegalArgumentException if a value is not positive
     */
    public SendPacer(double messagesPerSecond, int pairBurst, Duration pairInterval) {
        if (!(messagesPerSecond > 0) || pairBurst < 1 || pairInterval.isNegative() || pairInterval.isZero()) {
            throw new IllegalArgumentException("messagesPerSecond, pairBurst and pairInterval must be positive");
        }
        this.numberIntervalNanos = (long) Math.ceil(1_000_000_000d / messagesPerSecond);
        this.pairIntervalNanos = pairInterval.toNanos();
        this.pairToleranceNanos = (pairBurst - 1) * pairIntervalNanos;
    }

    /**
     * Reserves the next slot for one message and tells how long to wait for it.
     *
     * @param number the business phone number id
     * @param recipient the recipient, or {@code null} for calls not bound by the pair limit
     *     (read receipts, typing indicators)
     * @param now the current time
     * @return how long to wait before sending; zero when the send may go now
     */
    public synchronized Duration reserve(String number, String recipient, Instant now) {
        Instant slot = later(now, nextNumberSlot.getOrDefault(number, now));
        String pair = recipient == null ? null : number + '\u0000' + recipient;
        if (pair != null) {
            Instant arrival = pairTheoreticalArrival.getOrDefault(pair, now);
            slot = later(slot, arrival.minusNanos(pairToleranceNanos));
            pairTheoreticalArrival.put(pair, later(arrival, slot).plusNanos(pairIntervalNanos));
            sweep(now);
        }
        nextNumberSlot.put(number, slot.plusNanos(numberIntervalNanos));
        return Duration.between(now, slot);
    }

    private void sweep(Instant now) {
        if (pairTheoreticalArrival.size() > PAIRS_BEFORE_SWEEP) {
            pairTheoreticalArrival.values().removeIf(arrival -> !arrival.isAfter(now));
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
