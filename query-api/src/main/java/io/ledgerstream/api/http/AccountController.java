package io.ledgerstream.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.ledgerstream.api.auth.Authentication;
import io.ledgerstream.api.auth.Principal;
import io.ledgerstream.api.auth.TokenService.IssuedToken;
import io.ledgerstream.api.http.dto.AccountResponse;
import io.ledgerstream.api.http.dto.CredentialsRequest;
import io.ledgerstream.api.http.dto.TokenResponse;
import io.ledgerstream.api.http.error.ConflictException;
import io.ledgerstream.api.http.error.ForbiddenException;
import io.ledgerstream.api.http.error.TooManyRequestsException;
import io.ledgerstream.api.http.error.UnauthorizedException;
import io.ledgerstream.api.publish.UserCommandPublisher;
import io.ledgerstream.api.query.StateNotQueryableException;
import io.ledgerstream.api.query.UserStateReader;
import io.ledgerstream.api.routing.OwnerRouting;
import io.ledgerstream.schemas.avro.UserAccount;
import io.ledgerstream.topology.StoreNames;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /api/v1/auth/…}: registering an account, logging in for a token, and who the caller is.
 *
 * <p>Accounts live in the topology's user-accounts store (from the compacted user.accounts topic), so
 * registration and login are answered by the instance that owns the user id, and forwarded there
 * from any other. Registration publishes the account and waits until the store has an account for
 * the user id: this registration's (201), or another that came first (409), since the topology keeps
 * the first registration of a user id.
 */
final class AccountController {

    static final Duration REGISTRATION_WAIT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 20;

    private final UserStateReader reader;
    private final OwnerRouting routing;
    private final UserCommandPublisher publisher;
    private final Authentication auth;
    private final ObjectMapper mapper;
    private final Clock clock;

    AccountController(UserStateReader reader, OwnerRouting routing, UserCommandPublisher publisher,
                      Authentication auth, ObjectMapper mapper, Clock clock) {
        this.reader = reader;
        this.routing = routing;
        this.publisher = publisher;
        this.auth = auth;
        this.mapper = mapper;
        this.clock = clock;
    }

    void register(Context ctx) throws InterruptedException {
        if (!auth.openRegistration() && !auth.caller(ctx).map(Principal::isAdmin).orElse(false)) {
            throw new ForbiddenException("accounts are made by an admin here (auth.registration=admin):"
                    + " send an admin's bearer token");
        }
        CredentialsRequest credentials = RequestParams.body(ctx, mapper, CredentialsRequest.class);
        String userId = RequestParams.validUserId(credentials.userId());
        String password = credentials.checkedPassword(true);
        if (routing.answeredElsewhere(ctx, StoreNames.USER_ACCOUNTS, userId)) {
            return;
        }
        if (reader.account(userId).isPresent()) {
            throw taken(userId);
        }
        String registrationId = UUID.randomUUID().toString();
        publisher.publish(UserAccount.newBuilder()
                .setUserId(userId)
                .setPasswordHash(auth.passwords().hash(password))
                .setScopes(List.of())
                .setRegistrationId(registrationId)
                .setCreatedAt(clock.instant())
                .build());
        UserAccount account = awaitAccount(userId);
        if (!account.getRegistrationId().equals(registrationId)) {
            throw taken(userId);
        }
        ctx.status(HttpStatus.CREATED).json(new AccountResponse(userId, List.copyOf(account.getScopes())));
    }

    void login(Context ctx) {
        CredentialsRequest credentials = RequestParams.body(ctx, mapper, CredentialsRequest.class);
        String userId = RequestParams.validUserId(credentials.userId());
        String password = credentials.checkedPassword(false);
        if (routing.answeredElsewhere(ctx, StoreNames.USER_ACCOUNTS, userId)) {
            return;
        }
        Optional<Duration> blocked = auth.failedLogins().blockedFor(userId);
        if (blocked.isPresent()) {
            throw new TooManyRequestsException("too many failed logins for '" + userId + "'; try again later",
                    blocked.get());
        }
        Optional<UserAccount> account = reader.account(userId);
        boolean valid = account.isPresent()
                ? auth.passwords().verify(password, account.get().getPasswordHash())
                : auth.passwords().verifyNoAccount(password);
        if (!valid) {
            auth.failedLogins().failed(userId);
            throw new UnauthorizedException("wrong user id or password");
        }
        auth.failedLogins().succeeded(userId);
        Set<String> scopes = new HashSet<>(account.get().getScopes());
        IssuedToken token = auth.tokens().issue(userId, scopes);
        ctx.json(new TokenResponse(token.token(), "Bearer", token.expiresAt().toString(), userId,
                scopes.stream().sorted().toList()));
    }

    void me(Context ctx) {
        Principal principal = auth.caller(ctx).orElseThrow(() -> new UnauthorizedException("a bearer token is required"));
        ctx.json(new AccountResponse(principal.userId(), principal.scopes().stream().sorted().toList()));
    }

    private UserAccount awaitAccount(String userId) throws InterruptedException {
        Instant deadline = Instant.now().plus(REGISTRATION_WAIT);
        while (Instant.now().isBefore(deadline)) {
            Optional<UserAccount> account = reader.account(userId);
            if (account.isPresent()) {
                return account.get();
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new StateNotQueryableException("the registration of '" + userId + "' is published but not applied yet;"
                + " log in shortly, or register again to learn whether the user id was taken");
    }

    private static ConflictException taken(String userId) {
        return new ConflictException("user id '" + userId + "' is already registered");
    }
}
