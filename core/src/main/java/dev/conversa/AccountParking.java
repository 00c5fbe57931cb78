package dev.conversa;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.graph.GraphApiException;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The accounts whose sends wait, in this process, so their messages are not tried (and do not
 * use up their attempts) while the answer is known to be "no": an account whose access token Meta
 * refused (code 190) waits until the host registers another token; an account Meta throttles as
 * a whole (HTTP 429, codes 4, 17, 32, 613, 80007, 130429) waits until the throttle's delay passed.
 * A pair rate limit (131056) concerns one customer and parks nothing. An account Meta blocked
 * for its messaging policies ({@link #block}) waits until Meta unblocks it or the host registers
 * it again. Other accounts are not affected. Thread-safe.
 */
final class AccountParking {

    private static final Set<Integer> ACCOUNT_THROTTLE_CODES = Set.of(4, 17, 32, 613, 80007, 130429);
    private static final int TOKEN_REFUSED = 190;

    private final Map<AccountRef, Parked> parked = new ConcurrentHashMap<>();
    private final Map<AccountRef, Parked> blocked = new ConcurrentHashMap<>();

    /**
     * Whether a send of this account waits, and why.
     *
     * @param account the account as registered now
     * @param now the current time
     * @return the reason and until when to wait, when it waits
     */
    Optional<Parked> parked(ChannelAccount account, Instant now) {
        AccountRef ref = AccountRef.of(account);
        Parked block = blocked.get(ref);
        if (block != null) {
            return Optional.of(block);
        }
        Parked found = parked.get(ref);
        if (found == null) {
            return Optional.empty();
        }
        boolean stillRefused = found.refusedToken().map(token -> token.equals(account.accessToken())).orElse(false);
        if (stillRefused || found.until().isAfter(now)) {
            return Optional.of(found);
        }
        parked.remove(ref, found);
        return Optional.empty();
    }

    /**
     * Parks the account if the failure concerns it as a whole.
     *
     * @param account the account the send used
     * @param e the failure
     * @param until when a throttled account may send again
     * @return the parking, when the failure parked the account
     */
    Optional<Parked> failed(ChannelAccount account, GraphApiException e, Instant until) {
        Integer code = e.code().isPresent() ? e.code().getAsInt() : null;
        Parked parking;
        if (code != null && code == TOKEN_REFUSED) {
            parking = new Parked(Optional.of(account.accessToken()), Instant.MIN, "parked: the access token of "
                    + account.channel() + " account " + account.accountId() + " was refused (code 190); the "
                    + "account's messages wait until a new token is registered");
        } else if (e.isRetryable()
                && (e.httpStatus() == 429 || (code != null && ACCOUNT_THROTTLE_CODES.contains(code)))) {
            parking = new Parked(Optional.empty(), until, "parked: Meta throttles " + account.channel() + " account "
                    + account.accountId() + " (HTTP " + e.httpStatus() + ", code " + (code == null ? "none" : code)
                    + ") until " + until);
        } else {
            return Optional.empty();
        }
        parked.put(AccountRef.of(account), parking);
        return Optional.of(parking);
    }

    /**
     * Parks the account because Meta blocked it for its messaging policies, until
     * {@link #unblock}.
     *
     * @param account the account as registered now
     * @return the parking
     */
    Parked block(ChannelAccount account) {
        Parked parking = new Parked(Optional.empty(), Instant.MAX, "parked: Meta blocked " + account.channel()
                + " account " + account.accountId() + " for its messaging policies (policy enforcement); the "
                + "account's messages wait until Meta unblocks it or the account is registered again");
        blocked.put(AccountRef.of(account), parking);
        return parking;
    }

    /**
     * Lifts a policy block: Meta unblocked the account, or the host registered it again.
     *
     * @param channel the account's channel
     * @param accountId the account's id
     * @return true if the account was blocked
     */
    boolean unblock(ChannelType channel, String accountId) {
        return blocked.remove(new AccountRef(channel, accountId)) != null;
    }

    /**
     * Counts the accounts parked for a refused token that are still registered with that token;
     * one registered since with a new token is not counted.
     *
     * @param current finds the account as registered now, by channel and account id
     * @return the number of such accounts
     */
    int refusedTokens(BiFunction<ChannelType, String, Optional<ChannelAccount>> current) {
        int count = 0;
        for (Map.Entry<AccountRef, Parked> entry : parked.entrySet()) {
            Optional<Secret> refused = entry.getValue().refusedToken();
            if (refused.isPresent() && current.apply(entry.getKey().channel(), entry.getKey().accountId())
                    .filter(account -> refused.get().equals(account.accessToken())).isPresent()) {
                count++;
            }
        }
        return count;
    }

    /**
     * Why an account waits.
     *
     * @param refusedToken the token Meta refused, when that is why; a new token ends the wait
     * @param until when a throttled account may send again ({@link Instant#MIN} for a refused token,
     *     {@link Instant#MAX} for a policy block)
     * @param reason the reason recorded on the waiting entries, naming no personal data
     */
    record Parked(Optional<Secret> refusedToken, Instant until, String reason) {

        /**
         * When a waiting entry is looked at again: when the throttle ends, or after {@code recheck}
         * for a refused token or a policy block.
         */
        Instant lookAgainAt(Instant now, Duration recheck) {
            return refusedToken.isPresent() || until.equals(Instant.MAX) ? now.plus(recheck) : until;
        }
    }

    private record AccountRef(ChannelType channel, String accountId) {
        static AccountRef of(ChannelAccount account) {
            return new AccountRef(account.channel(), account.accountId());
        }
    }
}
